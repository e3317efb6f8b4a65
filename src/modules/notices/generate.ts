import { hasKey, type Language, t } from '../../platform/i18n/index';
import { purposes, rightsCatalogue } from './purposes';

/** What the generator reads: everything comes from configuration and the registries, nothing is typed twice. */
export interface NoticeInputs {
  controller: { name: string; contact: string };
  dpoContact: string;
  deadlineDays: number;
  schedules: { recordType: string; months: number | null; days: number | null; action: string; kept: boolean }[];
  columns: { table: string; kind: 'sealed' | 'index'; fate: string }[];
}

/** The notice / record in one language; every text comes from the server catalogue (`notices.*`). */
export interface Notice {
  language: Language;
  controller: { name: string; contact: string };
  dpoContact: string;
  purposes: { module: string; what: string; basis: string }[];
  categories: { category: string; label: string; tables: { table: string; label: string }[] }[];
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

const n = (lang: Language, key: string, params?: Record<string, unknown>) => t(lang, `notices.${key}`, params);
const known = (lang: Language, group: string, code: string) =>
  hasKey(`notices.${group}.${code}`) ? n(lang, `${group}.${code}`) : code;

/** Builds the notice in `lang` from the inputs; every part is present in every language. */
export function buildNotice(inputs: NoticeInputs, lang: Language): Notice {
  const groups = new Map<string, Set<string>>();
  for (const c of inputs.columns) {
    const cat = categoryOf[c.table] ?? 'case_records';
    if (!groups.has(cat)) groups.set(cat, new Set());
    groups.get(cat)!.add(c.table);
  }
  const categories: Notice['categories'] = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, tables]) => ({
      category,
      label: n(lang, `categories.${category}`),
      tables: [...tables].sort().map((table) => ({ table, label: n(lang, `tables.${table}`) })),
    }));
  categories.push({ category: 'facts', label: n(lang, 'categories.facts'), tables: [] });
  return {
    language: lang,
    controller: inputs.controller,
    dpoContact: inputs.dpoContact,
    purposes: purposes.map((m) => ({
      module: m,
      what: n(lang, `purposes.${m}.what`),
      basis: n(lang, `purposes.${m}.basis`),
    })),
    categories,
    recipients: [n(lang, 'recipients.network'), n(lang, 'recipients.justice')],
    transfers: n(lang, 'transfers'),
    retention: inputs.schedules.map((s) => ({
      recordType: s.recordType,
      label: known(lang, 'types', s.recordType),
      period: s.kept
        ? n(lang, 'kept')
        : s.months !== null
          ? n(lang, 'months', { n: s.months })
          : n(lang, 'days', { n: s.days ?? 0 }),
      action: known(lang, 'actions', s.action),
    })),
    rights: rightsCatalogue.map((r) => ({
      right: r.right,
      label: n(lang, `rights.${r.right}`),
      article: r.article ?? null,
    })),
    howToExercise: n(lang, 'how', { days: inputs.deadlineDays, contact: inputs.dpoContact }),
  };
}
