// formState / validateAnswers: the answers of a form evaluated the same way in the browser (on every change) and on
// the server (before storing). Relevance, calculations and choice filters are computed lazily and memoised per path;
// the walk in form order then builds the cleaned answers and the issues.

import { coerce, exprValue, fromCalculation, isEmptyAnswer, maxRepeatInstances } from './coerce';
import { type ExprEnv, type ExprValue, evaluate, toBoolean, toNumber } from './expr';
import { otherChoiceFor } from './other';
import { formIndex } from './tree';
import type {
  AnswerIssue,
  Answers,
  AnswerValue,
  Choice,
  EvalContext,
  FormDef,
  FormNode,
  Question,
  Repeat,
} from './types';

export interface FormState {
  /** Path 'name' or 'repeatName[0].name' (0-based); groups and repeats by their name too. */
  relevant(path: string): boolean;
  /** The value after calculations (null when not relevant or not answered). */
  value(path: string): AnswerValue;
  /** The answers with calculations and metadata filled in and the values of non-relevant questions removed. */
  answers: Answers;
  /** The choices of a select in the context of a path (choice_filter applied; 'other' added for or_other). */
  choices(question: Question, path: string): Choice[];
  /** Exactly what validateAnswers reports. */
  issues: AnswerIssue[];
  /** Whether the question at a path must be answered (relevant, and its `required` true there). */
  required(path: string): boolean;
  /** The number of instances a repeat's repeat_count fixes (0…200), or null when the person adds them. */
  repeatCount(name: string): number | null;
}

