import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { TranslationService } from '../modules/translations/index';
import { withContext } from './security';

const out = (line: string) => process.stdout.write(`${line}\n`);

/** `i18n export` and `i18n import`: the community review of a language's strings in a spreadsheet. */
export function i18nCommands(cli: Command): void {
  const i18n = cli.command('i18n').description('interface strings and their community review');
  i18n
    .command('export')
    .description('write every string of a language to an XLSX sheet (key, es, en, value, status, note)')
    .requiredOption('--lang <lang>', 'es, en or qu-EC')
    .option('--out <file>', 'where to write the sheet (default minka-<lang>.xlsx)')
    .action(async (o: { lang: string; out?: string }) => {
      const file = o.out ?? `minka-${o.lang}.xlsx`;
      await withContext(async (ctx) => {
        const service = new TranslationService(ctx);
        const lang = TranslationService.language(o.lang);
        writeFileSync(file, await service.exportXlsx(lang));
        const rows = await service.rows(lang);
        const count = (s: string) => rows.filter((r) => r.status === s).length;
        out(
          `${file}: ${rows.length} strings (${['reviewed', 'attested', 'dictionary', 'composed'].map((s) => `${count(s)} ${s}`).join(', ')})`,
        );
      });
    });
  i18n
    .command('import')
    .description('take a reviewed sheet back; changed or "reviewed" rows are kept across upgrades')
    .argument('<file>', 'the XLSX sheet written by i18n export')
    .action(async (file: string) => {
      const bytes = readFileSync(file);
      await withContext(async (ctx) => {
        const r = await new TranslationService(ctx).importXlsx(bytes, null);
        out(`${r.reviewed} strings reviewed, ${r.unchanged} unchanged`);
      });
    });
}
