import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import { rowCodec } from '../../platform/db/codec';
import type { Database } from '../../platform/db/types';
import type { Texts } from '../../shared/xlsform/types';

type Q = Kysely<Database> | Transaction<Database>;
export type StudyRowRaw = Database['studies'];
export type SubmissionRowRaw = Database['study_submissions'];

/** A study row as services handle it: texts and places as values. */
export const studyCodec = rowCodec<StudyRowRaw>()({
  json: { title: {} as Texts, purpose: {} as Texts, consent: {} as Texts, places: [] as string[] },
});
export type StudyRow = ReturnType<typeof studyCodec.decode>;

export const selectStudy = (q: Q, id: string) =>
  q
    .selectFrom('studies')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
    .then((r) => r && studyCodec.decode(r));

export const selectStudies = (q: Q) =>
  q
    .selectFrom('studies')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute()
    .then((rows) => rows.map((r) => studyCodec.decode(r)));

export const countStudyCodes = (q: Q, prefix: string) =>
  q
    .selectFrom('studies')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('code', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));

export const insertStudy = (q: Q, row: Insertable<StudyRowRaw>) => q.insertInto('studies').values(row).execute();

export const updateStudy = (q: Q, id: string, set: Updateable<StudyRowRaw>) =>
  q.updateTable('studies').set(set).where('id', '=', id).execute();

export const selectOrganisationName = (q: Q, id: string) =>
  q
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', id)
    .executeTakeFirst()
    .then((r) => r?.name ?? '');

/** The study form's versions (number and definition), read from the forms module's tables. */
export const selectFormVersion = (q: Q, versionId: string) =>
  q
    .selectFrom('form_versions')
    .select(['id', 'form_id', 'number', 'definition'])
    .where('id', '=', versionId)
    .executeTakeFirst();

export const selectFormVersionByNumber = (q: Q, formId: string, n: number) =>
  q
    .selectFrom('form_versions')
    .select(['id', 'form_id', 'number', 'definition'])
    .where('form_id', '=', formId)
    .where('number', '=', n)
    .executeTakeFirst();

export const selectFormVersions = (q: Q, ids: readonly string[]) =>
  ids.length
    ? q
        .selectFrom('form_versions')
        .select(['id', 'form_id', 'number', 'definition'])
        .where('id', 'in', [...ids])
        .execute()
    : Promise.resolve([]);

export const countSubmissions = (q: Q, studyId: string) =>
  q
    .selectFrom('study_submissions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('study_id', '=', studyId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));

export const countRespondentCodes = (q: Q, studyId: string, prefix: string) =>
  q
    .selectFrom('study_submissions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('study_id', '=', studyId)
    .where('respondent_code', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));

export const selectSubmissionBySource = (q: Q, studyId: string, sourceId: string) =>
  q
    .selectFrom('study_submissions')
    .select(['id', 'respondent_code', 'form_version_id', 'submitted_at'])
    .where('study_id', '=', studyId)
    .where('source_id', '=', sourceId)
    .executeTakeFirst();

export const selectSourceIds = (q: Q, studyId: string, sourceIds: readonly string[]) =>
  sourceIds.length
    ? q
        .selectFrom('study_submissions')
        .select('source_id')
        .where('study_id', '=', studyId)
        .where('source_id', 'in', [...sourceIds])
        .execute()
        .then((rows) => new Set(rows.map((r) => r.source_id)))
    : Promise.resolve(new Set<string>());

export const respondentCodeTaken = (q: Q, studyId: string, code: string) =>
  q
    .selectFrom('study_submissions')
    .select('id')
    .where('study_id', '=', studyId)
    .where('respondent_code', '=', code)
    .executeTakeFirst()
    .then(Boolean);

export const insertSubmission = (q: Q, row: Insertable<SubmissionRowRaw>) =>
  q.insertInto('study_submissions').values(row).execute();

/** Per-submission facts for counting: place, interviewer and the plain select choices (never the sealed answers). */
export const selectSubmissionFacts = (q: Q, studyId: string) =>
  q
    .selectFrom('study_submissions')
    .select(['division_code', 'interviewer_id', 'facts'])
    .where('study_id', '=', studyId)
    .execute();

/** Every submission with its sealed answers (exports for the owner only). */
export const selectSubmissions = (q: Q, studyId: string) =>
  q
    .selectFrom('study_submissions')
    .selectAll()
    .where('study_id', '=', studyId)
    .orderBy('submitted_at')
    .orderBy('respondent_code')
    .execute();

/** Demo seed only: the study's form and its first version, when the demo form was not imported through forms. */
export async function insertDemoForm(
  q: Q,
  form: {
    id: string;
    key: string;
    ownerOrgId: string;
    title: string;
    versionId: string;
    version: string;
    definition: string;
    by: string;
    at: string;
  },
) {
  await q
    .insertInto('forms')
    .values({
      id: form.id,
      form_key: form.key,
      usage: 'study',
      owner_org_id: form.ownerOrgId,
      title: form.title,
      created_by: form.by,
      created_at: form.at,
      updated_at: form.at,
    })
    .execute();
  await q
    .insertInto('form_versions')
    .values({
      id: form.versionId,
      form_id: form.id,
      number: 1,
      xlsform_version: form.version,
      definition: form.definition,
      created_by: form.by,
      created_at: form.at,
    })
    .execute();
}
