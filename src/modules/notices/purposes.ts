// Static catalogue of the purposes of processing and of the rights; the texts live in the server catalogue
// (`notices.purposes.<module>.*`, `notices.rights.*`) in es, en and qu-EC. Article numbers of Ecuador's LOPDP
// (Registro Oficial Suplemento 459, 26 May 2021) are cited only where verified (arts. 13, 14, 15 —
// registrospublicos.gob.ec); the other rights are named without a numeral.

/** Modules that process personal data; each has `notices.purposes.<module>.what` and `.basis` in the catalogue. */
export const purposes: readonly string[] = ['cases', 'referrals', 'prosecution', 'reports', 'insights'];

/** The rights of the data subject; `article` only where the LOPDP numeral was verified. */
export const rightsCatalogue: readonly { right: string; article?: number }[] = [
  { right: 'access', article: 13 },
  { right: 'rectification', article: 14 },
  { right: 'erasure', article: 15 },
  { right: 'objection' },
  { right: 'restriction' },
  { right: 'portability' },
];