interface Frame {
  repeat: Repeat | null;
  index: number;
  raw: Record<string, unknown>;
  prefix: string;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const own = (o: Record<string, unknown>, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
const pathPattern = /^([A-Za-z_][A-Za-z0-9._-]*)\[(\d{1,4})\](?:\.([A-Za-z_][A-Za-z0-9._-]*))?$/;

class Evaluation {
  private readonly idx;
  private readonly top: Frame;
  private readonly frames = new Map<string, Frame[]>();
  private readonly relevantMemo = new Map<string, boolean>();
  private readonly valueMemo = new Map<string, AnswerValue>();
  private readonly choiceMemo = new Map<string, Choice[]>();
  private readonly busy = new Set<string>();
  readonly issues: AnswerIssue[] = [];
  readonly answers: Answers;
  private readonly now: string;

  constructor(
    private readonly form: FormDef,
    input: unknown,
    private readonly ctx: EvalContext,
  ) {
    this.idx = formIndex(form);
    this.now = ctx.now ?? ctx.today;
    if (!isObject(input) && input !== undefined && input !== null) this.issues.push({ path: '', code: 'type' });
    this.top = { repeat: null, index: -1, raw: isObject(input) ? input : {}, prefix: '' };
    this.answers = {};
    this.walk(form.children, this.top, this.answers);
    this.unknownKeys(this.top);
  }

  // ---- frames and paths

  private instances(rep: Repeat): Frame[] {
    const hit = this.frames.get(rep.name);
    if (hit) return hit;
    const raw = own(this.top.raw, rep.name);
    const list = Array.isArray(raw) ? raw.slice(0, maxRepeatInstances) : [];
    const frames = list.map((item, index) => ({
      repeat: rep,
      index,
      raw: isObject(item) ? item : {},
      prefix: `${rep.name}[${index}].`,
    }));
    this.frames.set(rep.name, frames);
    return frames;
  }

  private frameOf(path: string): { frame: Frame; name: string } {
    const m = pathPattern.exec(path);
    if (!m) return { frame: this.top, name: path };
    const node = this.idx.nodes.get(m[1]!);
    if (node?.kind !== 'repeat') return { frame: this.top, name: '' };
    const index = Number(m[2]);
    const frame = this.instances(node)[index] ?? { repeat: node, index, raw: {}, prefix: `${node.name}[${index}].` };
    return { frame, name: m[3] ?? node.name };
  }

  /** The frame a node is evaluated in: a repeat (and anything outside it) in the top frame. */
  private frameFor(node: FormNode, frame: Frame): Frame {
    if (node.kind === 'repeat' || !frame.repeat || this.idx.repeatOf.get(node.name) !== frame.repeat) return this.top;
    return frame;
  }

  // ---- expressions

  env(frame: Frame, dot: () => ExprValue, col?: (name: string) => ExprValue): ExprEnv {
    return {
      today: this.ctx.today,
      now: this.now,
      dot,
      col,
      ref: (name) => {
        const node = this.idx.nodes.get(name);
        if (node?.kind !== 'question') return '';
        const rep = this.idx.repeatOf.get(name);
        if (rep && frame.repeat !== rep) return '';
        return exprValue(this.value(node, rep ? frame : this.top));
      },
      count: (name) => {
        const node = this.idx.nodes.get(name);
        if (node?.kind === 'repeat') return this.relevant(node, this.top) ? this.instances(node).length : 0;
        return exprValue(node?.kind === 'question' ? this.value(node, this.frameFor(node, frame)) : null) === ''
          ? 0
          : 1;
      },
    };
  }

  private suppliedDot(node: FormNode, frame: Frame): () => ExprValue {
    return () => (node.kind === 'question' ? exprValue(coerce(node, own(frame.raw, node.name)).value) : '');
  }

  // ---- relevance, values, choices (memoised; a cycle gives false / null)

  relevant(node: FormNode, frame: Frame): boolean {
    const f = this.frameFor(node, frame);
    const key = `r:${f.prefix}${node.name}`;
    const hit = this.relevantMemo.get(key);
    if (hit !== undefined) return hit;
    if (this.busy.has(key)) return false;
    this.busy.add(key);
    const parent = this.idx.parent.get(node.name);
    let result = parent ? this.relevant(parent, f) : true;
    if (result && node.relevant) result = toBoolean(evaluate(node.relevant, this.env(f, this.suppliedDot(node, f))));
    this.busy.delete(key);
    this.relevantMemo.set(key, result);
    return result;
  }

  value(q: Question, frame: Frame): AnswerValue {
    const key = `v:${frame.prefix}${q.name}`;
    const hit = this.valueMemo.get(key);
    if (hit !== undefined) return hit;
    if (this.busy.has(key)) return null;
    this.busy.add(key);
    const v = this.compute(q, frame);
    this.busy.delete(key);
    this.valueMemo.set(key, v);
    return v;
  }

  private compute(q: Question, frame: Frame): AnswerValue {
    if (!this.relevant(q, frame) || q.type === 'note') return null;
    if (q.calculation) return fromCalculation(q, evaluate(q.calculation, this.env(frame, this.suppliedDot(q, frame))));
    const supplied = coerce(q, own(frame.raw, q.name)).value;
    if (q.type === 'start' || q.type === 'end') return supplied ?? this.now;
    if (q.type === 'today') return supplied ?? this.ctx.today;
    if (q.readOnly || supplied === null) return null;
    if (q.type === 'select_one' || q.type === 'select_multiple') {
      const names = new Set(this.choices(q, frame).map((c) => c.name));
      const picked = typeof supplied === 'string' ? [supplied] : (supplied as string[]);
      if (!picked.every((p) => names.has(p))) return null;
    }
    return supplied;
  }

  choices(q: Question, frame: Frame): Choice[] {
    const key = `c:${frame.prefix}${q.name}`;
    const hit = this.choiceMemo.get(key);
    if (hit) return hit;
    if (this.busy.has(key)) return [];
    this.busy.add(key);
    let list = (q.listName && Object.hasOwn(this.form.choices, q.listName) ? this.form.choices[q.listName] : []) ?? [];
    const filter = q.choiceFilter;
    if (filter) {
      list = list.filter((choice) =>
        toBoolean(
          evaluate(
            filter,
            this.env(
              frame,
              () => '',
              (col) => (col === 'name' ? choice.name : Object.hasOwn(choice.extra, col) ? choice.extra[col]! : ''),
            ),
          ),
        ),
      );
    }
    if (q.orOther && !list.some((c) => c.name === 'other')) list = [...list, otherChoiceFor(this.form.languages)];
    this.busy.delete(key);
    this.choiceMemo.set(key, list);
    return list;
  }

  // ---- the walk: cleaned answers and issues in form order

  private walk(nodes: FormNode[], frame: Frame, out: Answers): void {
    for (const node of nodes) {
      if (!this.relevant(node, frame)) continue;
      if (node.kind === 'group') this.walk(node.children, frame, out);
      else if (node.kind === 'repeat') this.walkRepeat(node, out);
      else this.check(node, frame, out);
    }
  }

  private walkRepeat(rep: Repeat, out: Answers): void {
    const raw = own(this.top.raw, rep.name);
    if (raw !== undefined && raw !== null && !Array.isArray(raw)) this.issues.push({ path: rep.name, code: 'type' });
    if (Array.isArray(raw) && raw.length > maxRepeatInstances) this.issues.push({ path: rep.name, code: 'too_long' });
    const frames = this.instances(rep);
    if (rep.repeatCount) {
      const n = toNumber(
        evaluate(
          rep.repeatCount,
          this.env(this.top, () => ''),
        ),
      );
      const want = Number.isFinite(n) ? Math.max(0, Math.min(maxRepeatInstances, Math.trunc(n))) : 0;
      if (frames.length !== want) this.issues.push({ path: rep.name, code: 'constraint' });
    }
    const list: Answers[] = [];
    for (const frame of frames) {
      const item = Array.isArray(raw) ? raw[frame.index] : undefined;
      if (!isObject(item)) this.issues.push({ path: `${rep.name}[${frame.index}]`, code: 'type' });
      const o: Answers = {};
      this.walk(rep.children, frame, o);
      this.unknownKeys(frame);
      list.push(o);
    }
    if (list.length) out[rep.name] = list;
  }

  private check(q: Question, frame: Frame, out: Answers): void {
    const path = `${frame.prefix}${q.name}`;
    const v = this.value(q, frame);
    const passive = q.type === 'note' || q.type === 'calculate' || !!q.calculation || q.readOnly;
    const meta = q.type === 'start' || q.type === 'end' || q.type === 'today';
    let reported = false;
    if (!passive && !meta) {
      const raw = own(frame.raw, q.name);
      const c = coerce(q, raw);
      if (c.problem) {
        this.issues.push({ path, code: c.problem });
        reported = true;
      } else if (c.value !== null && v === null) {
        this.issues.push({ path, code: 'choice' });
        reported = true;
      }
    }
    if (!reported && q.required && q.type !== 'note' && !meta && isEmptyAnswer(v)) {
      if (
        toBoolean(
          evaluate(
            q.required,
            this.env(frame, () => ''),
          ),
        )
      ) {
        this.issues.push({ path, code: 'required', ...(q.requiredMessage ? { message: q.requiredMessage } : {}) });
      }
    }
    if (!reported && q.constraint && !isEmptyAnswer(v)) {
      const ok = toBoolean(
        evaluate(
          q.constraint,
          this.env(frame, () => exprValue(v)),
        ),
      );
      if (!ok)
        this.issues.push({
          path,
          code: 'constraint',
          ...(q.constraintMessage ? { message: q.constraintMessage } : {}),
        });
    }
    if (v !== null) out[q.name] = v;
  }

  mustAnswer(q: Question, frame: Frame): boolean {
    if (!q.required || q.type === 'note' || q.type === 'calculate' || q.calculation || q.readOnly) return false;
    if (!this.relevant(q, frame)) return false;
    return q.required === 'true()' || toBoolean(evaluate(q.required, this.env(frame, this.suppliedDot(q, frame))));
  }

  fixedCount(rep: Repeat): number | null {
    if (!rep.repeatCount) return null;
    const n = toNumber(
      evaluate(
        rep.repeatCount,
        this.env(this.top, () => ''),
      ),
    );
    return Number.isFinite(n) ? Math.max(0, Math.min(maxRepeatInstances, Math.trunc(n))) : 0;
  }

  private unknownKeys(frame: Frame): void {
    for (const key of Object.keys(frame.raw)) {
      const node = this.idx.nodes.get(key);
      const known = frame.repeat
        ? node?.kind === 'question' && this.idx.repeatOf.get(key) === frame.repeat
        : node !== undefined && node.kind !== 'group' && !this.idx.repeatOf.has(key);
      if (!known) this.issues.push({ path: `${frame.prefix}${key.slice(0, 100)}`, code: 'unknown_question' });
    }
  }

  // ---- the public view

  state(): FormState {
    return {
      answers: this.answers,
      issues: this.issues,
      relevant: (path) => {
        const { frame, name } = this.frameOf(path);
        const node = this.idx.nodes.get(name);
        return node ? this.relevant(node, frame) : false;
      },
      value: (path) => {
        const { frame, name } = this.frameOf(path);
        const node = this.idx.nodes.get(name);
        if (node?.kind === 'question') return this.value(node, this.frameFor(node, frame));
        if (node?.kind === 'repeat') return (this.answers[node.name] as Answers[] | undefined) ?? null;
        return null;
      },
      required: (path) => {
        const { frame, name } = this.frameOf(path);
        const node = this.idx.nodes.get(name);
        return node?.kind === 'question' ? this.mustAnswer(node, this.frameFor(node, frame)) : false;
      },
      repeatCount: (path) => {
        const node = this.idx.nodes.get(this.frameOf(path).name);
        return node?.kind === 'repeat' ? this.fixedCount(node) : null;
      },
      choices: (question, path) => {
        const { frame } = this.frameOf(path);
        return this.choices(question, this.frameFor(question, frame));
      },
    };
  }
}

export function formState(form: FormDef, answers: Answers, ctx: EvalContext): FormState {
  return new Evaluation(form, answers, ctx).state();
}

/** Validates untrusted answers: cleaned answers (see FormState.answers) and the issues found. */
export function validateAnswers(
  form: FormDef,
  answers: unknown,
  ctx: EvalContext,
): { ok: boolean; answers: Answers; issues: AnswerIssue[] } {
  const e = new Evaluation(form, answers, ctx);
  return { ok: e.issues.length === 0, answers: e.answers, issues: e.issues };
}
