import type { Answers, AnswerValue, FormDef, FormNode, Question, Repeat } from '../../shared/xlsform/types';

// Pure walks over a form and its answers: which questions sit where (group paths, repeats), and the plain facts a
// submission keeps (the chosen choices of every select question, inside repeats too).

export interface Placed {
  question: Question;
  /** Names of the groups and repeats around the question, outermost first (the XLSForm export's path). */
  path: string[];
  /** The innermost repeat holding the question, or null. */
  repeat: Repeat | null;
}

/** Every question of the form in order, with where it sits. */
export function placedQuestions(form: Pick<FormDef, 'children'>): Placed[] {
  const out: Placed[] = [];
  const visit = (nodes: FormNode[], path: string[], repeat: Repeat | null) => {
    for (const n of nodes) {
      if (n.kind === 'question') out.push({ question: n, path, repeat });
      else visit(n.children, [...path, n.name], n.kind === 'repeat' ? n : repeat);
    }
  };
  visit(form.children, [], null);
  return out;
}

/** Every repeat of the form in order, with the path of groups and repeats around it. */
export function repeatsOf(
  form: Pick<FormDef, 'children'>,
): { repeat: Repeat; path: string[]; parent: Repeat | null }[] {
  const out: { repeat: Repeat; path: string[]; parent: Repeat | null }[] = [];
  const visit = (nodes: FormNode[], path: string[], parent: Repeat | null) => {
    for (const n of nodes)
      if (n.kind === 'repeat') {
        out.push({ repeat: n, path, parent });
        visit(n.children, [...path, n.name], n);
      } else if (n.kind === 'group') visit(n.children, [...path, n.name], parent);
  };
  visit(form.children, [], null);
  return out;
}

export const isSelect = (q: Question) => q.type === 'select_one' || q.type === 'select_multiple';

const choicesOf = (v: AnswerValue | undefined): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** The instances of a repeat in the answers (a list of answer objects; anything else counts as none). */
export const instancesOf = (answers: Answers, name: string): Answers[] => {
  const v = answers[name];
  return Array.isArray(v)
    ? v.filter((x): x is Answers => typeof x === 'object' && x !== null && !Array.isArray(x))
    : [];
};

/**
 * The categorical facts of a submission: for every select question, the choice names chosen (inside a repeat, the
 * choices of every instance, in order). Text, numbers, dates and places stay only in the sealed answers.
 */
export function factsOf(form: Pick<FormDef, 'children'>, answers: Answers): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const visit = (nodes: FormNode[], scopes: Answers[]) => {
    for (const n of nodes) {
      if (n.kind === 'question') {
        if (!isSelect(n)) continue;
        const chosen = scopes.flatMap((a) => choicesOf(a[n.name]));
        if (chosen.length) out[n.name] = chosen;
      } else if (n.kind === 'group') visit(n.children, scopes);
      else
        visit(
          n.children,
          scopes.flatMap((a) => instancesOf(a, n.name)),
        );
    }
  };
  visit(form.children, [answers]);
  return out;
}
