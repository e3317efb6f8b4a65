// A form whose relevance or calculations depend on themselves (a → b → a) is refused at import, as ODK does: the
// answers would depend on the order they are looked at. Edges: a node to the questions its `relevant` and
// `calculation` name, and to the group or repeat around it (whose relevance it shares).

import { expressionRefs } from './expr';
import { formIndex } from './tree';
import type { FormDef, FormIssue, FormNode } from './types';

interface Edge {
  to: string;
  column: string;
}

export function findCycles(form: FormDef): FormIssue[] {
  const idx = formIndex(form);
  const edges = new Map<string, Edge[]>();
  for (const [name, node] of idx.nodes) {
    const out: Edge[] = [];
    if (node.relevant) for (const to of expressionRefs(node.relevant)) out.push({ to, column: 'relevant' });
    if (node.kind === 'question' && node.calculation) {
      for (const to of expressionRefs(node.calculation)) out.push({ to, column: 'calculation' });
    }
    const parent = idx.parent.get(name);
    if (parent) out.push({ to: parent.name, column: '' });
    edges.set(name, out);
  }

  const issues: FormIssue[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: { name: string; column: string }[] = [];
  const visit = (name: string): boolean => {
    state.set(name, 'open');
    for (const e of edges.get(name) ?? []) {
      if (!idx.nodes.has(e.to)) continue;
      path.push({ name, column: e.column });
      const s = state.get(e.to);
      if (s === 'open') {
        const start = path.findIndex((p) => p.name === e.to);
        const loop = path.slice(start);
        const at = loop.find((p) => p.column) ?? loop[0]!;
        const node = idx.nodes.get(at.name) as FormNode;
        issues.push({
          sheet: 'survey',
          row: node.row,
          column: at.column || 'relevant',
          code: 'invalid_value',
          detail: [...loop.map((p) => p.name), e.to].join(' → '),
        });
        return true;
      }
      if (s === undefined && visit(e.to)) return true;
      path.pop();
    }
    state.set(name, 'done');
    return false;
  };
  for (const name of idx.nodes.keys()) {
    if (state.has(name)) continue;
    path.length = 0;
    if (!visit(name)) continue;
    // The walk stopped at the cycle: what it left open is settled (one problem per cycle).
    for (const [n, s] of state) if (s === 'open') state.set(n, 'done');
    if (issues.length >= 20) break;
  }
  return issues;
}
