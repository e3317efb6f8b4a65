import { iso31661, iso31662 } from 'iso-3166';
import { AppError } from '../../platform/http/errors';

// Places abroad and the small fixed vocabularies of cross-border work. Pure, so the directory, the services and the
// web app read one list. Places abroad are ISO 3166-1 countries and their first-level ISO 3166-2 divisions
// (CO-NAR = Nariño); places in the installation's own country use its geography (INEC codes in Ecuador).

/** An exchange with a foreign authority: the case was received from it (incoming) or referred to it (outgoing). */
export const exchangeDirections = ['incoming', 'outgoing'] as const;
/** The kinds of document exchanged with a foreign authority. */
export const documentTypes = [
  'referral_request',
  'identity_document',
  'social_report',
  'family_assessment',
  'travel_authorisation',
  'court_order',
  'other',
] as const;
export const tracingResults = ['found', 'not_found'] as const;
/** The best-interest decision of a family assessment. */
export const bestInterestDecisions = ['return', 'do_not_return', 'defer'] as const;
export const accompanyingRoles = ['family', 'caseworker', 'consular', 'police', 'other'] as const;
export const visitOutcomes = ['on_track', 'concern', 'at_risk', 'not_found'] as const;
export const planOutcomes = ['reintegrated', 'partially_reintegrated', 'not_reintegrated', 'lost_contact'] as const;
/** Kinds of directory entry: a service provider, a foreign (or national) authority, a consulate. */
export const providerKinds = ['service', 'authority', 'consulate'] as const;
/** The case task each scheduled monitoring visit is until it is recorded. */
export const monitoringVisitTask = 'monitoring_visit';

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

/** The 400 a place that does not exist answers, at its field (`body.<field>`); nothing is stored. */
export const unknownPlace = (field: string) =>
  new AppError(400, 'unknown_place', {}, { fields: [{ path: `body.${field}`, problem: 'unknown_place' }] });

/** 400 unknown_place at `field` unless the country exists and the division (if given) is one of its divisions. */
export function checkPlaceAbroad(country: string, division: string | null | undefined, fields: [string, string]) {
  if (!isCountry(country)) throw unknownPlace(fields[0]);
  if (division && !isDivisionAbroad(country, division)) throw unknownPlace(fields[1]);
}
