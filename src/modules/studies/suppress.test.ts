import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { protectList, protectTable } from './suppress';

// A hidden count must not come back from the shown ones: check every relation a reader could subtract along.
const shownOrHidden = (c: { value: number | null; suppressed: boolean }) => (c.suppressed ? null : c.value);

describe('study disclosure control', () => {
  it('hides a small count and one more so the total does not give it back', () => {
    const { cells, total } = protectList([30, 6, 32], 11);
    assert.equal(cells[1]!.suppressed, true);
    assert.equal(cells[1]!.value, null);
    // The total is shown, so another part is hidden with the small one; together they hold at least k people.
    const hidden = cells.map((c, i) => (c.suppressed ? [30, 6, 32][i]! : 0));
    assert.equal(total.suppressed ? 'total' : hidden.filter((v) => v > 0).length >= 2, true);
    assert.ok(hidden.reduce((a, b) => a + b, 0) >= 11 || total.suppressed);
    for (const c of cells) if (!c.suppressed && c.value) assert.ok(c.value >= 11);
  });

  it('shows zeros and counts of at least k as they are', () => {
    const { cells, total } = protectList([0, 12, 15], 11);
    assert.deepEqual(cells.map(shownOrHidden), [0, 12, 15]);
    assert.equal(total.value, 27);
  });

  it('protects rows, columns and totals of a place × choice table', () => {
    // Single choice per person (with a no-answer column): rows add up to their totals.
    const grid = [
      [20, 12, 0],
      [3, 2, 1],
      [15, 14, 2],
    ];
    const totals = grid.map((r) => r.reduce((a, b) => a + b, 0));
    const t = protectTable(grid, totals, true, 11);
    const value = (r: number, c: number) => grid[r]![c]!;
    // Every shown non-zero value is at least k.
    for (const [r, row] of t.rows.entries()) {
      for (const c of row.cells) if (!c.suppressed && c.value) assert.ok(c.value >= 11, `row ${r}`);
      if (!row.total.suppressed && row.total.value) assert.ok(row.total.value >= 11);
    }
    // In every row and column with a shown total, the hidden non-zero parts are none, or two or more adding to ≥ k.
    const check = (parts: { cell: { suppressed: boolean }; v: number }[], total: { suppressed: boolean }) => {
      if (total.suppressed) return;
      const hidden = parts.filter((p) => p.cell.suppressed && p.v > 0);
      assert.ok(hidden.length === 0 || (hidden.length >= 2 && hidden.reduce((a, p) => a + p.v, 0) >= 11));
    };
    t.rows.forEach((row, r) => {
      check(
        row.cells.map((cell, c) => ({ cell, v: value(r, c) })),
        row.total,
      );
    });
    for (let c = 0; c < 3; c++)
      check(
        t.rows.map((row, r) => ({ cell: row.cells[c]!, v: value(r, c) })),
        t.totals.cells[c]!,
      );
    check(
      t.rows.map((row, r) => ({ cell: row.total, v: totals[r]! })),
      t.totals.total,
    );
    assert.equal(t.rows[1]!.total.suppressed, true, 'a parish of 6 interviews is never shown');
  });
});

describe('study disclosure control across tables', () => {
  it('hides the same place totals whatever the question, so two tables cannot be put together', () => {
    const totals = [32, 6, 32];
    const byPlace = protectList(totals, 11).cells.map((c) => c.suppressed);
    const tables = [
      protectTable([[], [], []], totals, true, 11),
      protectTable(
        [
          [20, 12, 0],
          [3, 2, 1],
          [15, 14, 3],
        ],
        totals,
        true,
        11,
      ),
      protectTable(
        [
          [30, 2],
          [6, 0],
          [1, 31],
        ],
        totals,
        false,
        11,
      ),
    ];
    for (const t of tables)
      assert.deepEqual(
        t.rows.map((r) => r.total.suppressed),
        byPlace,
      );
  });
});
