// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions write references as ${name}
// Fixtures for the XLSForm tests: sheets written by hand, and a form covering every supported type and column.

import { writeXlsformWorkbook } from '../../src/modules/forms/xlsx-write';
import type { SheetRow, Sheets } from '../../src/shared/xlsform';

/** Rows of a sheet from plain objects (header → text), numbered from spreadsheet row 2 (row 1 is the header). */
export function rowsOf(rows: Record<string, string>[]): SheetRow[] {
  return rows.map((cells, i) => ({
    row: i + 2,
    cells: Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== '')),
  }));
}

/** Sheets from plain rows. */
export function sheetsOf(
  survey: Record<string, string>[],
  choices?: Record<string, string>[],
  settings?: Record<string, string>[],
): Sheets {
  return {
    survey: rowsOf(survey),
    ...(choices ? { choices: rowsOf(choices) } : {}),
    ...(settings ? { settings: rowsOf(settings) } : {}),
  };
}

const L = (es: string, qu: string, en: string, col = 'label') => ({
  [`${col}::Español (es)`]: es,
  [`${col}::Kichwa (qu)`]: qu,
  [`${col}::English (en)`]: en,
});

/**
 * A fictitious form covering every supported type and column (labels, hints and constraint messages in Spanish,
 * Kichwa and English), for the import, rendering and validation tests. Rows are numbered from 2 in order.
 */
