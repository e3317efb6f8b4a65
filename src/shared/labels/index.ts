// Vocabulary labels both the server (PDF sheets, e-mails) and the web app show: HTCDS picklists and directory
// services. One catalogue, so a label reads the same on paper and on screen.
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };
import qu from './qu-EC.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };

/** The shared labels of each interface language (Kichwa holds only what has a Kichwa label; Spanish is the fallback). */
export const sharedLabels: Record<'es' | 'en' | 'qu-EC', Tree> = { es, en, 'qu-EC': qu as Tree };

/** A catalogue with the shared labels merged in (shared labels fill their own branches, nothing is overwritten). */
export function withSharedLabels<T extends object>(catalogue: T, lang: keyof typeof sharedLabels): T {
  const merge = (into: Tree, from: Tree): Tree => {
    const out: Tree = { ...into };
    for (const [k, v] of Object.entries(from))
      out[k] = typeof v === 'object' && typeof out[k] === 'object' ? merge(out[k] as Tree, v) : (out[k] ?? v);
    return out;
  };
  return merge(catalogue as Tree, sharedLabels[lang]) as T;
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
