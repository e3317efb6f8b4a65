// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions name questions as ${name}
import type { SheetRow, Sheets } from '../../shared/xlsform/index';

// The demo study's questionnaire, "Causas y formas de la trata infantil en Cuenca", as XLSForm sheets (the e2e test
// writes it to an XLSX and a researcher imports it in the browser). Fictitious. The Kichwa labels are composed
// from the MinEduc dictionary and the glossary in ../shared/data/kichwa (yachana wasi, wawa, llamkay, ayllu, karu,
// kullki, killa, raymi, llakta, wata, ari/mana, pushak, yaya/mama, wampra) and are to be reviewed by a speaker;
// words with no Kichwa (trata, deuda, ciudades) stay in Spanish.

const es = 'label::Español (es)';
const qu = 'label::Kichwa (qu)';
const en = 'label::English (en)';
const cmEs = 'constraint_message::Español (es)';
const cmQu = 'constraint_message::Kichwa (qu)';
const cmEn = 'constraint_message::English (en)';
const hintEs = 'hint::Español (es)';
const hintQu = 'hint::Kichwa (qu)';
const hintEn = 'hint::English (en)';

type Row = Record<string, string>;
const l = (s: string, k: string, e: string): Row => ({ [es]: s, [qu]: k, [en]: e });

const survey: Row[] = [
  {
    type: 'note',
    name: 'intro',
    ...l(
      'Lea el consentimiento antes de empezar. No anote nombres.',
      'Manara kallarishpa consentimientota killkakatiy. Ama shutikunata killkaychu.',
      'Read the consent script before starting. Do not write down names.',
    ),
  },
  {
    type: 'acknowledge',
    name: 'consent_ack',
    required: 'yes',
    ...l('La persona aceptó participar', 'Runaka chaskirkami', 'The person agreed to take part'),
  },
  {
    type: 'date',
    name: 'interview_date',
    default: 'today()',
    required: 'yes',
    ...l('Fecha de la entrevista', 'Tapuy puncha', 'Date of the interview'),
  },
  { type: 'begin_group', name: 'respondent', ...l('Quién responde', 'Pitak kutichin', 'Who answers') },
  {
    type: 'select_one role',
    name: 'role',
    required: 'yes',
    aggregate: 'yes',
    ...l('Papel de la persona', 'Runapak ruray', "Respondent's role"),
  },
  {
    type: 'integer',
    name: 'age',
    required: 'yes',
    constraint: '. >= 0 and . <= 120',
    [cmEs]: 'La edad debe estar entre 0 y 120 años',
    [cmQu]: 'Watakunaka 0 manta 120 kamanmi kana',
    [cmEn]: 'Age must be between 0 and 120 years',
    ...l('Edad (años cumplidos)', 'Mashna watayuk', 'Age (years)'),
  },
  {
    type: 'calculate',
    name: 'minor',
    calculation: "if(${age} = '', '', if(${age} < 18, 1, 0))",
    ...l('Menor de edad', 'Wawa', 'Minor'),
  },
  { type: 'end_group', name: '' },
  {
    type: 'select_one yes_no',
    name: 'left_school',
    required: 'yes',
    aggregate: 'yes',
    ...l(
      '¿Algún niño, niña o adolescente del hogar dejó la escuela?',
      '¿Aylluykimanta maykan wawa yachana wasita sakirkachu?',
      'Did a child of the household leave school?',
    ),
  },
  {
    type: 'select_multiple reasons or_other',
    name: 'reasons',
    required: 'yes',
    aggregate: 'yes',
    relevant: "${left_school} = 'yes'",
    ...l('¿Por qué dejó la escuela?', '¿Imamantatak yachana wasita sakirka?', 'Why did they leave school?'),
  },
  {
    type: 'select_multiple months',
    name: 'migration_months',
    aggregate: 'yes',
    relevant: "${left_school} = 'yes'",
    ...l(
      '¿En qué meses sale a trabajar fuera?',
      '¿Mayk killakunapitak karuman llamkak rin?',
      'In which months do they travel to work?',
    ),
  },
  {
    type: 'select_multiple approach',
    name: 'approach',
    required: 'yes',
    aggregate: 'yes',
    ...l('¿Cómo se acercan a las familias?', '¿Imashinatak ayllukunaman kuchuyarin?', 'How are families approached?'),
    [hintEs]: 'Marque todas las que correspondan',
    [hintQu]: 'Tukuy kakta akllapay',
    [hintEn]: 'Tick all that apply',
  },
  {
    type: 'calculate',
    name: 'approach_count',
    calculation: 'count-selected(${approach})',
    ...l('Número de formas', 'Mashna', 'Number of ways'),
  },
  {
    type: 'begin_repeat',
    name: 'children',
    relevant: "${left_school} = 'yes'",
    ...l('Niñas y niños que viajaron', 'Rirka wawakuna', 'Children who travelled'),
  },
  {
    type: 'integer',
    name: 'child_age',
    required: 'yes',
    constraint: '. >= 0 and . <= 17',
    [cmEs]: 'Una niña o niño tiene entre 0 y 17 años',
    [cmQu]: 'Wawaka 0 manta 17 watakamanmi',
    [cmEn]: 'A child is between 0 and 17 years old',
    ...l('Edad del niño o niña', 'Wawapak watakuna', "Child's age"),
  },
  {
    type: 'select_one destination',
    name: 'destination',
    required: 'yes',
    aggregate: 'yes',
    ...l('¿A dónde viajó?', '¿Maymantak rirka?', 'Where did they go?'),
  },
  { type: 'end_repeat', name: '' },
  {
    type: 'geopoint',
    name: 'community_point',
    ...l('Lugar de la comunidad (aproximado)', 'Ayllullaktapak kuska', 'Place of the community (approximate)'),
  },
  {
    type: 'text',
    name: 'notes',
    ...l('Observaciones (sin nombres)', 'Shuk willaykuna (ama shutikuna)', 'Notes (no names)'),
  },
];

