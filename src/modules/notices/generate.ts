import type { Language } from '../../platform/i18n/index';
import { purposes, rightsCatalogue } from './purposes';

/** What the generator reads: everything comes from configuration and the registries, nothing is typed twice. */
export interface NoticeInputs {
  controller: { name: string; contact: string };
  dpoContact: string;
  deadlineDays: number;
  schedules: { recordType: string; months: number | null; days: number | null; action: string; kept: boolean }[];
  columns: { table: string; kind: 'sealed' | 'index'; fate: string }[];
}

/** The notice / record in one language; `fallback` names the language the texts are in when not the one asked. */
export interface Notice {
  language: Language;
  fallback: Language | null;
  controller: { name: string; contact: string };
  dpoContact: string;
  purposes: { module: string; what: string; basis: string }[];
  categories: { category: string; label: string; tables: string[] }[];
  recipients: string[];
  transfers: string;
  retention: { recordType: string; label: string; period: string; action: string }[];
  rights: { right: string; label: string; article: number | null }[];
  howToExercise: string;
}

const categoryOf: Record<string, string> = {
  persons: 'identity',
  person_names: 'identity',
  users: 'staff',
  reports: 'reports',
  report_messages: 'reports',
  referrals: 'referrals',
  consents: 'consents',
};

type Txt = 'es' | 'en';
const L = {
  es: {
    identity: 'Identidad y contacto de la persona',
    staff: 'Cuentas del personal',
    reports: 'Reportes públicos',
    referrals: 'Derivaciones',
    consents: 'Consentimientos',
    case_records: 'Registros del caso (relato, eventos, notas, archivos)',
    facts: 'Datos agregables sin identificación (sexo, año de nacimiento, cantón, formas de explotación, fechas)',
    recipients: [
      'Organizaciones de la red de atención con acuerdo de intercambio (solo con consentimiento)',
      'Fiscalía y autoridades judiciales cuando la ley lo exige',
    ],
    transfers: 'Retornos asistidos: datos mínimos a la autoridad extranjera competente, con consentimiento.',
    months: (n: number) => `${n} meses`,
    days: (n: number) => `${n} días`,
    kept: 'se conserva (registro de auditoría)',
    how: (d: number, c: string) => `Solicítelo a ${c}. Respondemos en un plazo de ${d} días.`,
  },
  en: {
    identity: 'Identity and contact of the person',
    staff: 'Staff accounts',
    reports: 'Public reports',
    referrals: 'Referrals',
    consents: 'Consents',
    case_records: 'Case records (account, events, notes, files)',
    facts: 'Aggregatable facts without identity (sex, birth year, canton, forms of exploitation, dates)',
    recipients: [
      'Organisations of the care network with a sharing agreement (only with consent)',
      'The prosecutor and courts where the law requires it',
    ],
    transfers: 'Assisted returns: minimal data to the competent foreign authority, with consent.',
    months: (n: number) => `${n} months`,
    days: (n: number) => `${n} days`,
    kept: 'kept (audit trail)',
    how: (d: number, c: string) => `Ask ${c}. We answer within ${d} days.`,
  },
} as const;

const actionLabel: Record<Txt, Record<string, string>> = {
  es: {
    anonymise: 'anonimizar',
    destroy_text: 'destruir el texto libre',
    delete_files: 'borrar los archivos',
    keep: 'conservar',
    delete: 'borrar',
  },
  en: {
    anonymise: 'anonymise',
    destroy_text: 'destroy the free text',
    delete_files: 'delete the files',
    keep: 'keep',
    delete: 'delete',
  },
};
const typeLabel: Record<Txt, Record<string, string>> = {
  es: {
    closed_cases: 'Casos cerrados',
    persons: 'Personas',
    referrals: 'Derivaciones',
    attachments: 'Archivos adjuntos',
    audit: 'Auditoría',
    reports: 'Reportes públicos',
  },
  en: {
    closed_cases: 'Closed cases',
    persons: 'Persons',
    referrals: 'Referrals',
    attachments: 'Attachments',
    audit: 'Audit',
    reports: 'Public reports',
  },
};

/** Builds the notice in `lang` from the inputs; every part is present in every language (qu-EC: Spanish, marked). */
export function buildNotice(inputs: NoticeInputs, lang: Language): Notice {
  const tx: Txt = lang === 'en' ? 'en' : 'es';
  const l = L[tx];
  const groups = new Map<string, Set<string>>();
  for (const c of inputs.columns) {
    const cat = categoryOf[c.table] ?? 'case_records';
    if (!groups.has(cat)) groups.set(cat, new Set());
    groups.get(cat)!.add(c.table);
  }
  const categories: Notice['categories'] = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, tables]) => ({ category, label: String(l[category as 'identity']), tables: [...tables].sort() }));
  categories.push({ category: 'facts', label: String(l.facts), tables: [] });
  return {
    language: lang,
    fallback: lang === 'qu-EC' ? 'es' : null,
    controller: inputs.controller,
    dpoContact: inputs.dpoContact,
    purposes: purposes.map((p) => ({ module: p.module, ...p[tx] })),
    categories,
    recipients: [...l.recipients],
    transfers: l.transfers,
    retention: inputs.schedules.map((s) => ({
      recordType: s.recordType,
      label: typeLabel[tx][s.recordType] ?? s.recordType,
      period: s.kept ? l.kept : s.months !== null ? l.months(s.months) : l.days(s.days ?? 0),
      action: actionLabel[tx][s.action] ?? s.action,
    })),
    rights: rightsCatalogue.map((r) => ({ right: r.right, label: r[tx], article: r.article ?? null })),
    howToExercise: l.how(inputs.deadlineDays, inputs.dpoContact),
  };
}