export function everyTypeSheets(): Sheets {
  const survey: Record<string, string>[] = [
    { type: 'start', name: 'start' },
    { type: 'end', name: 'end' },
    { type: 'today', name: 'today' },
    {
      type: 'note',
      name: 'intro',
      ...L('Formulario de prueba (datos ficticios)', 'Tapuykuna yachana (mana chikan)', 'Test form (fictitious data)'),
    },
    {
      type: 'acknowledge',
      name: 'consent',
      ...L('La persona acepta responder', 'Runaka kutichinata chaskin', 'The person agrees to answer'),
      required: 'yes',
      'required_message::Español (es)': 'Se necesita el consentimiento',
      'required_message::Kichwa (qu)': 'Chaskinami kan',
      'required_message::English (en)': 'Consent is needed',
    },
    {
      type: 'begin group',
      name: 'household',
      ...L('Hogar', 'Ayllu', 'Household'),
      appearance: 'field-list',
      relevant: "${consent} = 'OK'",
    },
    {
      type: 'text',
      name: 'respondent_code',
      ...L('Código del estudio', 'Estudiopak killka', 'Study code'),
      ...L(
        'Dos letras, guion y tres cifras',
        'Ishkay killka, shuk siqui, kimsa yupay',
        'Two letters, dash, three digits',
        'hint',
      ),
      required: 'yes',
      constraint: "regex(., '^[A-Z]{2}-[0-9]{3}$')",
      ...L('Formato: AB-123', 'Kashna killkay: AB-123', 'Format: AB-123', 'constraint_message'),
    },
    {
      type: 'integer',
      name: 'age',
      ...L('Edad', 'Wiñay', 'Age'),
      ...L('En años cumplidos', 'Watakunapi', 'In years', 'hint'),
      required: 'yes',
      constraint: '. >= 0 and . <= 120',
      ...L('Entre 0 y 120', '0 manta 120 kama', 'Between 0 and 120', 'constraint_message'),
    },
    {
      type: 'decimal',
      name: 'income',
      ...L('Ingreso mensual (USD)', 'Killa kullki (USD)', 'Monthly income (USD)'),
      constraint: '. >= 0',
      ...L('No puede ser negativo', 'Mana uchilla kanchu', 'Cannot be negative', 'constraint_message'),
    },
    {
      type: 'date',
      name: 'interview_date',
      ...L('Fecha de la entrevista', 'Tapuy punlla', 'Interview date'),
      default: 'today()',
      constraint: '. <= today()',
      ...L('No puede ser futura', 'Shamuk punlla mana', 'Cannot be in the future', 'constraint_message'),
    },
    { type: 'time', name: 'interview_time', ...L('Hora', 'Pacha', 'Time') },
    { type: 'end group' },
    {
      type: 'select_one canton',
      name: 'canton',
      ...L('Cantón', 'Cantón', 'Canton'),
      appearance: 'minimal',
      aggregate: 'yes',
      required: 'yes',
    },
    {
      type: 'select_one parish',
      name: 'parish',
      ...L('Parroquia', 'Parroquia', 'Parish'),
      choice_filter: 'canton = ${canton}',
      aggregate: 'yes',
    },
    {
      type: 'select_multiple reasons or_other',
      name: 'reasons',
      ...L('Motivos de la salida', 'Imamanta llukshirka', 'Reasons for leaving'),
      aggregate: 'yes',
    },
    { type: 'geopoint', name: 'location', ...L('Ubicación aproximada', 'Maypi kan', 'Approximate location') },
    { type: 'calculate', name: 'household_size', calculation: 'count(${children}) + 1' },
    {
      type: 'text',
      name: 'interviewer_note',
      ...L('Nota fija', 'Killkashka', 'Fixed note'),
      read_only: 'yes',
      default: 'Demo',
    },
    { type: 'begin repeat', name: 'children', ...L('Niñas y niños', 'Wawakuna', 'Children') },
    {
      type: 'text',
      name: 'child_alias',
      ...L('Alias (sin nombre real)', 'Shuti (mana chikan)', 'Alias (no real name)'),
      required: 'yes',
    },
    {
      type: 'integer',
      name: 'child_age',
      ...L('Edad del niño', 'Wawapak wiñay', "Child's age"),
      constraint: '. < 18',
      ...L('Menor de 18', '18 manta uchilla', 'Under 18', 'constraint_message'),
    },
    {
      type: 'select_one yesno',
      name: 'child_in_school',
      ...L('¿Estudia?', '¿Yachakunchu?', 'In school?'),
      relevant: '${child_age} >= 5',
    },
    { type: 'end repeat' },
    {
      type: 'select_one yesno',
      name: 'has_help',
      ...L('¿Recibe ayuda?', '¿Yanapayta chaskinchu?', 'Receives help?'),
      default: 'no',
      required: 'yes',
    },
    {
      type: 'text',
      name: 'help_detail',
      ...L('¿Qué ayuda?', '¿Ima yanapaytak?', 'What help?'),
      relevant: "${has_help} = 'yes'",
    },
    { type: 'calculate', name: 'summary', calculation: "concat(${respondent_code}, '-', ${age})" },
  ];
  const choices: Record<string, string>[] = [
    { list_name: 'yesno', name: 'yes', ...L('Sí', 'Ari', 'Yes') },
    { list_name: 'yesno', name: 'no', ...L('No', 'Mana', 'No') },
    { list_name: 'canton', name: 'cuenca', ...L('Cuenca', 'Cuenca', 'Cuenca') },
    { list_name: 'canton', name: 'giron', ...L('Girón', 'Girón', 'Girón') },
    { list_name: 'canton', name: 'gualaceo', ...L('Gualaceo', 'Gualaceo', 'Gualaceo') },
    { list_name: 'parish', name: 'banos', ...L('Baños', 'Baños', 'Baños'), canton: 'cuenca' },
    { list_name: 'parish', name: 'ricaurte', ...L('Ricaurte', 'Ricaurte', 'Ricaurte'), canton: 'cuenca' },
    { list_name: 'parish', name: 'sinincay', ...L('Sinincay', 'Sinincay', 'Sinincay'), canton: 'cuenca' },
    { list_name: 'parish', name: 'la_asuncion', ...L('La Asunción', 'La Asunción', 'La Asunción'), canton: 'giron' },
    { list_name: 'parish', name: 'jadan', ...L('Jadán', 'Jadán', 'Jadán'), canton: 'gualaceo' },
    { list_name: 'reasons', name: 'work', ...L('Trabajo', 'Llamkay', 'Work') },
    { list_name: 'reasons', name: 'family', ...L('Familia', 'Ayllu', 'Family') },
    { list_name: 'reasons', name: 'school_dropout', ...L('Dejó la escuela', 'Yachanawasita sakirka', 'Left school') },
    { list_name: 'reasons', name: 'migration', ...L('Migración', 'Shuk llaktaman rina', 'Migration') },
  ];
  const settings: Record<string, string>[] = [
    {
      form_id: 'minka_every_type',
      ...L('Formulario con todos los tipos', 'Tukuy tapuykuna', 'Form with every type', 'form_title'),
      version: '2026-12-01',
      default_language: 'es',
    },
  ];
  return sheetsOf(survey, choices, settings);
}

