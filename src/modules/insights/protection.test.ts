import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cube, factKeys } from './cube';
import { buildDashboard, type Dashboard } from './dashboard';
import type { Fact } from './facts';
import { generateFacts } from './generate';
import { protectionByCase, sortEntries } from './protection';
import { type Release, releaseValues } from './release';

const k = 11;
const cell = (d: Dashboard, year: number, kind: string) =>
  d.protection.rows.find((r) => r.year === year)?.cells.find((c) => c.kind === kind);
function release(facts: Fact[], period: string, previous?: Release): Release {
  const cube = new Cube(facts.filter((f) => `${f.year}-${String(f.month).padStart(2, '0')}` < period));
  return { period, k, cube, ...releaseValues(cube, k, previous) };
}
const donorView = (r: Release, division: string | null = null, year: number | null = null) =>
  buildDashboard(
    r.cube,
    { country: 'EC', division, year, minor: null },
    { k, exact: false, labels: new Map(), areas: [], published: r.published },
  );

describe('protection figures: facts to cube keys', () => {
  it('turns board measures, returns, reintegration outcomes and complaints into one entry per kind and year', () => {
    const byCase = protectionByCase({
      measures: [
        { case_id: 'a', decided_on: '2025-03-02' },
        { case_id: 'a', decided_on: '2025-09-30' },
      ],
      returns: [{ case_id: 'a', arrived_on: '2024-12-31' }],
      plans: [
        { case_id: 'a', status: 'closed', outcome: 'partially_reintegrated', closed_on: '2025-06-01' },
        { case_id: 'b', status: 'open', outcome: null, closed_on: null },
      ],
      complaints: [
        {
          case_id: 'b',
          filed_on: '2024-05-01',
          charged_on: '2025-01-10',
          outcome: 'conviction',
          outcome_on: '2026-02-01',
        },
        { case_id: 'b', filed_on: '2024-07-01', charged_on: null, outcome: 'dismissal', outcome_on: '2024-11-01' },
        { case_id: 'c', filed_on: '2026-01-05', charged_on: null, outcome: null, outcome_on: null },
      ],
    });
    assert.deepEqual(sortEntries(byCase.get('a')!), [
      '2024:Returned',
      '2025:MeasureDecided',
      '2025:PartiallyReintegrated',
    ]);
    assert.deepEqual(sortEntries(byCase.get('b')!), [
      '2024:Complaint',
      '2024:Dismissal',
      '2025:Prosecution',
      '2026:Conviction',
    ]);
    assert.deepEqual([...byCase.get('c')!], ['2026:Complaint']);
    const [fact] = generateFacts(1, 3);
    const keys = factKeys({ ...fact!, protection: ['2025:Conviction', '2025:Prosecution'] });
    assert.deepEqual(
      keys.filter((x) => x.startsWith('protection:')),
      ['protection:2025:Conviction', 'protection:2025:Prosecution'],
    );
    // Counted in the all-years slot of the fact's place; the total still counts the person once.
    const cube = new Cube([{ ...fact!, province: '06', canton: '0603', protection: ['2025:Conviction'] }]);
    const colta = cube.nodeOf('EC', '0603')!;
    assert.equal(cube.count({ node: colta, year: 0, minor: 0 }, 'protection:2025:Conviction'), 1);
    assert.equal(cube.count({ node: cube.nodeOf('EC')!, year: 0, minor: 0 }), 1);
  });

  it('keeps the cube small: one key per kind and event year', () => {
    const facts = generateFacts(3000, 5, 2023, 2026);
    const cube = new Cube(facts);
    const protection = cube.keysWith('protection:');
    assert.ok(protection.length > 20 && protection.length <= 4 * 11, String(protection.length));
  });
});

