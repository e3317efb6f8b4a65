import type {
  AnswerIssue,
  Answers,
  AnswerValue,
  FormDef,
  FormNode,
  Question,
  Repeat,
} from '../../../../src/shared/xlsform/types';

// Pure helpers of the renderer: paths into nested answers, first answers of a form, issues from an API error.

/** One step of a path: a question or repeat name, and for a repeat instance its 0-based index. */
interface Step {
  name: string;
  index?: number;
}

/** 'name', 'rep[0].name', 'rep[0].inner[1].name' → steps. */
export function parsePath(path: string): Step[] {
  return path.split('.').map((part) => {
    const m = /^(.+)\[(\d+)\]$/.exec(part);
    return m ? { name: m[1]!, index: Number(m[2]) } : { name: part };
  });
}

/** The path of a node named `name` in the scope `base` ('' at the top, 'rep[0].' inside an instance). */
export const pathOf = (base: string, name: string) => `${base}${name}`;

/** The scope of a repeat's instance `index`. */
export const instanceBase = (base: string, repeat: string, index: number) => `${base}${repeat}[${index}].`;

/** A DOM id for a path: letters, digits, '-' and '_' only. */
export const domId = (prefix: string, path: string) => `${prefix}-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

/** The answer at a path, or null when it is not there. */
export function getAt(answers: Answers, path: string): AnswerValue {
  let scope: Answers | undefined = answers;
  const steps = parsePath(path);
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const v: AnswerValue | undefined = scope?.[step.name];
    if (i === steps.length - 1 && step.index === undefined) return v ?? null;
    if (!Array.isArray(v) || step.index === undefined) return null;
    scope = v[step.index] as Answers | undefined;
  }
  return null;
}

/** Answers with the value at a path replaced (a copy: the given answers are not changed). */
export function setAt(answers: Answers, path: string, value: AnswerValue): Answers {
  const [step, ...rest] = parsePath(path);
  if (!step) return answers;
  if (step.index === undefined || rest.length === 0) return { ...answers, [step.name]: value };
  const list = Array.isArray(answers[step.name]) ? [...(answers[step.name] as Answers[])] : [];
  while (list.length <= step.index) list.push({});
  const restPath = path.slice(path.indexOf('.') + 1);
  list[step.index] = setAt(list[step.index] ?? {}, restPath, value);
  return { ...answers, [step.name]: list };
}

/** Whether an answer counts as given. */
export const isEmpty = (v: AnswerValue | undefined) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** A question's default as an answer: literals by type, `today()` for dates. */
export function defaultValue(q: Question, today: string): AnswerValue {
  const d = q.default?.trim();
  if (!d) return null;
  if (/^today\(\s*\)$/.test(d)) return today;
  const literal = d.replace(/^'(.*)'$|^"(.*)"$/, '$1$2');
  if (q.type === 'integer' || q.type === 'decimal') {
    const n = Number(literal);
    return literal !== '' && Number.isFinite(n) ? n : null;
  }
  if (q.type === 'select_multiple') return literal.split(/\s+/).filter(Boolean);
  return literal;
}

/** First answers of a list of nodes: defaults applied, metadata filled, fixed repeats left to the view. */
function fill(nodes: FormNode[], today: string, now: string, into: Answers): Answers {
  for (const node of nodes) {
    if (node.kind === 'group') fill(node.children, today, now, into);
    else if (node.kind === 'repeat') continue;
    else if (node.type === 'start') into[node.name] = now;
    else if (node.type === 'today') into[node.name] = today;
    else {
      const v = defaultValue(node, today);
      if (!isEmpty(v)) into[node.name] = v;
    }
  }
  return into;
}

/** Of earlier answers, those the form still asks (a newer version may have dropped or renamed questions): the
 * questions of the form and of its repeats' instances, nothing else. */
function known(nodes: FormNode[], previous: Answers, into: Answers): Answers {
  for (const node of nodes) {
    if (node.kind === 'group') known(node.children, previous, into);
    else if (!Object.hasOwn(previous, node.name)) continue;
    else if (node.kind === 'question') into[node.name] = previous[node.name] ?? null;
    else {
      const list = previous[node.name];
      if (Array.isArray(list))
        into[node.name] = list.map((item) =>
          item && typeof item === 'object' && !Array.isArray(item) ? known(node.children, item as Answers, {}) : {},
        );
    }
  }
  return into;
}

/**
 * The answers a form opens with: literal defaults, `today()` dates, `start` and `today` metadata; with `previous`
 * answers (editing what was saved, perhaps on an older version), those the form still asks replace the defaults.
 */
export function initialAnswers(form: FormDef, today: string, previous?: Answers | null): Answers {
  const first = fill(form.children, today, new Date().toISOString(), {});
  return previous ? { ...first, ...known(form.children, previous, {}) } : first;
}

/** The answers of a new repeat instance (its questions' defaults). */
export function initialInstance(repeat: Repeat, today: string): Answers {
  return fill(repeat.children, today, new Date().toISOString(), {});
}

const issueCodes: readonly AnswerIssue['code'][] = [
  'required',
  'constraint',
  'type',
  'choice',
  'unknown_question',
  'too_long',
  'not_relevant',
];
const isCode = (c: unknown): c is AnswerIssue['code'] => issueCodes.includes(c as AnswerIssue['code']);

/** A server path ('answers.age', '/answers/rep/0/age', 'rep.0.age') as a form path ('rep[0].age'). */
function formPath(raw: string): string {
  const parts = raw.replace(/^\/+/, '').split(/[./]/).filter(Boolean);
  while (parts[0] === 'body' || parts[0] === 'answers') parts.shift();
  let out = '';
  for (const p of parts) {
    if (/^\d+$/.test(p)) out += `[${p}]`;
    else out += out ? `.${p}` : p;
  }
  return out;
}

/**
 * The answer issues of an API error: its `issues` (as the shared validation gives them) or else its field problems
 * (`fields: [{ path, problem, message }]`). Accepts the error body, or an error carrying it as `body` (ApiError).
 */
export function issuesFromError(error: unknown): AnswerIssue[] {
  const body =
    error && typeof error === 'object' && 'body' in error && typeof error.body === 'object' ? error.body : error;
  if (!body || typeof body !== 'object') return [];
  const b = body as { issues?: unknown; fields?: unknown };
  if (Array.isArray(b.issues)) {
    return b.issues.flatMap((i): AnswerIssue[] => {
      if (!i || typeof i !== 'object' || typeof i.path !== 'string' || !isCode(i.code)) return [];
      const message = i.message && typeof i.message === 'object' ? (i.message as Record<string, string>) : undefined;
      return [{ path: i.path, code: i.code, ...(message ? { message } : {}) }];
    });
  }
  if (Array.isArray(b.fields)) {
    return b.fields.flatMap((f): AnswerIssue[] => {
      if (!f || typeof f !== 'object' || typeof f.path !== 'string') return [];
      const path = formPath(f.path);
      if (!path) return [];
      if (isCode(f.problem)) return [{ path, code: f.problem }];
      // A problem the form knows no word for: the server's own message (already in the reader's language).
      return [{ path, code: 'type', ...(typeof f.message === 'string' ? { message: { default: f.message } } : {}) }];
    });
  }
  return [];
}

/**
 * What a refused XLSForm import found, one line per problem, as the server worded it in the reader's language
 * ("Hoja «survey», fila 3, columna «relevant»: …"); [] for any other error.
 */
export function formImportProblems(error: unknown): string[] {
  const body = error && typeof error === 'object' && 'body' in error ? (error.body as Record<string, unknown>) : null;
  if (body?.code !== 'form_invalid' || !Array.isArray(body.fields)) return [];
  return (body.fields as { path?: string; message?: string }[]).map((f) => f.message ?? f.path ?? '');
}
