import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database } from '../../platform/db/types';

export type Q = Kysely<Database> | Transaction<Database>;
export type FormRow = Database['forms'];
export type VersionRow = Database['form_versions'];
export type AttachmentRow = Database['form_attachments'];
export type AnswersRow = Database['case_form_answers'];

export const selectForm = (q: Q, id: string) =>
  q.selectFrom('forms').selectAll().where('id', '=', id).executeTakeFirst();

export const selectFormByKey = (q: Q, usage: string, ownerOrgId: string, formKey: string) =>
  q
    .selectFrom('forms')
    .selectAll()
    .where('usage', '=', usage)
    .where('owner_org_id', '=', ownerOrgId)
    .where('form_key', '=', formKey)
    .executeTakeFirst();

export const selectForms = (q: Q, usage: string) =>
  q.selectFrom('forms').selectAll().where('usage', '=', usage).orderBy('created_at').orderBy('id').execute();

export const insertForm = (q: Q, row: Insertable<FormRow>) => q.insertInto('forms').values(row).execute();

export const updateForm = (q: Q, id: string, set: Updateable<FormRow>) =>
  q.updateTable('forms').set(set).where('id', '=', id).execute();

export const insertVersion = (q: Q, row: Insertable<VersionRow>) => q.insertInto('form_versions').values(row).execute();

export const selectVersion = (q: Q, id: string) =>
  q.selectFrom('form_versions').selectAll().where('id', '=', id).executeTakeFirst();

export const selectVersionByNumber = (q: Q, formId: string, n: number) =>
  q.selectFrom('form_versions').selectAll().where('form_id', '=', formId).where('number', '=', n).executeTakeFirst();

export const selectLatestVersion = (q: Q, formId: string) =>
  q
    .selectFrom('form_versions')
    .selectAll()
    .where('form_id', '=', formId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();

/** Each version of the forms, without the definitions (number order). */
export const selectVersionsOf = (q: Q, formIds: readonly string[]) =>
  formIds.length
    ? q
        .selectFrom('form_versions')
        .select(['id', 'form_id', 'number', 'xlsform_version', 'created_by', 'created_at'])
        .where('form_id', 'in', formIds)
        .orderBy('form_id')
        .orderBy('number')
        .execute()
    : Promise.resolve([]);

export const insertAttachment = (q: Q, row: Insertable<AttachmentRow>) =>
  q.insertInto('form_attachments').values(row).execute();

export const selectAttachment = (q: Q, formId: string, id: string) =>
  q
    .selectFrom('form_attachments')
    .selectAll()
    .where('id', '=', id)
    .where('form_id', '=', formId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();

export const endAttachment = (q: Q, id: string, at: string) =>
  q.updateTable('form_attachments').set({ ended_at: at }).where('id', '=', id).where('ended_at', 'is', null).execute();

/** Running attachments of the forms (all forms when none are named). */
export const selectAttachmentsOf = (q: Q, formIds?: readonly string[]) => {
  if (formIds && !formIds.length) return Promise.resolve([]);
  let s = q.selectFrom('form_attachments').selectAll().where('ended_at', 'is', null);
  if (formIds) s = s.where('form_id', 'in', formIds);
  return s.orderBy('created_at').orderBy('id').execute();
};

/** Running attachments at any of these divisions of a country (a case's ancestry), oldest first. */
export const selectAttachmentsAt = (q: Q, country: string, codes: readonly string[]) =>
  codes.length
    ? q
        .selectFrom('form_attachments')
        .innerJoin('forms', 'forms.id', 'form_attachments.form_id')
        .select(['form_attachments.form_id', 'form_attachments.created_at'])
        .where('form_attachments.ended_at', 'is', null)
        .where('forms.usage', '=', 'case')
        .where('form_attachments.country_code', '=', country)
        .where('form_attachments.division_code', 'in', codes)
        .orderBy('form_attachments.created_at')
        .execute()
    : Promise.resolve([]);

export const selectAnswers = (q: Q, caseId: string, formId: string) =>
  q
    .selectFrom('case_form_answers')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('form_id', '=', formId)
    .executeTakeFirst();

export const selectAnswersOfCase = (q: Q, caseId: string) =>
  q.selectFrom('case_form_answers').selectAll().where('case_id', '=', caseId).execute();

export const insertAnswers = (q: Q, row: Insertable<AnswersRow>) =>
  q.insertInto('case_form_answers').values(row).execute();

/** Writes the answers only if the row is still at `version`; false when someone else moved it first. */
export const updateAnswersAt = async (q: Q, id: string, version: number, set: Updateable<AnswersRow>) => {
  const r = await q
    .updateTable('case_form_answers')
    .set(set)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
};