describe('protection figures under disclosure control (a donor)', () => {
  it('suppresses counts under k, shows the others exactly, the same in every response', () => {
    const facts = generateFacts(2500, 17, 2023, 2026);
    const r = release(facts, '2026-10');
    const inRelease = facts.filter((f) => `${f.year}-${String(f.month).padStart(2, '0')}` < '2026-10');
    let shown = 0;
    let hidden = 0;
    for (const division of [null, '06', '0603', '0606', '01']) {
      const all = donorView(r, division);
      assert.ok(all.protection.kinds.includes('Conviction') && all.protection.kinds.includes('Prosecution'));
      for (const row of all.protection.rows)
        for (const c of row.cells) {
          const truth = inRelease.filter(
            (f) =>
              (!division || f.province === division || f.canton === division) &&
              f.protection.includes(`${row.year}:${c.kind}`),
          ).length;
          if (c.suppressed) {
            assert.equal(c.value, null);
            hidden++;
          } else {
            assert.equal(c.value, truth, `${division} ${row.year} ${c.kind}`);
            assert.ok(truth >= k);
            shown++;
          }
          // The same cell in a response filtered to its year.
          assert.deepEqual(cell(donorView(r, division, row.year), row.year, c.kind), c);
        }
    }
    assert.ok(shown > 20 && hidden > 20, JSON.stringify({ shown, hidden }));
  });

  it('hides a sibling canton when a single canton would be hidden, so the province does not give it back', () => {
    // Chimborazo: Colta 20 convicted for in 2025, Guamote 3, Riobamba 14; Azuay 30 (so the country is not Chimborazo).
    const base = generateFacts(200, 23, 2024, 2024).map((f) => ({ ...f, month: 1, protection: [] as string[] }));
    const at = (from: number, n: number, canton: string, province: string) =>
      base.slice(from, from + n).map((f) => ({ ...f, canton, province, protection: ['2025:Conviction'] }));
    const facts = [
      ...at(0, 20, '0603', '06'),
      ...at(20, 3, '0606', '06'),
      ...at(23, 14, '0601', '06'),
      ...at(37, 30, '0101', '01'),
      ...base.slice(67).map((f) => ({ ...f, canton: '0101', province: '01' })),
    ];
    const r = release(facts, '2026-01');
    const value = (division: string) => cell(donorView(r, division), 2025, 'Conviction')!;
    assert.deepEqual(value('0606'), { kind: 'Conviction', value: null, suppressed: true });
    // Chimborazo's 37 are published, so one more canton must be hidden: the smallest shown one, Riobamba.
    assert.deepEqual(value('06'), { kind: 'Conviction', value: 37, suppressed: false });
    assert.deepEqual(value('0601'), { kind: 'Conviction', value: null, suppressed: true });
    assert.deepEqual(value('0603'), { kind: 'Conviction', value: 20, suppressed: false });
  });
});

describe('protection figures follow the chained release, like every other figure', () => {
  it('does not move a published conviction count until it has moved by k, exactly as the case figures', () => {
    const facts = generateFacts(1500, 7, 2025, 2026).filter((f) => f.year === 2025 || f.month < 7);
    const r1 = release(facts, '2026-07');
    const ec = r1.cube.nodeOf('EC')!;
    // Side by side with two categories of the case totals (the national all-years cells).
    const keys = ['gender:Feminine', 'citizenship:EC', 'protection:2025:Conviction'];
    const published = (r: Release) =>
      keys.map((key) => r.published[r.cube.index({ node: r.cube.nodeOf('EC')!, year: 0, minor: 0 }, key)]);
    const before = published(r1);
    for (const v of before) assert.ok(v !== undefined && v >= k, JSON.stringify(before));
    // People registered in July, women convicted for in 2025: each one moves all three counts by one.
    const more = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({
        ...facts[i]!,
        key: `FAKE-new-${from + i}`,
        year: 2026,
        month: 7,
        gender: 'Feminine',
        citizenship: 'EC',
        protection: ['2025:Conviction'],
      }));
    // Fewer than k: the next release publishes the three figures unchanged.
    const r2 = release([...facts, ...more(k - 1, 0)], '2026-10', r1);
    assert.deepEqual(published(r2), before);
    assert.equal(r2.cube.count({ node: ec, year: 0, minor: 0 }, 'protection:2025:Conviction'), before[2]! + k - 1);
    // One more (k in all since the figures were last decided): all three move by k, together.
    const r3 = release([...facts, ...more(k, 0)], '2027-01', r2);
    assert.deepEqual(
      published(r3),
      before.map((v) => v! + k),
    );
    assert.equal(r3.cube.count({ node: ec, year: 0, minor: 0 }, 'protection:2025:Conviction'), before[2]! + k);
  });
});
