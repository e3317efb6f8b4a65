import { protectCount } from '../insights/index';
import type { Cell } from './schema';

// Disclosure control of a study's tables. Primary suppression is the dashboards' (insights protectCount: a count of
// 1..k-1 people is never shown); then every published additive relation (a row's cells and its total, a column's
// cells and its total, the totals and the grand total) must not let a hidden cell be recovered: its hidden parts
// holding people must be none, or at least two that together hold at least k people; otherwise the smallest shown
// part holding people is hidden too (the relation's total when none is left), until no relation changes.

interface Relation {
  parts: number[];
  total: number;
}

/**
 * Protects a grid of counts (`values` flat, cell ids) under a list of additive relations over those ids.
 * Guarantees: every shown non-zero value is ≥ k, and no relation has a lone hidden part or hidden parts under k.
 * Cells in `fixed` keep the state given (true = hidden); complements are chosen among the others.
 */
export function protectCells(
  values: readonly number[],
  relations: readonly Relation[],
  k: number,
  fixed: ReadonlyMap<number, boolean> = new Map(),
): Cell[] {
  const hidden = values.map((v, i) => fixed.get(i) ?? protectCount(v, k).suppressed);
  let changed = true;
  while (changed) {
    changed = false;
    for (const r of relations) {
      let count = 0;
      let mass = 0;
      let pick = -1;
      for (const i of r.parts) {
        const v = values[i]!;
        if (hidden[i]) {
          if (v > 0) {
            count++;
            mass += v;
          }
        } else if (v > 0 && !fixed.has(i) && (pick < 0 || v < values[pick]!)) pick = i;
      }
      // A hidden total with hidden parts: the parts cannot be recovered from it.
      if (hidden[r.total] || count === 0 || (count >= 2 && mass >= k)) continue;
      if (pick >= 0) hidden[pick] = true;
      else if (!fixed.has(r.total)) hidden[r.total] = true;
      else continue;
      changed = true;
    }
  }
  return values.map((v, i) => (hidden[i] ? { value: null, suppressed: true } : { value: v, suppressed: false }));
}

/** A list of counts and their total (e.g. interviews by parish), protected. */
export function protectList(
  counts: readonly number[],
  k: number,
  /** The total's state when another list over the same people already decided it (true = hidden). */
  totalHidden?: boolean,
): { cells: Cell[]; total: Cell } {
  const total = counts.reduce((a, b) => a + b, 0);
  const fixed = new Map<number, boolean>(totalHidden === undefined ? [] : [[counts.length, totalHidden]]);
  const out = protectCells([...counts, total], [{ parts: counts.map((_, i) => i), total: counts.length }], k, fixed);
  return { cells: out.slice(0, counts.length), total: out[counts.length]! };
}

/**
 * A table of rows (places) × columns (choices) with row totals, column totals and the grand total. `rowsAdd`:
 * the cells of a row add up to its total (a single choice per person, with a column for no answer); with several
 * choices per person they do not, and only the columns and the totals are additive.
 */
export function protectTable(
  grid: readonly (readonly number[])[],
  rowTotals: readonly number[],
  rowsAdd: boolean,
  k: number,
): { rows: { cells: Cell[]; total: Cell }[]; totals: { cells: Cell[]; total: Cell } } {
  const nr = grid.length;
  const nc = grid[0]?.length ?? 0;
  const values: number[] = [];
  const at = (r: number, c: number) => r * nc + c;
  for (const row of grid) values.push(...row);
  const colTotal = (c: number) => nr * nc + c;
  for (let c = 0; c < nc; c++) values.push(grid.reduce((s, row) => s + row[c]!, 0));
  const rowTotal = (r: number) => nr * nc + nc + r;
  values.push(...rowTotals);
  const grand = nr * nc + nc + nr;
  values.push(rowTotals.reduce((a, b) => a + b, 0));
  const relations: Relation[] = [];
  for (let c = 0; c < nc; c++) relations.push({ parts: grid.map((_, r) => at(r, c)), total: colTotal(c) });
  relations.push({ parts: rowTotals.map((_, r) => rowTotal(r)), total: grand });
  if (rowsAdd) {
    for (let r = 0; r < nr; r++) relations.push({ parts: grid[r]!.map((_, c) => at(r, c)), total: rowTotal(r) });
    relations.push({ parts: Array.from({ length: nc }, (_, c) => colTotal(c)), total: grand });
  }
  // The places' totals are hidden as in the list of interviews by place, whatever the question: two tables that hid
  // different totals could otherwise be put together to give a hidden one back.
  const places = protectList(rowTotals, k);
  const fixed = new Map<number, boolean>(places.cells.map((c, r) => [rowTotal(r), c.suppressed]));
  fixed.set(grand, places.total.suppressed);
  const out = protectCells(values, relations, k, fixed);
  return {
    rows: grid.map((_, r) => ({
      cells: Array.from({ length: nc }, (_, c) => out[at(r, c)]!),
      total: out[rowTotal(r)]!,
    })),
    totals: { cells: Array.from({ length: nc }, (_, c) => out[colTotal(c)]!), total: out[grand]! },
  };
}
