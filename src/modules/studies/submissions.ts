import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { isUniqueViolation } from '../../platform/db/dialect';
import { nowIso } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import { validateAnswers } from '../../shared/xlsform/index';
import type { Answers, FormDef } from '../../shared/xlsform/types';
import type { Actor } from '../access/index';
import { ScopeCheck } from '../access/index';
import { answerIssueError } from '../forms/index';
import { GeoService } from '../geo/index';
import { factsOf } from './form-walk';
import * as repo from './repo';
import type { SubmitBody } from './schema';
import { StudiesService } from './service';

/** One interview ready to store: answers already validated and cleaned. */
export interface CleanSubmission {
  formVersionId: string;
  form: FormDef;
  respondentCode: string | null;
  division: string;
  interviewerId: string | null;
  collectedAt: string;
  answers: Answers;
  source: 'app' | 'kobo';
  sourceId: string | null;
}

/** Today's date where the study is run ('YYYY-MM-DD', Ecuador's time). */
export const todayHere = (now = new Date()) => new Date(now.getTime() - 5 * 3_600_000).toISOString().slice(0, 10);

/**
 * Stores one validated interview: answers sealed (AAD: study_submissions/<id>/answers), the select choices in plain
 * facts. A respondent code is generated when none is given (the next free `R-0001` style number).
 */
export async function storeSubmission(
  ctx: Context,
  trx: Transaction<Database>,
  studyId: string,
  s: CleanSubmission,
): Promise<{ id: string; respondentCode: string; submittedAt: string }> {
  const id = randomUUID();
  const submittedAt = nowIso();
  const base = await repo.countRespondentCodes(trx, studyId, 'R-');
  for (let attempt = 0; attempt < 50; attempt++) {
    const code = s.respondentCode ?? `R-${String(base + 1 + attempt).padStart(4, '0')}`;
    if (!s.respondentCode && (await repo.respondentCodeTaken(trx, studyId, code))) continue;
    if (s.respondentCode && (await repo.respondentCodeTaken(trx, studyId, code)))
      throw new AppError(409, 'respondent_code_taken');
    await repo.insertSubmission(trx, {
      id,
      study_id: studyId,
      form_version_id: s.formVersionId,
      respondent_code: code,
      division_code: s.division,
      interviewer_id: s.interviewerId,
      collected_at: s.collectedAt,
      submitted_at: submittedAt,
      answers_enc: ctx.crypto.encrypt(JSON.stringify(s.answers), {
        table: 'study_submissions',
        row: id,
        column: 'answers',
      }),
      facts: JSON.stringify(factsOf(s.form, s.answers)),
      source: s.source,
      source_id: s.sourceId ?? id,
      consent_given: 1,
    });
    return { id, respondentCode: code, submittedAt };
  }
  throw new AppError(409, 'respondent_code_taken');
}

/** The sealed answers of a stored interview. */
export const openAnswers = (ctx: Context, row: { id: string; answers_enc: string }) =>
  JSON.parse(
    ctx.crypto.decrypt(row.answers_enc, { table: 'study_submissions', row: row.id, column: 'answers' }),
  ) as Answers;

/** True when the division is one of the study's places or lies under one (a parish of a canton the study covers). */
export async function divisionInStudy(ctx: Context, study: repo.StudyRow, division: string): Promise<boolean> {
  const ancestry = await new GeoService(ctx.db.db).ancestry(study.country_code, division);
  return ancestry !== null && study.places.some((p) => ancestry.includes(p));
}

/** Interviews collected in the field: validated against the version the device had, stored once. */
export class StudySubmissions {
  private readonly studies: StudiesService;
  constructor(private readonly ctx: Context) {
    this.studies = new StudiesService(ctx);
  }

  async submit(actor: Actor, id: string, b: SubmitBody, lang: string, requestId: string, retryKey: string | null) {
    const { study } = await this.studies.load(actor, id, 'collect');
    if (!(await divisionInStudy(this.ctx, study, b.division))) throw new AppError(422, 'division_outside_study');
    if (!(await new ScopeCheck(this.ctx).within(actor, study.country_code, b.division)))
      throw new AppError(422, 'scope_outside_jurisdiction');
    if (study.respondents === 'anonymous' && b.respondentCode) throw new AppError(400, 'respondent_code_not_allowed');
    const v = study.form_id ? await repo.selectFormVersionByNumber(this.ctx.db.db, study.form_id, b.formVersion) : null;
    if (!v) throw new AppError(422, 'form_version_unknown', { number: b.formVersion });
    const sourceId = b.instanceId ?? retryKey;
    if (sourceId) {
      const before = await repo.selectSubmissionBySource(this.ctx.db.db, id, sourceId);
      if (before)
        return {
          id: before.id,
          code: before.respondent_code,
          respondentCode: before.respondent_code,
          formVersion: Number(v.number),
          submittedAt: before.submitted_at,
          duplicate: true,
        };
    }
    const form = JSON.parse(v.definition) as FormDef;
    const checked = validateAnswers(form, b.answers, { today: todayHere(), now: b.collectedAt });
    if (!checked.ok) throw answerIssueError(checked.issues, lang, form);
    const stored = await this.write(actor, id, requestId, {
      formVersionId: v.id,
      form,
      respondentCode: b.respondentCode ?? null,
      division: b.division,
      interviewerId: actor.userId,
      collectedAt: new Date(b.collectedAt).toISOString(),
      answers: checked.answers,
      source: 'app',
      sourceId,
    });
    return {
      id: stored.id,
      code: stored.respondentCode,
      respondentCode: stored.respondentCode,
      formVersion: Number(v.number),
      submittedAt: stored.submittedAt,
      duplicate: false,
    };
  }

  private async write(actor: Actor, studyId: string, requestId: string, s: CleanSubmission) {
    try {
      return await writeAudited(
        this.ctx,
        (r: { id: string }) => ({
          actor,
          action: 'study.submitted',
          recordType: 'study_submission',
          recordId: r.id,
          details: { studyId, division: s.division },
          requestId,
        }),
        (trx) => storeSubmission(this.ctx, trx, studyId, s),
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError(409, 'respondent_code_taken');
      throw err;
    }
  }
}
