// Choosing the text of a label, hint or message for the language of the interface.

import type { FormDef, FormLanguage, Texts } from './types';

const namePatterns: Record<string, RegExp> = {
  es: /espa[nñ]ol|spanish|castellano/i,
  en: /english|ingl[eé]s/i,
  qu: /kichwa|quichua|runa ?shimi/i,
};

/** The base code of an interface language: 'qu-EC' → 'qu', 'es' → 'es'. */
export const baseLanguage = (uiLanguage: string) => uiLanguage.split(/[-_]/)[0]!.toLowerCase();

/** Whether a form language is the interface language (by code, or by a name such as 'Kichwa', 'Español'). */
export function languageMatches(lang: FormLanguage, uiLanguage: string): boolean {
  const base = baseLanguage(uiLanguage);
  const code = lang.code.toLowerCase();
  if (code === uiLanguage.toLowerCase() || code === base || code.split(/[-_]/)[0] === base) return true;
  const pattern = namePatterns[base];
  return pattern ? pattern.test(lang.name) || pattern.test(lang.code) : false;
}

const pick = (texts: Texts, code: string | undefined): string | undefined => {
  if (code === undefined || !Object.hasOwn(texts, code)) return undefined;
  const v = texts[code];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/**
 * The text in the interface language ('es', 'en', 'qu-EC'): the form's column for that language (by code or name),
 * then the form's default language, then the plain column ('default'), then the first text; '' when there is none.
 */
export function textFor(texts: Texts | undefined, form: FormDef, uiLanguage: string): string {
  if (!texts) return '';
  for (const lang of form.languages) {
    if (!languageMatches(lang, uiLanguage)) continue;
    const v = pick(texts, lang.code);
    if (v !== undefined) return v;
  }
  return (
    pick(texts, baseLanguage(uiLanguage)) ??
    pick(texts, form.defaultLanguage) ??
    pick(texts, 'default') ??
    Object.values(texts).find((v) => typeof v === 'string' && v !== '') ??
    ''
  );
}
