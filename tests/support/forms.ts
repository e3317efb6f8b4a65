import ExcelJS from 'exceljs';

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
    ['text', 'dos', 'Dos', "pulldata('x', 'y', 'z', ${uno})"],
  ],
  settings: [
    ['form_id', 'version'],
    ['malo', '1'],
  ],
});
