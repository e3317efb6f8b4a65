// The pure half of the shared labels, so the web app can merge one language's labels without loading the others.

export type Tree = { [key: string]: string | Tree };

/** `catalogue` with `labels` merged in: labels fill their own branches, nothing of the catalogue is overwritten. */
export function mergeLabels<T extends object>(catalogue: T, labels: Tree): T {
  const merge = (into: Tree, from: Tree): Tree => {
    const out: Tree = { ...into };
    for (const [k, v] of Object.entries(from))
      out[k] = typeof v === 'object' && typeof out[k] === 'object' ? merge(out[k] as Tree, v) : (out[k] ?? v);
    return out;
  };
  return merge(catalogue as Tree, labels) as T;
}
