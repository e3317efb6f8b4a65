import { textFor } from '../../../../../src/shared/xlsform';
import type { FormDef, Texts } from '../../../../../src/shared/xlsform/types';

/** A text of the study (title, consent script) in the interface language, as the form's own labels are chosen. */
export function textIn(texts: Texts | undefined, form: FormDef | undefined, uiLang: string): string {
  if (form) return textFor(texts, form, uiLang);
  return texts?.[uiLang.split('-')[0]!] ?? texts?.es ?? Object.values(texts ?? {})[0] ?? '';
}

/** Today's date on this device, 'YYYY-MM-DD' (interviews collected offline carry the device's day). */
export function localToday(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
