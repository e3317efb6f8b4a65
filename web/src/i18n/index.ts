import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import es from '../../../src/shared/i18n/web/es.json';
import sharedEs from '../../../src/shared/labels/es.json';
import { mergeLabels } from '../../../src/shared/labels/merge';

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

// Spanish ships in the first download (it is the fallback for every missing string, so a user never sees a key);
// Kichwa and English are fetched only by those who choose them.
const loaders: Record<Exclude<LanguageCode, 'es'>, () => Promise<[object, object]>> = {
  en: () =>
    Promise.all([import('../../../src/shared/i18n/web/en.json'), import('../../../src/shared/labels/en.json')]).then(
      ([a, b]) => [a.default, b.default],
    ),
  'qu-EC': () =>
    Promise.all([
      import('../../../src/shared/i18n/web/qu-EC.json'),
      import('../../../src/shared/labels/qu-EC.json'),
    ]).then(([a, b]) => [a.default, b.default]),
};

/** What an installation's reviewers changed, and how many Kichwa strings still wait for review. */
export interface Reviewed {
  strings: Record<string, string>;
  toReview: number;
}
const reviewed = new Map<string, Reviewed>();

async function fetchReviewed(code: LanguageCode): Promise<void> {
  try {
    const res = await fetch(`/api/i18n/${encodeURIComponent(code)}`, { headers: { accept: 'application/json' } });
    if (!res.ok) return;
    const body = (await res.json()) as Reviewed;
    reviewed.set(code, body);
    for (const [key, value] of Object.entries(body.strings)) i18n.addResource(code, 'translation', key, value);
  } catch {
    // Offline or an older server: the shipped catalogue is complete on its own.
  }
}

async function load(code: LanguageCode): Promise<void> {
  if (code !== 'es' && !i18n.hasResourceBundle(code, 'translation')) {
    const [catalogue, labels] = await loaders[code]();
    i18n.addResourceBundle(code, 'translation', mergeLabels(catalogue, labels as never), true, false);
  }
  if (!reviewed.has(code)) await fetchReviewed(code);
}

/** How many strings of a language still wait for a speaker's review (0 when all are reviewed or unknown). */
export const stringsToReview = (code: string) => reviewed.get(code)?.toReview ?? 0;

void i18n.use(initReactI18next).init({
  resources: { es: { translation: mergeLabels(es, sharedEs as never) } },
  partialBundledLanguages: true,
  lng: 'es',
  fallbackLng: 'es',
  // Keys such as permissions.cases:read contain ':'; Minka uses no namespaces.
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches language once its catalogue is here, remembers it on this device and updates <html lang>. */
export async function setLanguage(code: LanguageCode): Promise<void> {
  await load(code);
  await i18n.changeLanguage(code);
  localStorage.setItem(storageKey, code);
  document.documentElement.lang = code;
}

/** Resolves when the remembered language is ready, so the first screen is not drawn in another language. */
export const i18nReady: Promise<void> = setLanguage(initialLanguage()).catch(() => undefined);

export default i18n;
