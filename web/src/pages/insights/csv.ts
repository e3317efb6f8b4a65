import type { Row } from './types';

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** One section of a download: a chart's name and its rows. */
export interface Section {
  section: string;
  rows: Row[];
}

/**
 * CSV (UTF-8 with BOM, so Excel reads accents) with columns section,key,label,value,suppressed; a suppressed
 * value is written as "<k", never as a number.
 */
export function toCsv(sections: Section[], k: number): string {
  const lines = [['section', 'key', 'label', 'value', 'suppressed']];
  for (const s of sections)
    for (const r of s.rows)
      lines.push([
        s.section,
        r.key,
        r.label,
        r.suppressed || r.value === null ? `<${k}` : String(r.value),
        r.suppressed ? 'true' : 'false',
      ]);
  return `\uFEFF${lines.map((l) => l.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** Offers a file to save, from a Blob or a data URL. */
export function download(name: string, content: Blob | string): void {
  const url = typeof content === 'string' ? content : URL.createObjectURL(content);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  if (typeof content !== 'string') setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offers sections as a CSV file. */
export const downloadCsv = (name: string, sections: Section[], k: number) =>
  download(name, new Blob([toCsv(sections, k)], { type: 'text/csv;charset=utf-8' }));
