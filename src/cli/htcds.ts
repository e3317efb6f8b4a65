import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { actorByEmail } from '../modules/access/index';
import { HtcdsExport, HtcdsImports, presentJob } from '../modules/insights/index';
import type { Context } from '../platform/context';
import { nowIso } from '../platform/db/index';
import { withContext } from './security';

const out = (line: string) => process.stdout.write(`${line}\n`);

/** The active user with this e-mail as an actor: exports and imports run with that person's rights and are audited as theirs. */
async function actorAs(ctx: Context, email: string) {
  const actor = await actorByEmail(ctx, email);
  if (!actor) throw new Error(`no active user with the e-mail given in --as`);
  return actor;
}

/** `htcds export` and `htcds import`: the HTCDS flat files from the command line, with a named user's rights. */
export function htcdsCommands(cli: Command): void {
  const htcds = cli.command('htcds').description('HTCDS 2.0 flat files (official template)');
  htcds
    .command('export')
    .description('write the cases the user can see as CSV or XLSX (personal columns only with exports:personal)')
    .requiredOption('--as <email>', 'the user whose rights apply (audited as theirs)')
    .requiredOption('--out <file>', 'output file; .xlsx writes XLSX, anything else CSV')
    .option('--division <code>', 'only cases in this division')
    .option('--year <year>', 'only cases registered in this year')
    .action(async (o: { as: string; out: string; division?: string; year?: string }) => {
      const year = o.year ? Number(o.year) : undefined;
      if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2100))
        throw new Error('--year must be a year between 1900 and 2100');
      await withContext(async (ctx) => {
        const actor = await actorAs(ctx, o.as);
        const exporter = new HtcdsExport(ctx);
        const q = { division: o.division, year };
        const requestId = `cli-${nowIso()}`;
        const file = o.out.toLowerCase().endsWith('.xlsx')
          ? await exporter.xlsx(actor, q, requestId)
          : await exporter.csv(actor, q, requestId);
        writeFileSync(o.out, file.body, { mode: 0o600 });
        out(`wrote ${o.out}`);
      });
    });
  htcds
    .command('import')
    .description('validate a CSV or XLSX in the template; import it when clean (or only its valid rows)')
    .argument('<file>', 'CSV or XLSX file')
    .requiredOption('--as <email>', 'the user who imports (cases are theirs, audited as theirs)')
    .option('--division <code>', 'where cases without a recruitment division are registered')
    .option('--valid-only', 'import the valid rows even when others have errors')
    .option('--check', 'only validate and print the report')
    .action(async (file: string, o: { as: string; division?: string; validOnly?: boolean; check?: boolean }) => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (e) {
        throw new Error(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      await withContext(async (ctx) => {
        const actor = await actorAs(ctx, o.as);
        const imports = new HtcdsImports(ctx);
        const requestId = `cli-${nowIso()}`;
        const job = await imports.upload(actor, bytes, file, o.division, requestId);
        const view = presentJob(job, 'en');
        out(`${view.total} rows: ${view.valid} valid, ${view.errors.length} errors, ${view.warnings.length} warnings`);
        for (const p of view.errors) out(`row ${p.row} ${p.column}: ${p.code} (${p.message})`);
        for (const p of view.warnings) out(`row ${p.row} ${p.column}: warning ${p.code} (${p.message})`);
        if (view.ignoredColumns.length) out(`ignored columns: ${view.ignoredColumns.join(', ')}`);
        if (o.check) return;
        if (view.errors.length && !o.validOnly)
          throw new Error('the file has errors: correct them or use --valid-only');
        await imports.commit(actor, job.id, Boolean(o.validOnly), requestId);
        // The import runs as a job in this process (or on a server's node, when one takes it first).
        const done = presentJob(await imports.settled(actor, job.id), 'en');
        out(`${done.status}: ${done.imported} cases imported, ${done.linked} linked to existing persons`);
        if (done.status !== 'done') throw new Error(`the import ${done.status}`);
      });
    });
}
