// The sections a case is shared in. Someone who reaches a case directly sees all of it; a receiver (through a
// referral or a data-sharing agreement) sees only the sections granted. Pure data, so the presenter, the services
// that return sub-records, the referrals module and the web app read one list.

/** Every section of a case, in the order the case page shows them. */
export const caseSections = [
  'identity',
  'contact',
  'age',
  'languages',
  'vulnerabilities',
  'exploitation',
  'perpetrators',
  'decision',
  'safeguards',
  'screening',
  'consents',
  'tasks',
  'comments',
  'plans',
  'legal',
  'measures',
  'returns',
  'files',
  'forms',
  'history',
] as const;

export type CaseSection = (typeof caseSections)[number];

/** The sections granted, or null for the whole case (direct reach). */
export type Granted = ReadonlySet<CaseSection> | null;

/** True when the grant includes the section (null = everything). */
export const grants = (granted: Granted, section: CaseSection) => granted === null || granted.has(section);

/** Keeps only known section names, in the canonical order. */
export const sectionsFrom = (names: Iterable<string>): CaseSection[] => {
  const wanted = new Set(names);
  return caseSections.filter((s) => wanted.has(s));
};
