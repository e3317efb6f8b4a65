import i18next, { type i18n } from 'i18next';
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };
import qu from './locales/qu-EC.json' with { type: 'json' };

export const languages = ['es', 'en', 'qu-EC'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'es';

const instance: i18n = i18next.createInstance();
void instance.init({
  initAsync: false,
  lng: defaultLanguage,
  fallbackLng: defaultLanguage,
  supportedLngs: [...languages],
  resources: { es: { translation: es }, en: { translation: en }, 'qu-EC': { translation: qu } },
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Picks the best supported language from an Accept-Language header or ?lang; Spanish when nothing matches. */
export function pickLanguage(header: string | undefined, explicit?: string): Language {
  const wanted = [explicit, ...(header ?? '').split(',').map((p) => p.split(';')[0]?.trim())];
  for (const w of wanted) {
    if (!w) continue;
    const lower = w.toLowerCase();
    if (lower === 'qu-ec' || lower.startsWith('qu')) return 'qu-EC';
    if (lower.startsWith('es')) return 'es';
    if (lower.startsWith('en')) return 'en';
  }
  return defaultLanguage;
}

/** Language for a request: ?lang= wins over Accept-Language. */
export function requestLanguage(req: { headers: Record<string, unknown>; query?: unknown }): Language {
  const q = (req.query ?? {}) as Record<string, unknown>;
  const explicit = typeof q.lang === 'string' ? q.lang : undefined;
  const header = typeof req.headers['accept-language'] === 'string' ? req.headers['accept-language'] : undefined;
  return pickLanguage(header, explicit);
}

/** Translates a key; a missing Kichwa or English string falls back to Spanish, never to the key. */
export function t(lang: string, key: string, params: Record<string, unknown> = {}): string {
  return instance.t(key, { lng: lang, ...params });
}

/** True when the Spanish catalogue holds the key (used by tests to catch missing strings). */
export function hasKey(key: string): boolean {
  return instance.exists(key, { lng: 'es', fallbackLng: false });
}

const toReview = new Map<string, number>();

/** How many strings of a language wait for a speaker's review in this installation (set when reviews load). */
export const stringsToReview = (lang: string): number => toReview.get(lang) ?? 0;
export const setStringsToReview = (lang: Language, n: number): void => void toReview.set(lang, n);

/** Puts strings an installation reviewed over the shipped ones (flat keys, e.g. `errors.not_found`). */
export function applyStrings(lang: Language, strings: Record<string, string>): void {
  for (const [key, value] of Object.entries(strings)) instance.addResource(lang, 'translation', key, value);
}

/**
 * A date and time for a reader of `lang` (e-mails, documents), in the installation's time zone. Kichwa has no CLDR
 * data: it uses Ecuadorian Spanish formats, as the Kichwa notes advise.
 */
export function formatDateTime(lang: string, iso: string, timeZone = 'America/Guayaquil'): string {
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'es-EC', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  });
}