const choice = (list: string, name: string, s: string, k: string, e: string): Row => ({
  list_name: list,
  name,
  ...l(s, k, e),
});

const choices: Row[] = [
  choice('role', 'parent', 'Madre o padre', 'Mama yaya', 'Parent'),
  choice('role', 'teacher', 'Docente', 'Yachachik', 'Teacher'),
  choice('role', 'leader', 'Dirigente comunitario', 'Ayllullakta pushak', 'Community leader'),
  choice('role', 'young', 'Joven', 'Wampra', 'Young person'),
  choice('yes_no', 'yes', 'Sí', 'Ari', 'Yes'),
  choice('yes_no', 'no', 'No', 'Mana', 'No'),
  choice('reasons', 'work', 'Trabajo', 'Llamkay', 'Work'),
  choice('reasons', 'migration', 'Migración de la familia', 'Ayllu karuman rin', 'Family migration'),
  choice('reasons', 'begging', 'Mendicidad en ciudades', 'Mendicidad hatun llaktakunapi', 'Begging in cities'),
  choice('reasons', 'cost', 'Costo', 'Kullki', 'Cost'),
  choice('reasons', 'distance', 'Distancia', 'Karu', 'Distance'),
  ...[
    'Enero',
    'Febrero',
    'Marzo',
    'Abril',
    'Mayo',
    'Junio',
    'Julio',
    'Agosto',
    'Septiembre',
    'Octubre',
    'Noviembre',
    'Diciembre',
  ].map((m, i) =>
    choice(
      'months',
      `m${String(i + 1).padStart(2, '0')}`,
      m,
      `${m} killa`,
      [
        'January',
        'February',
        'March',
        'April',
        'May',
        'June',
        'July',
        'August',
        'September',
        'October',
        'November',
        'December',
      ][i]!,
    ),
  ),
  choice('approach', 'job_offer', 'Oferta de trabajo', 'Llamkay', 'Offer of work'),
  choice('approach', 'relative', 'Un familiar', 'Ayllu', 'A relative'),
  choice('approach', 'debt', 'Préstamo o deuda', 'Kullki manu', 'Loan or debt'),
  choice('approach', 'festivities', 'Fiestas', 'Raymikuna', 'Festivities'),
  choice('destination', 'cuenca', 'Cuenca', 'Cuenca', 'Cuenca'),
  choice('destination', 'quito', 'Quito', 'Quito', 'Quito'),
  choice('destination', 'guayaquil', 'Guayaquil', 'Guayaquil', 'Guayaquil'),
  choice('destination', 'colombia', 'Colombia', 'Colombia', 'Colombia'),
  choice('destination', 'venezuela', 'Venezuela', 'Venezuela', 'Venezuela'),
];

const settings: Row[] = [
  {
    form_id: 'trata_infantil_cuenca',
    version: '2026-01',
    default_language: 'Español (es)',
    'form_title::Español (es)': 'Causas y formas de la trata infantil en Cuenca',
    'form_title::Kichwa (qu)': 'Cuenca llaktapi wawakunapak trata',
    'form_title::English (en)': 'Causes and forms of child trafficking in Cuenca',
  },
];

const rows = (list: Row[]): SheetRow[] =>
  list.map((cells, i) => ({
    row: i + 2,
    cells: Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== '')),
  }));

/** The demo study's XLSForm as sheets (rows numbered as a spreadsheet shows them; row 1 is the header). */
export function cuencaStudySheets(): Sheets {
  return { survey: rows(survey), choices: rows(choices), settings: rows(settings) };
}
