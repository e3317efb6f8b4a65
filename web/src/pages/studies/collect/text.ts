import { textFor } from '../../../../../src/shared/xlsform';
import type { FormDef, Texts } from '../../../../../src/shared/xlsform/types';

/** A text of the study (title, consent script) in the interface language, as the form's own labels are chosen. */
export function textIn(texts: Texts | undefined, form: FormDef | undefined, uiLang: string): string {
  if (form) return textFor(texts, form, uiLang);
  return texts?.[uiLang.split('-')[0]!] ?? texts?.es ?? Object.values(texts ?? {})[0] ?? '';
}
