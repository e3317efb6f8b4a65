// The three message catalogues Minka ships, seen as flat `catalogue:key` strings: what translators export,
// review and import, and what the Kichwa coverage test reads.
import en from '../../platform/i18n/locales/en.json' with { type: 'json' };
import es from '../../platform/i18n/locales/es.json' with { type: 'json' };
import qu from '../../platform/i18n/locales/qu-EC.json' with { type: 'json' };
import provenance from '../../shared/i18n/qu-EC.provenance.json' with { type: 'json' };
import webEn from '../../shared/i18n/web/en.json' with { type: 'json' };
import webEs from '../../shared/i18n/web/es.json' with { type: 'json' };
import webQu from '../../shared/i18n/web/qu-EC.json' with { type: 'json' };
import labelsEn from '../../shared/labels/en.json' with { type: 'json' };
import labelsEs from '../../shared/labels/es.json' with { type: 'json' };
import labelsQu from '../../shared/labels/qu-EC.json' with { type: 'json' };

export const catalogueLanguages = ['es', 'en', 'qu-EC'] as const;
export type CatalogueLanguage = (typeof catalogueLanguages)[number];
/** web: the staff app; server: errors, e-mails, documents and the public report pages; labels: vocabularies. */
export const catalogueNames = ['web', 'server', 'labels'] as const;
export type CatalogueName = (typeof catalogueNames)[number];

/** Where a Kichwa string comes from; `reviewed` once a speaker has confirmed it. */
export const sources = ['attested', 'dictionary', 'composed', 'reviewed'] as const;
export type Source = (typeof sources)[number];
export interface Provenance {
  source: Source;
  note?: string;
}

type Tree = { [key: string]: string | Tree };

/** A nested catalogue as `prefix:path.to.key` → string. */
export function flatten(tree: object, prefix: string, path = '', out: Record<string, string> = {}) {
  for (const [k, v] of Object.entries(tree as Tree)) {
    const key = path ? `${path}.${k}` : k;
    if (v && typeof v === 'object') flatten(v, prefix, key, out);
    else out[`${prefix}:${key}`] = String(v);
  }
  return out;
}

const trees: Record<CatalogueName, Record<CatalogueLanguage, object>> = {
  web: { es: webEs, en: webEn, 'qu-EC': webQu },
  server: { es, en, 'qu-EC': qu },
  labels: { es: labelsEs, en: labelsEn, 'qu-EC': labelsQu },
};

const flat = new Map<CatalogueLanguage, Readonly<Record<string, string>>>();

/** Every shipped string of a language, keyed `catalogue:key` (flattened once: the shipped catalogues never change). */
export function shipped(lang: CatalogueLanguage): Readonly<Record<string, string>> {
  let strings = flat.get(lang);
  if (!strings) {
    strings = Object.assign({}, ...catalogueNames.map((c) => flatten(trees[c][lang], c))) as Record<string, string>;
    flat.set(lang, strings);
  }
  return strings;
}

/** The recorded origin of each shipped Kichwa string. */
export const kichwaProvenance = (provenance as { entries: Record<string, Provenance> }).entries;

/** The placeholders a string must keep: {{name}}, $t(key) and markup tags. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*[^}]+?\s*\}\}|\$t\([^)]*\)|<\/?[a-zA-Z][^>]*>/g)]
    .map((m) => m[0].replace(/\s+/g, ''))
    .sort();
}

/** `web:nav.home` → ['web', 'nav.home']; null for a key of no catalogue. */
export function splitKey(key: string): [CatalogueName, string] | null {
  const at = key.indexOf(':');
  const name = key.slice(0, at) as CatalogueName;
  return at > 0 && catalogueNames.includes(name) ? [name, key.slice(at + 1)] : null;
}
