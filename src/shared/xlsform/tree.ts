// Walking a FormDef: every question in form order, finding a node by name, the parents of a node.

import type { FormDef, FormNode, Question, Repeat } from './types';

/** Every question in form order, with the name of its enclosing repeat (null at top level). */
export function questions(form: FormDef): { question: Question; repeat: string | null }[] {
  const out: { question: Question; repeat: string | null }[] = [];
  const walk = (nodes: FormNode[], repeat: string | null) => {
    for (const n of nodes) {
      if (n.kind === 'question') out.push({ question: n, repeat });
      else walk(n.children, n.kind === 'repeat' ? n.name : repeat);
    }
  };
  walk(form.children, null);
  return out;
}

export function findNode(form: FormDef, name: string): FormNode | undefined {
  return formIndex(form).nodes.get(name);
}

export interface FormIndex {
  nodes: Map<string, FormNode>;
  /** The group or repeat directly containing a node (absent at top level). */
  parent: Map<string, FormNode>;
  /** The repeat enclosing a node (absent outside repeats). */
  repeatOf: Map<string, Repeat>;
}

const indexes = new WeakMap<FormDef, FormIndex>();

/** Lookup tables for a form, built once per FormDef object. */
export function formIndex(form: FormDef): FormIndex {
  const hit = indexes.get(form);
  if (hit) return hit;
  const idx: FormIndex = { nodes: new Map(), parent: new Map(), repeatOf: new Map() };
  const walk = (nodes: FormNode[], parent: FormNode | undefined, repeat: Repeat | undefined) => {
    for (const n of nodes) {
      if (!idx.nodes.has(n.name)) idx.nodes.set(n.name, n);
      if (parent) idx.parent.set(n.name, parent);
      if (repeat) idx.repeatOf.set(n.name, repeat);
      if (n.kind !== 'question') walk(n.children, n, n.kind === 'repeat' ? n : repeat);
    }
  };
  walk(form.children, undefined, undefined);
  indexes.set(form, idx);
  return idx;
}
