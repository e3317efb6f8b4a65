import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { withSharedLabels } from '../../../src/shared/labels/index';
import en from './en.json';
import es from './es.json';
import qu from './qu-EC.json';

export const languages = [
  { code: 'es', label: 'Español' },
  { code: 'qu-EC', label: 'Kichwa' },
  { code: 'en', label: 'English' },
] as const;
export type LanguageCode = (typeof languages)[number]['code'];

const storageKey = 'minka.lang';

function initialLanguage(): LanguageCode {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
  return languages.some((l) => l.code === stored) ? (stored as LanguageCode) : 'es';
}

// Spanish is the fallback for every missing string, so a user never sees a key.
void i18n.use(initReactI18next).init({
  resources: {
    es: { translation: withSharedLabels(es, 'es') },
    en: { translation: withSharedLabels(en, 'en') },
    'qu-EC': { translation: withSharedLabels(qu, 'qu-EC') },
  },
  lng: initialLanguage(),
  fallbackLng: 'es',
  // Keys such as permissions.cases:read contain ':'; Minka uses no namespaces.
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18n.language;

/** Switches language, remembers it on this device and updates <html lang>. */
export function setLanguage(code: LanguageCode): void {
  void i18n.changeLanguage(code);
  localStorage.setItem(storageKey, code);
  document.documentElement.lang = code;
}

export default i18n;
