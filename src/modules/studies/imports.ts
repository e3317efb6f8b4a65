import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { isUniqueViolation } from '../../platform/db/dialect';
import { nowIso } from '../../platform/db/index';
import { AppError } from '../../platform/http/errors';
import { t } from '../../platform/i18n/index';
import { textFor, validateAnswers } from '../../shared/xlsform/index';
import type { Actor } from '../access/index';
import { koboRows, readTable } from './kobo';
import * as repo from './repo';
import { StudiesService } from './service';
import { divisionInStudy, storeSubmission, todayHere } from './submissions';

const maxRows = 20_000;

/** Interviews collected with KoboToolbox/ODK, imported from their export of the same form. */
export class StudyImports {
  private readonly studies: StudiesService;
  constructor(private readonly ctx: Context) {
    this.studies = new StudiesService(ctx);
  }

  /**
   * Every row is checked first; if any is wrong nothing is stored and the answer lists each row's problems.
   * Rows whose instance id was imported before are skipped (an export imported twice adds nothing).
   */
  async import(
    actor: Actor,
    id: string,
    file: { data: Buffer; filename: string },
    o: { division?: string; lang: string },
    requestId: string,
  ) {
    const { study } = await this.studies.load(actor, id, 'own');
    if (!study.form_version_id) throw new AppError(409, 'study_without_form');
    const { form, id: versionId } = await this.studies.version(study, study.form_version_id);
    let table: Awaited<ReturnType<typeof readTable>>;
    try {
      table = await readTable(file.data, file.filename);
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError(422, 'import_file_unreadable');
    }
    const rows = koboRows(form, table);
    if (!rows.length) throw new AppError(422, 'import_file_empty');
    if (rows.length > maxRows) throw new AppError(413, 'import_too_many_rows', { max: maxRows });
    const lang = o.lang;
    const problems: { row: number; issues: { path: string; problem: string; message: string }[] }[] = [];
    const clean = [];
    const today = todayHere();
    const seenCodes = new Set<string>();
    for (const r of rows) {
      const issues: { path: string; problem: string; message: string }[] = [];
      const division = r.division ?? o.division ?? null;
      if (!division)
        issues.push({ path: 'division', problem: 'required', message: t(lang, 'errors.division_missing') });
      else if (!(await divisionInStudy(this.ctx, study, division)))
        issues.push({
          path: 'division',
          problem: 'division_outside_study',
          message: t(lang, 'errors.division_outside_study'),
        });
      const code = study.respondents === 'pseudonymous' ? r.respondentCode : null;
      if (code && (!/^(?=.*[0-9])[A-Za-z0-9-]{3,40}$/.test(code) || seenCodes.has(code)))
        issues.push({
          path: 'respondent_code',
          problem: 'invalid_value',
          message: t(lang, 'errors.respondent_code_invalid'),
        });
      if (code) seenCodes.add(code);
      const checked = validateAnswers(form, r.answers, { today, now: r.collectedAt ?? nowIso() });
      if (!checked.ok)
        for (const i of checked.issues)
          issues.push({
            path: `answers.${i.path}`,
            problem: i.code,
            message: (i.message ? textFor(i.message, form, lang) : '') || t(lang, `errors.answer_${i.code}`),
          });
      if (issues.length) problems.push({ row: r.row, issues });
      else clean.push({ r, division: division!, code, answers: checked.answers });
    }
    if (problems.length)
      throw new AppError(
        422,
        'import_rows_invalid',
        {
          count: problems.length,
          rows: problems
            .slice(0, 20)
            .map((p) => p.row)
            .join(', '),
        },
        {
          rows: problems,
          fields: problems.flatMap((p) =>
            p.issues.map((i) => ({
              path: `rows.${p.row}.${i.path}`,
              problem: i.problem,
              message: `${t(lang, 'studies.importRow', { row: p.row })}: ${i.message}`,
            })),
          ),
        },
      );
    const known = await repo.selectSourceIds(
      this.ctx.db.db,
      id,
      clean.map((c) => c.r.instanceId),
    );
    const fresh = clean.filter((c) => !known.has(c.r.instanceId));
    const now = nowIso();
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'study.imported',
        recordType: 'study',
        recordId: id,
        details: { rows: rows.length, imported: fresh.length, skipped: rows.length - fresh.length },
        requestId,
      },
      async (trx) => {
        for (const c of fresh)
          await storeSubmission(this.ctx, trx, id, {
            formVersionId: versionId,
            form,
            respondentCode: c.code,
            division: c.division,
            interviewerId: null,
            collectedAt: c.r.collectedAt ?? now,
            answers: c.answers,
            source: 'kobo',
            sourceId: c.r.instanceId,
          });
      },
    ).catch((err) => {
      if (err instanceof AppError) throw err;
      if (isUniqueViolation(err)) throw new AppError(409, 'respondent_code_taken');
      throw err;
    });
    return { imported: fresh.length, skipped: rows.length - fresh.length, rows: rows.length };
  }
}
