// Vocabulary labels both the server (PDF sheets, e-mails) and the web app show: HTCDS picklists and directory
// services. One catalogue, so a label reads the same on paper and on screen.
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };
import { mergeLabels, type Tree } from './merge';
import qu from './qu-EC.json' with { type: 'json' };

/** The shared labels of each interface language (Kichwa holds only what has a Kichwa label; Spanish is the fallback). */
export const sharedLabels: Record<'es' | 'en' | 'qu-EC', Tree> = { es, en, 'qu-EC': qu as Tree };

/** A catalogue with the shared labels merged in (shared labels fill their own branches, nothing is overwritten). */
export function withSharedLabels<T extends object>(catalogue: T, lang: keyof typeof sharedLabels): T {
  return mergeLabels(catalogue, sharedLabels[lang]);
}

/** The label of a picklist value in a language, Spanish when the language has none, the value itself as a last resort. */
export function label(lang: string, group: string, value: string): string {
  const pick = (tree: Tree | undefined) => {
    let node: Tree | string | undefined = tree;
    for (const part of [...group.split('.'), value]) node = typeof node === 'object' ? node[part] : undefined;
    return typeof node === 'string' ? node : undefined;
  };
  const l = (lang in sharedLabels ? lang : 'es') as keyof typeof sharedLabels;
  return pick(sharedLabels[l]) ?? pick(sharedLabels.es) ?? value;
}

/** Puts a label an installation reviewed over the shipped one (`key` is a dotted path, e.g. `htcds.sex.Female`). */
export function setLabel(lang: keyof typeof sharedLabels, key: string, value: string): void {
  const parts = key.split('.');
  let node: Tree = sharedLabels[lang];
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object') node[part] = {};
    node = node[part] as Tree;
  }
  node[parts.at(-1)!] = value;
}
