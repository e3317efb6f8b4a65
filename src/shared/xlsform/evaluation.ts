// The lazy evaluation of a form over (untrusted) answers: relevance, values after calculations and choice lists, each
// computed on demand and memoised per path (a cycle gives false / null instead of recursing for ever). Used by
// formState and validateAnswers (state.ts) through the walk in form order (walk.ts).

import { coerce, exprValue, fromCalculation, maxRepeatInstances } from './coerce';
import { type ExprEnv, type ExprValue, evaluate, toBoolean, toNumber } from './expr';
import { otherChoiceFor } from './other';
import { type FormIndex, formIndex } from './tree';
import type { AnswerValue, Choice, EvalContext, FormDef, FormNode, Question, Repeat } from './types';

/** Where answers are read: the top level, or one instance of a repeat. */
export interface Frame {
  repeat: Repeat | null;
  index: number;
  raw: Record<string, unknown>;
  /** '' at top level, 'kids[1].' in an instance. */
  prefix: string;
}

export const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
export const own = (o: Record<string, unknown>, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
const pathPattern = /^([A-Za-z_][A-Za-z0-9._-]*)\[(\d{1,4})\](?:\.([A-Za-z_][A-Za-z0-9._-]*))?$/;

export class Evaluation {
  readonly idx: FormIndex;
  readonly top: Frame;
  private readonly frames = new Map<string, Frame[]>();
  private readonly relevantMemo = new Map<string, boolean>();
  private readonly valueMemo = new Map<string, AnswerValue>();
  private readonly choiceMemo = new Map<string, Choice[]>();
  private readonly busy = new Set<string>();
  private readonly now: string;

  constructor(
    readonly form: FormDef,
    input: unknown,
    private readonly ctx: EvalContext,
  ) {
    this.idx = formIndex(form);
    this.now = ctx.now ?? ctx.today;
    this.top = { repeat: null, index: -1, raw: isObject(input) ? input : {}, prefix: '' };
  }

  // ---- frames and paths

  instances(rep: Repeat): Frame[] {
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

  frameOf(path: string): { frame: Frame; name: string } {
    const m = pathPattern.exec(path);
    if (!m) return { frame: this.top, name: path };
    const node = this.idx.nodes.get(m[1]!);
    if (node?.kind !== 'repeat') return { frame: this.top, name: '' };
    const index = Number(m[2]);
    const frame = this.instances(node)[index] ?? { repeat: node, index, raw: {}, prefix: `${node.name}[${index}].` };
    return { frame, name: m[3] ?? node.name };
  }

  /** The frame a node is evaluated in: a repeat (and anything outside it) in the top frame. */
  frameFor(node: FormNode, frame: Frame): Frame {
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
    // A read-only question holds its default (as ODK keeps it): what a device sends for it is ignored.
    if (q.readOnly) return this.defaultOf(q);
    if (supplied === null) return null;
    if (q.type === 'select_one' || q.type === 'select_multiple') {
      const names = new Set(this.choices(q, frame).map((c) => c.name));
      const picked = typeof supplied === 'string' ? [supplied] : (supplied as string[]);
      if (!picked.every((p) => names.has(p))) return null;
    }
    return supplied;
  }

  private defaultOf(q: Question): AnswerValue {
    const d = q.default?.trim();
    if (!d) return null;
    if (d === 'today()') return q.type === 'date' ? this.ctx.today : null;
    return coerce(q, q.type === 'select_multiple' ? d.split(/\s+/) : d).value;
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
}
