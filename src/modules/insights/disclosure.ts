// Disclosure control: every number published to someone who may not see personal data passes here.
// A count of 1 to k-1 people is suppressed (zero reveals nobody); when a group of cells adds up to a
// published total, a lone suppressed cell is protected by also suppressing the next smallest cell, so
// the total minus the others cannot give it back.

export interface Cell {
  value: number | null;
  suppressed: boolean;
}

/** One count: shown when 0 or at least k, otherwise suppressed. */
export function protectCount(n: number, k: number): Cell {
  return n === 0 || n >= k ? { value: n, suppressed: false } : { value: null, suppressed: true };
}

/**
 * Cells that add up to a total (for example four quarters and the year, or a breakdown by sex): primary
 * suppression under k, then complementary suppression so that no suppressed cell can be recovered by
 * subtracting the shown cells from the shown total. Guarantees: every shown non-zero value is ≥ k, and
 * either the total is suppressed or at least two cells are (or none).
 */
export function protectGroup(cells: number[], total: number, k: number): { cells: Cell[]; total: Cell } {
  const out = cells.map((n) => protectCount(n, k));
  const totalCell = protectCount(total, k);
  if (totalCell.suppressed) return { cells: cells.map(() => ({ value: null, suppressed: true })), total: totalCell };
  const hidden = () => out.filter((c) => c.suppressed).length;
  if (hidden() === 1) {
    // The smallest shown non-zero cell hides with it (a zero would hide nothing: the rest is still known).
    let pick = -1;
    for (let i = 0; i < cells.length; i++)
      if (!out[i]!.suppressed && cells[i]! > 0 && (pick < 0 || cells[i]! < cells[pick]!)) pick = i;
    if (pick >= 0) out[pick] = { value: null, suppressed: true };
    else return { cells: out, total: { value: null, suppressed: true } };
  }
  return { cells: out, total: totalCell };
}