/** everyTypeSheets() as an XLSX workbook. */
export async function everyTypeXlsx(): Promise<Buffer> {
  return writeXlsformWorkbook(everyTypeSheets());
}

/** The evaluation context of the fixture submissions. */
export const fixtureContext = { today: '2026-12-06', now: '2026-12-06T15:00:00.000Z' };

const validEveryType = {
  consent: 'OK',
  respondent_code: 'AB-123',
  age: 34,
  income: 250.5,
  interview_date: '2026-12-01',
  interview_time: '10:30',
  canton: 'cuenca',
  parish: 'banos',
  reasons: ['work', 'other'],
  reasons_other: 'Demo',
  location: '-2.89731 -79.00452',
  children: [
    { child_alias: 'Demo A', child_age: 4 },
    { child_alias: 'Demo B', child_age: 12, child_in_school: 'yes' },
  ],
  has_help: 'no',
};

/**
 * Submissions of everyTypeSheets() with the issues (`path:code`) validation must find, the same in the browser and
 * on the server, and for the valid ones the cleaned answers.
 */
export const everyTypeCases: { name: string; answers: unknown; issues: string[]; cleaned?: Record<string, unknown> }[] =
  [
    {
      name: 'valid: calculations and metadata filled, location coarsened',
      answers: validEveryType,
      issues: [],
      cleaned: {
        start: fixtureContext.now,
        end: fixtureContext.now,
        today: fixtureContext.today,
        consent: 'OK',
        respondent_code: 'AB-123',
        age: 34,
        income: 250.5,
        interview_date: '2026-12-01',
        interview_time: '10:30',
        interviewer_note: 'Demo',
        canton: 'cuenca',
        parish: 'banos',
        reasons: ['work', 'other'],
        reasons_other: 'Demo',
        location: '-2.9 -79',
        household_size: 3,
        children: [
          { child_alias: 'Demo A', child_age: 4 },
          { child_alias: 'Demo B', child_age: 12, child_in_school: 'yes' },
        ],
        has_help: 'no',
        summary: 'AB-123-34',
      },
    },
    {
      name: 'valid: values of questions that are not relevant are dropped',
      answers: {
        ...validEveryType,
        has_help: 'no',
        help_detail: 'stale',
        children: [{ child_alias: 'Demo', child_age: 3, child_in_school: 'no' }],
      },
      issues: [],
    },
    {
      name: 'empty: required questions',
      answers: {},
      issues: ['consent:required', 'canton:required', 'has_help:required'],
    },
    {
      name: 'constraints',
      answers: { ...validEveryType, respondent_code: 'ab123', age: 130, income: -1, interview_date: '2027-01-01' },
      issues: ['respondent_code:constraint', 'age:constraint', 'income:constraint', 'interview_date:constraint'],
    },
    {
      name: 'a parish outside the chosen canton',
      answers: { ...validEveryType, canton: 'giron' },
      issues: ['parish:choice'],
    },
    {
      name: 'repeat instances are validated one by one',
      answers: { ...validEveryType, children: [{ child_age: 19 }, { child_alias: 'Demo', child_age: 'nine' }] },
      issues: ['children[0].child_alias:required', 'children[0].child_age:constraint', 'children[1].child_age:type'],
    },
    {
      name: 'wrong types and unknown questions',
      answers: {
        ...validEveryType,
        age: '3 years',
        interview_date: '2026-13-01',
        location: '200 0',
        reasons: 'work',
        nickname: 'x',
      },
      issues: ['age:type', 'interview_date:type', 'location:type', 'nickname:unknown_question'],
    },
  ];
