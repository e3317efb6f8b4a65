// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions name questions as ${name}
import type { Sheets } from '../../shared/xlsform/index';

// The demo case form: a fictitious "Escolaridad y trabajo infantil" section the Chimborazo protection boards add to
// their cases (es, Kichwa to review, en). Written as XLSForm sheets, the way an administrator would write it.

const es = 'label::Español (es)';
const qu = 'label::Kichwa (qu)';
const en = 'label::English (en)';
const row = (cells: Record<string, string>) => cells;

const survey = [
  row({
    type: 'select_one yes_no',
    name: 'in_school',
    [es]: '¿El niño, niña o adolescente va a la escuela?',
    [qu]: '¿Wawaka yachanawasiman rinchu?',
    [en]: 'Does the child go to school?',
    required: 'yes',
    aggregate: 'yes',
  }),
  row({
    type: 'select_one grades',
    name: 'last_grade',
    [es]: 'Último año aprobado',
    [qu]: 'Kipa tukuchishka wata',
    [en]: 'Last year completed',
    relevant: "${in_school} = 'no'",
    aggregate: 'yes',
  }),
  row({
    type: 'select_multiple work',
    name: 'work',
    [es]: 'Trabajo que hacía',
    [qu]: 'Imatak llamkarka',
    [en]: 'Work the child did',
    aggregate: 'yes',
  }),
  row({
    type: 'integer',
    name: 'hours',
    [es]: 'Horas de trabajo por semana',
    [qu]: 'Hunkaypi mashna pacha llamkarka',
    [en]: 'Hours of work per week',
    relevant: 'count-selected(${work}) > 0',
    constraint: '. >= 0 and . <= 112',
    'constraint_message::Español (es)': 'Entre 0 y 112 horas',
    'constraint_message::Kichwa (qu)': '0-manta 112 pachakaman',
    'constraint_message::English (en)': 'Between 0 and 112 hours',
  }),
  row({
    type: 'select_one yes_no',
    name: 'back_to_school',
    [es]: '¿Se gestionó el regreso a clases?',
    [qu]: '¿Yachanawasiman kutinkapak yanaparkachu?',
    [en]: 'Was a return to school arranged?',
    relevant: "${in_school} = 'no'",
    aggregate: 'yes',
  }),
  row({ type: 'text', name: 'school_notes', [es]: 'Observaciones', [qu]: 'Willaykuna', [en]: 'Notes' }),
];

const choices = [
  row({ list_name: 'yes_no', name: 'yes', [es]: 'Sí', [qu]: 'Ari', [en]: 'Yes' }),
  row({ list_name: 'yes_no', name: 'no', [es]: 'No', [qu]: 'Mana', [en]: 'No' }),
  row({ list_name: 'grades', name: 'none', [es]: 'Ninguno', [qu]: 'Mana imapash', [en]: 'None' }),
  row({ list_name: 'grades', name: 'primary', [es]: 'Primaria (alguno)', [qu]: 'Primaria', [en]: 'Some primary' }),
  row({
    list_name: 'grades',
    name: 'secondary',
    [es]: 'Secundaria (alguno)',
    [qu]: 'Secundaria',
    [en]: 'Some secondary',
  }),
  row({
    list_name: 'work',
    name: 'begging',
    [es]: 'Pedir en la calle',
    [qu]: 'Ñanpi mañana',
    [en]: 'Begging in the street',
  }),
  row({ list_name: 'work', name: 'selling', [es]: 'Venta ambulante', [qu]: 'Ñanpi katuna', [en]: 'Street selling' }),
  row({
    list_name: 'work',
    name: 'farm',
    [es]: 'Agricultura o pastoreo',
    [qu]: 'Chakra llamkay, michina',
    [en]: 'Farming or herding',
  }),
  row({ list_name: 'work', name: 'domestic', [es]: 'Trabajo doméstico', [qu]: 'Wasi llamkay', [en]: 'Domestic work' }),
];

const settings = [
  row({
    form_id: 'escolaridad_trabajo_infantil',
    'form_title::Español (es)': 'Escolaridad y trabajo infantil',
    'form_title::Kichwa (qu)': 'Yachay, wawakunapa llamkay',
    'form_title::English (en)': 'Schooling and child labour',
    version: '2026-11',
    default_language: 'es',
  }),
];

const rowsOf = (rows: Record<string, string>[]) => rows.map((cells, i) => ({ row: i + 2, cells }));

/** The demo case form as XLSForm sheets (rows numbered as a spreadsheet shows them). */
export function demoCaseFormSheets(): Sheets {
  return { survey: rowsOf(survey), choices: rowsOf(choices), settings: rowsOf(settings) };
}
