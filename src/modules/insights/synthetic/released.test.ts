import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ctdcColumns, flagColumns, relationColumns } from '../ctdc/columns';
import { Cube } from '../cube';
import { generateFacts, prng } from '../generate';
import { type Release, releaseValues } from '../release';
import { sample } from './model';
import { fitReleased, publishedReader, releasedAttributes, releasedTables } from './released';

const k = 11;
const attrs = releasedAttributes({ home: 'EC', fromYear: 2017, toYear: 2026 });
const scope = { country: 'EC', code: '0603' };

/** A release of a generated population, the way the dashboards publish it. */
function release(): Release {
  const cube = new Cube(generateFacts(1500, 7, 2024, 2026));
  return { period: '2027-01', k, cube, ...releaseValues(cube, k) };
}
/** Synthetic rows (as text) of a release at the scope, with seeded noise and draws. */
const draw = (r: Release, epsilon = 5) => {
  const rng = prng(42);
  return sample(fitReleased(publishedReader(r, scope), epsilon, attrs, rng), rng)
    .map((row) => ctdcColumns.map((c) => row[c]).join(','))
    .join('\n');
};
/** Indexes of the release's cells at the scope's node, hidden (with 1..k-1 people) or published (above 0). */
function cellsAtScope(r: Release) {
  const node = r.cube.nodeOf('EC', '0603')!;
  const hidden: number[] = [];
  const shown: number[] = [];
  const { counts } = r.cube.layout();
  for (const key of r.cube.keys.keys())
    for (const year of [0, ...r.cube.yearList()])
      for (const minor of [0, 1, 2] as const) {
        const i = r.cube.index({ node, year, minor }, key);
        if (i < 0) continue;
        if (r.published[i]! < 0 && counts[i]! > 0 && counts[i]! < k) hidden.push(i);
        if (r.published[i]! > 0) shown.push(i);
      }
  return { hidden, shown };
}

describe('synthetic data from the released figures', () => {
  it("gives identical records whatever a hidden cell's true count is", () => {
    const r = release();
    const { hidden } = cellsAtScope(r);
    assert.ok(hidden.length > 5, `${hidden.length} hidden cells with people in Colta`);
    const before = draw(r);
    assert.ok(before.split('\n').length > 100);
    // Every hidden cell of the canton changes its true count (up, down, to zero); the records do not move.
    const { counts } = r.cube.layout();
    for (const [n, i] of hidden.entries()) counts[i] = n % 3 === 0 ? 0 : counts[i]! + 1 + (n % 7);
    assert.equal(draw(r), before);
  });

  it('does change when a published figure changes (so the test above can fail)', () => {
    const r = release();
    const before = draw(r);
    const { shown } = cellsAtScope(r);
    const ageCell = shown.find((i) => {
      const node = r.cube.nodeOf('EC', '0603')!;
      return i === r.cube.index({ node, year: 0, minor: 1 }, 'ageBand:9--17');
    });
    assert.ok(ageCell !== undefined, 'the minors of 9 to 17 in Colta are published');
    r.published[ageCell] = r.published[ageCell]! + 40;
    assert.notEqual(draw(r), before);
  });

  it('reads the tables from published values: a hidden cell reads 0, a shown one its published value', () => {
    const r = release();
    const reader = publishedReader(r, scope);
    const { hidden, shown } = cellsAtScope(r);
    const node = r.cube.nodeOf('EC', '0603')!;
    const total = r.published[r.cube.index({ node, year: 0, minor: 0 }, 'total')]!;
    assert.ok(total > 0);
    assert.equal(releasedTables(reader, attrs).total, total);
    assert.ok(shown.length > 0 && hidden.length > 0);
    // Outside the installation's places, nothing.
    assert.equal(releasedTables(publishedReader(r, { country: 'EC', code: '9999' }), attrs).total, 0);
  });

  it('writes every CTDC column with valid values, about as many records as the published total', () => {
    const r = release();
    const node = r.cube.nodeOf('EC', '0603')!;
    const total = r.published[r.cube.index({ node, year: 0, minor: 0 }, 'total')]!;
    const rng = prng(3);
    const rows = sample(fitReleased(publishedReader(r, scope), 10, attrs, rng), rng);
    assert.ok(Math.abs(rows.length - total) < 30, `${rows.length} records for ${total} published`);
    for (const row of rows) {
      assert.deepEqual(Object.keys(row), ctdcColumns);
      for (const c of flagColumns) assert.ok(row[c] === 0 || row[c] === 1, `${c}=${row[c]}`);
      assert.equal(relationColumns.filter((c) => row[c] === 1).length, 1);
      assert.ok(['Adult', 'Minor'].includes(String(row.majorityStatus)));
      assert.equal(row.traffickMonths, '');
    }
    // Majority status and age band agree (they come from one table).
    for (const row of rows)
      if (row.ageBroad === '0--8' || row.ageBroad === '9--17') assert.equal(row.majorityStatus, 'Minor');
  });
});
