import type { Content } from 'pdfmake/interfaces';
import { renderPdf } from './index';

/** A labelled value of a sheet's table; an empty value prints as a dash. */
export type SheetRow = [label: string, value: string | null | undefined];

/** The two-column table of labelled values a case sheet is made of (pdfmake needs at least one row). */
export function sheetTable(rows: SheetRow[], margin?: [number, number, number, number]): Content {
  const body = (rows.length ? rows : [['', null] as SheetRow]).map(([label, value]) => [
    { text: label, bold: true },
    { text: value || '—' },
  ]);
  return { table: { widths: [150, '*'], body }, layout: 'lightHorizontalLines', ...(margin ? { margin } : {}) };
}

/** A heading inside a sheet. */
export const sheetHeading = (text: string): Content => ({ text, fontSize: 12, bold: true, margin: [0, 12, 0, 4] });

/**
 * A case sheet as Minka prints them (referral sheet, board notification): a title, the confidentiality line, then
 * the given content; rendered to PDF bytes.
 */
export function renderSheet(title: string, confidential: string, content: Content[]): Promise<Buffer> {
  return renderPdf({
    info: { title, producer: 'Minka', creator: 'Minka' },
    content: [
      { text: title, fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      { text: confidential, italics: true, margin: [0, 0, 0, 12] },
      ...content,
    ],
  });
}
