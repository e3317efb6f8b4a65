import type { Context } from '../../platform/context';
import { actorByEmail } from '../access/index';
import { demoCaseFormSheets } from './demo-form';
import { firstOpenCases } from './repo-demo';
import { FormsService } from './service';
import { CaseForms } from './service-cases';
import { writeXlsformWorkbook } from './xlsx-write';

/**
 * Case forms, alive: the administrator has imported "Escolaridad y trabajo infantil" and made it a section of every
 * Chimborazo case; the Guamote supervisor has filled it in on two Guamote cases.
 */
export async function seedFormsDemo(ctx: Context): Promise<void> {
  const admin = await actorByEmail(ctx, 'admin@minka.demo');
  const worker = await actorByEmail(ctx, 'supervisora.guamote@minka.demo');
  if (!admin || !worker) return;
  const forms = new FormsService(ctx);
  const data = await writeXlsformWorkbook(demoCaseFormSheets());
  const { formId } = await forms.importXlsx(admin, { data, filename: 'escolaridad.xlsx' }, 'case', undefined, 'demo');
  await forms.attach(admin, formId, { country: 'EC', division: '06' }, 'demo');
  const answers = [
    { in_school: 'no', last_grade: 'primary', work: ['begging', 'selling'], hours: 30, back_to_school: 'yes' },
    { in_school: 'yes', work: ['farm'], hours: 10 },
  ];
  const cases = await firstOpenCases(ctx.db.db, worker.orgId, '0606', answers.length);
  const sections = new CaseForms(ctx);
  for (const [i, c] of cases.entries())
    await sections.saveAnswers(worker, c.id, formId, { answers: answers[i], version: 0 }, 'demo');
}
