import { iso31661, iso31662 } from 'iso-3166';

// Places abroad: ISO 3166-1 countries and their first-level ISO 3166-2 divisions (CO-NAR = Nariño), named for the
// reader. Server-side only (the lists are large); the web app asks GET /api/places/abroad.

const countryCodes = new Set(iso31661.filter((c) => c.state === 'assigned').map((c) => c.alpha2));
const divisionsOf = new Map<string, { code: string; name: string }[]>();
for (const d of iso31662) {
  const list = divisionsOf.get(d.parent) ?? [];
  list.push({ code: d.code, name: d.name });
  divisionsOf.set(d.parent, list);
}

/** True for an assigned ISO 3166-1 alpha-2 code. */
export const isCountry = (code: string) => countryCodes.has(code);

/** True when `division` is a first-level ISO 3166-2 division of `country` (CO-NAR of CO). */
export const isDivisionAbroad = (country: string, division: string) =>
  (divisionsOf.get(country) ?? []).some((d) => d.code === division);

/** Spanish names for Kichwa readers (no Kichwa country names ship with the platform). */
const displayLanguage = (lang: string) => (lang === 'en' ? 'en' : 'es');

/** A country's name in the reader's language (Kichwa readers get Spanish), or the code when unknown. */
export function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([displayLanguage(lang)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every assigned country with its name in the reader's language, by name. */
export function countriesAbroad(lang: string): { code: string; name: string }[] {
  const collator = new Intl.Collator(displayLanguage(lang));
  return [...countryCodes]
    .map((code) => ({ code, name: countryName(code, lang) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** A country's first-level divisions (ISO 3166-2), by name; empty for an unknown country. */
export function divisionsAbroad(country: string): { code: string; name: string }[] {
  const collator = new Intl.Collator('es');
  return [...(divisionsOf.get(country) ?? [])].sort((a, b) => collator.compare(a.name, b.name));
}

/** The name of a first-level division abroad (CO-NAR → Nariño), or null when it is not one. */
export const divisionAbroadName = (code: string): string | null => iso31662.find((d) => d.code === code)?.name ?? null;
