// How alike a typed-in person and a stored one are: pure scoring over phonetic keys, words and birth data, used
// after the database has returned the few persons sharing the birth date, a triple of name keys or the identity.
import { nameKeys, plainWords, withinOneEdit } from './phonetic';

export interface MatchQuery {
  given?: string;
  surnames?: string;
  /** Both blind indexes are compared by the database; here only whether they matched. */
  year?: number;
  gender?: string;
}

export interface MatchCandidate {
  given: string | null;
  surnames: string | null;
  sameDate: boolean;
  sameIdentity: boolean;
  year: number | null;
  gender: string | null;
}

export interface Match {
  score: number;
  /** Eligible to be shown at all. */
  eligible: boolean;
  /** Same identity number, or the same names and exact date of birth. */
  strong: boolean;
}

/** Query words that are one typo away from a word of the candidate (neither sharing a phonetic key). */
function typoMatches(
  queryWords: string[],
  queryKeys: Set<string>,
  candidateWords: string[],
  candidateKeys: Set<string>,
) {
  const key = (w: string) => nameKeys(w)[0] ?? '';
  const open = candidateWords.filter((w) => !queryKeys.has(key(w)));
  let found = 0;
  for (const w of queryWords) {
    if (w.length < 4 || candidateKeys.has(key(w))) continue;
    const i = open.findIndex((c) => c.length >= 4 && (withinOneEdit(c, w) || withinOneEdit(key(c), key(w))));
    if (i >= 0) {
      open.splice(i, 1);
      found++;
    }
  }
  return found;
}

/**
 * Scores a stored person against a typed-in one. Each shared phonetic key counts 2 and a word one typo away 1.5; each
 * typed key the person lacks costs 1 and each key of the person not typed 0.5 (a second name is often left out); the
 * same date of birth adds 4, the same birth year 1.5, one year apart 0.5, further apart -4; a different sex -4; the
 * same identity number 10. Eligible: the identity number, or at least one shared key and two alike words, with the
 * same date of birth or three alike words, and a score of 6.
 */
export function scoreMatch(q: MatchQuery, c: MatchCandidate): Match {
  const queryKeys = new Set(nameKeys(q.given, q.surnames));
  const candidateKeys = new Set(nameKeys(c.given, c.surnames));
  const exact = [...queryKeys].filter((k) => candidateKeys.has(k)).length;
  const typos =
    exact >= 1 && exact < queryKeys.size
      ? typoMatches(plainWords(q.given, q.surnames), queryKeys, plainWords(c.given, c.surnames), candidateKeys)
      : 0;
  const alike = exact + typos;
  let score = 2 * exact + 1.5 * typos - (queryKeys.size - alike) - 0.5 * Math.max(0, candidateKeys.size - alike);
  if (c.sameDate) score += 4;
  if (q.year && c.year) {
    const apart = Math.abs(c.year - q.year);
    score += apart === 0 ? 1.5 : apart === 1 ? 0.5 : -4;
  }
  if (q.gender && c.gender && q.gender !== c.gender) score -= 4;
  if (c.sameIdentity) score += 10;
  const eligible = c.sameIdentity || (exact >= 1 && alike >= 2 && (c.sameDate || alike >= 3) && score >= 6);
  return { score, eligible, strong: c.sameIdentity || (c.sameDate && alike >= 2) };
}

/**
 * What to show of the eligible matches (best first, already limited to those the actor may see): only the strong ones
 * when there are any, and only those within 2 points of the best, at most five. A look-alike well behind the best is
 * noise at a national size.
 */
export function shortlist<T extends { match: Match }>(visible: T[], max = 5): T[] {
  const pool = visible.some((x) => x.match.strong) ? visible.filter((x) => x.match.strong) : visible;
  const best = pool[0]?.match.score ?? 0;
  return pool.filter((x) => x.match.score >= best - 2).slice(0, max);
}
