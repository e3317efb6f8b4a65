import type { Answers, AnswerValue, FormDef, FormNode } from '../../shared/xlsform/types';

// Pure helpers over answers: which of them are aggregatable facts (kept plain), and which questions a save changed.

/**
 * Only the answers to questions marked `aggregate` (the rest are personal and stay sealed); inside a repeat, each
 * instance keeps only its aggregate answers, under the repeat's name, and a repeat with none is left out.
 */
export function factsOf(form: Pick<FormDef, 'children'>, answers: Answers): Answers {
  const walk = (nodes: FormNode[], a: Answers, out: Answers) => {
    for (const n of nodes) {
      if (n.kind === 'group') walk(n.children, a, out);
      else if (n.kind === 'repeat') {
        const instances = Array.isArray(a[n.name]) ? (a[n.name] as Answers[]) : [];
        const kept = instances.map((i) => walk(n.children, i ?? {}, {}));
        if (kept.some((k) => Object.keys(k).length)) out[n.name] = kept;
      } else if (n.aggregate && a[n.name] !== undefined && a[n.name] !== null) out[n.name] = a[n.name] as AnswerValue;
    }
    return out;
  };
  return walk(form.children, answers, {});
}

/** The names of the answers (a repeat by its name) whose value differs between two sets, sorted. */
export function changedNames(before: Answers, after: Answers): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  const same = (x: unknown, y: unknown) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
  return [...names].filter((n) => !same(before[n], after[n])).sort();
}
