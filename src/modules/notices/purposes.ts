// Static catalogue of the purposes of processing, their legal basis and the rights, in es and en. Article numbers of
// Ecuador's LOPDP (Registro Oficial Suplemento 459, 26 May 2021) are cited only where verified (arts. 13, 14, 15 —
// registrospublicos.gob.ec); the other rights are named without a numeral. Kichwa (qu-EC) is not written yet: the
// generator marks those parts `fallback: 'es'` (see notices README text in the helper's report).

/** One purpose of processing: the module that does it, what for, and on what legal ground. */
export interface Purpose {
  module: string;
  es: { what: string; basis: string };
  en: { what: string; basis: string };
}

/** Purposes of the installation's modules. */
export const purposes: readonly Purpose[] = [
  {
    module: 'cases',
    es: {
      what: 'Atender a las personas sobrevivientes de trata: registro del caso, plan de atención y seguimiento.',
      basis: 'Cumplimiento de una misión de interés público y protección de intereses vitales del titular (LOPDP).',
    },
    en: {
      what: 'Assisting survivors of trafficking: case record, care plan and follow-up.',
      basis: 'A task in the public interest and protection of the data subject’s vital interests (LOPDP).',
    },
  },
  {
    module: 'referrals',
    es: {
      what: 'Derivar a la persona a servicios de otras organizaciones, con su consentimiento.',
      basis: 'Consentimiento del titular (LOPDP).',
    },
    en: {
      what: 'Referring the person to other organisations’ services, with their consent.',
      basis: 'Consent of the data subject (LOPDP).',
    },
  },
  {
    module: 'prosecution',
    es: {
      what: 'Acompañar denuncias ante la Fiscalía y procesos judiciales.',
      basis: 'Obligación legal y ejercicio de acciones judiciales (LOPDP).',
    },
    en: {
      what: 'Supporting complaints to the prosecutor and court proceedings.',
      basis: 'A legal obligation and the exercise of legal claims (LOPDP).',
    },
  },
  {
    module: 'reports',
    es: {
      what: 'Recibir reportes públicos de posibles casos.',
      basis: 'Consentimiento de quien reporta e interés público (LOPDP).',
    },
    en: {
      what: 'Receiving public reports of possible cases.',
      basis: 'Consent of the reporter and the public interest (LOPDP).',
    },
  },
  {
    module: 'insights',
    es: {
      what: 'Estadísticas agregadas y protegidas (nunca datos de una persona).',
      basis: 'Interés público; los datos publicados son agregados anónimos (LOPDP).',
    },
    en: {
      what: 'Aggregate, protected statistics (never one person’s data).',
      basis: 'Public interest; published data are anonymous aggregates (LOPDP).',
    },
  },
];

/** The rights of the data subject; `article` only where the LOPDP numeral was verified. */
export const rightsCatalogue: readonly { right: string; article?: number; es: string; en: string }[] = [
  { right: 'access', article: 13, es: 'Acceso a sus datos', en: 'Access to your data' },
  { right: 'rectification', article: 14, es: 'Rectificación y actualización', en: 'Rectification and updating' },
  { right: 'erasure', article: 15, es: 'Eliminación', en: 'Erasure' },
  { right: 'objection', es: 'Oposición', en: 'Objection' },
  { right: 'restriction', es: 'Suspensión del tratamiento', en: 'Restriction of processing' },
  { right: 'portability', es: 'Portabilidad', en: 'Portability' },
];
