import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/types';

// Small XLSForm workbooks for the forms tests, written with exceljs as a spreadsheet program would save them.

type Rows = (string | number)[][];

/** An XLSX with the given sheets, each a header row then data rows. */
export async function xlsformXlsx(sheets: Record<string, Rows>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A case form: an aggregate select (plain fact), a personal free text, and an integer with a constraint. */
export const caseFormSheets = (version = '1', title = 'Preguntas del cantón (prueba)'): Record<string, Rows> => ({
  survey: [
    [
      'type',
      'name',
      'label::Español (es)',
      'label::Kichwa (qu)',
      'required',
      'aggregate',
      'constraint',
      'constraint_message::Español (es)',
    ],
    ['select_one escuela', 'va_escuela', '¿Va a la escuela?', '¿Yachana wasiman rinchu?', 'yes', 'yes', '', ''],
    ['text', 'nota', 'Observación', 'Yuyay', '', '', '', ''],
    ['integer', 'hermanos', 'Hermanos', 'Turikuna', '', '', '. <= 20', 'Como mucho 20'],
  ],
  choices: [
    ['list_name', 'name', 'label::Español (es)', 'label::Kichwa (qu)'],
    ['escuela', 'si', 'Sí', 'Ari'],
    ['escuela', 'no', 'No', 'Mana'],
  ],
  settings: [
    ['form_id', 'version', 'form_title', 'default_language'],
    ['preguntas_canton', version, title, 'Español (es)'],
  ],
});

/** A form whose row 3 uses a function outside the supported subset (in `relevant`). */
export const badFormSheets = (): Record<string, Rows> => ({
  survey: [
    ['type', 'name', 'label', 'relevant'],
    ['text', 'uno', 'Uno', ''],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${uno} is XLSForm's own reference syntax
    ['text', 'dos', 'Dos', "pulldata('x', 'y', 'z', ${uno})"],
  ],
  settings: [
    ['form_id', 'version'],
    ['malo', '1'],
  ],
});

/**
 * A case form (one optional text question `nota`) owned by no one in particular, with version 1 and an attachment
 * to the division `code`, written straight to the database (for the authorization matrix).
 */
export async function formFixture(db: Kysely<Database>, code: string): Promise<{ id: string; attachment: string }> {
  const id = randomUUID();
  const attachment = randomUUID();
  const now = new Date().toISOString();
  const form = {
    formatVersion: 1,
    formId: `matriz_${id.slice(0, 8)}`,
    title: { default: 'Formulario de matriz' },
    version: '1',
    defaultLanguage: 'default',
    languages: [{ code: 'default', name: 'default' }],
    children: [
      {
        kind: 'question',
        type: 'text',
        name: 'nota',
        label: { default: 'Nota' },
        hint: {},
        row: 2,
        readOnly: false,
        aggregate: false,
      },
    ],
    choices: {},
  };
  await insertFormRows(db, { id, versionId: randomUUID(), usage: 'case', owner: 'matrix' }, form);
  await db
    .insertInto('form_attachments')
    .values({
      id: attachment,
      form_id: id,
      country_code: 'EC',
      division_code: code,
      created_by: 'matrix',
      created_at: now,
      ended_at: null,
    })
    .execute();
  return { id, attachment };
}

/**
 * An open study of another organisation (`ownerOrgId`) in one parish, on a one-question form, written straight to
 * the database for the authorization matrix: who may see, analyse, collect or manage it is then decided by place
 * and organisation alone.
 */
export async function studyFixture(db: Kysely<Database>, parish: string, ownerOrgId: string): Promise<string> {
  const now = new Date().toISOString();
  const formId = randomUUID();
  const versionId = randomUUID();
  const studyId = randomUUID();
  const form = {
    formatVersion: 1,
    formId: `estudio_${formId.slice(0, 8)}`,
    title: { default: 'Estudio de matriz' },
    version: '1',
    defaultLanguage: 'default',
    languages: [{ code: 'default', name: 'default' }],
    children: [
      {
        kind: 'question',
        type: 'select_one',
        listName: 'yn',
        name: 'respuesta',
        label: { default: 'Respuesta' },
        hint: {},
        row: 2,
        readOnly: false,
        aggregate: false,
      },
    ],
    choices: {
      yn: [
        { name: 'si', label: { default: 'Sí' }, extra: {} },
        { name: 'no', label: { default: 'No' }, extra: {} },
      ],
    },
  };
  const texts = JSON.stringify({ es: 'Estudio de matriz' });
  await insertFormRows(db, { id: formId, versionId, usage: 'study', owner: ownerOrgId }, form);
  await db
    .insertInto('studies')
    .values({
      id: studyId,
      code: `EST-M-${studyId.slice(0, 6)}`,
      title: texts,
      purpose: texts,
      owner_org_id: ownerOrgId,
      form_id: formId,
      form_version_id: versionId,
      country_code: 'EC',
      places: JSON.stringify([parish]),
      consent: texts,
      respondents: 'anonymous',
      status: 'open',
      created_by: 'matrix',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return studyId;
}

/** A form and its version 1, as an import would store them. */
async function insertFormRows(
  db: Kysely<Database>,
  ids: { id: string; versionId: string; usage: 'case' | 'study'; owner: string },
  form: { formId: string; title: Record<string, string> },
): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('forms')
    .values({
      id: ids.id,
      form_key: form.formId,
      usage: ids.usage,
      owner_org_id: ids.owner,
      title: JSON.stringify(form.title),
      created_by: 'matrix',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('form_versions')
    .values({
      id: ids.versionId,
      form_id: ids.id,
      number: 1,
      xlsform_version: '1',
      definition: JSON.stringify(form),
      created_by: 'matrix',
      created_at: now,
    })
    .execute();
}
