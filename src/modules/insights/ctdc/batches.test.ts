import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Fact } from '../facts';
import { generateFacts } from '../generate';
import { inRelease } from '../release';
import { type Candidate, type Generalisation, generalise, planBatch, rowText } from './batches';
import { type CtdcRow, quasiIdentifiers, toCtdcRow } from './columns';
import { ctdcDifferenceAttack } from './difference';

const k = 5;
const ym = (f: Fact) => `${f.year}-${String(f.month).padStart(2, '0')}`;
const monthly = (from: string, n: number) => {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let i = 0; i < n; i++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
  return out;
};
/** Class sizes over the quasi-identifiers, counted independently of the code under test. */
const classes = (rows: CtdcRow[]) => {
  const n = new Map<string, number>();
  for (const r of rows)
    n.set(
      JSON.stringify(quasiIdentifiers.map((q) => r[q])),
      (n.get(JSON.stringify(quasiIdentifiers.map((q) => r[q]))) ?? 0) + 1,
    );
  return [...n.values()];
};
const candidate = (f: Fact): Candidate => ({ key: f.key, row: toCtdcRow(f), registered: ym(f) });

describe('CTDC batches', () => {
  // One canton's people over two years, released monthly.
  const facts = generateFacts(900, 3, 2025, 2026).filter((f) => f.canton === '0603');
  const periods = monthly('2025-03', 24);

  it('publishes every batch k-anonymous on its own and together with the earlier ones, and never changes a row', () => {
    let g: Generalisation | null = null;
    const file: CtdcRow[] = [];
    const published = new Set<string>();
    let batches = 0;
    for (const period of periods) {
      const before = file.map(rowText);
      const candidates = facts.filter((f) => inRelease(f, period) && !published.has(f.key)).map(candidate);
      const plan = planBatch(candidates, g, { k, home: 'EC' });
      if (g) assert.deepEqual(plan.generalisation, g, 'the levels never change once chosen');
      g = plan.generalisation;
      assert.equal(plan.rows.length, plan.published.length);
      assert.deepEqual([...plan.published, ...plan.heldBack].sort(), candidates.map((c) => c.key).sort());
      for (const key of plan.published) {
        assert.ok(!published.has(key), 'a person is published once');
        published.add(key);
      }
      for (const size of classes(plan.rows)) assert.ok(size >= k, `a class of ${size} in a batch`);
      // Held back: none, at least k, or everyone (fewer than k in all).
      const held = plan.heldBack.length;
      assert.ok(held === 0 || held >= k || held === candidates.length, `${held} held back`);
      file.push(...plan.rows);
      assert.deepEqual(file.slice(0, before.length).map(rowText), before, 'published rows stay as they were');
      for (const size of classes(file)) assert.ok(size >= k, `a class of ${size} in the file`);
      if (plan.rows.length) batches++;
    }
    assert.ok(batches >= 3, `${batches} batches published`);
    assert.ok(published.size > facts.length / 2, `${published.size} of ${facts.length} published`);
  });

  it('holds back rows that cannot be published yet and publishes them when a later batch can carry them', () => {
    const base = facts.slice(0, 40).map(candidate);
    const first = planBatch(base, null, { k, home: 'EC' });
    assert.ok(first.generalisation);
    // One person alone in their class waits …
    const odd: Candidate = {
      key: 'odd',
      registered: '2026-05',
      row: { ...base[0]!.row, gender: 'Trans/NonConforming', citizenship: 'EC', CountryOfExploitation: 'EC' },
    };
    const second = planBatch([odd], first.generalisation, { k, home: 'EC' });
    assert.deepEqual([second.rows.length, second.heldBack], [0, ['odd']]);
    // … until k-1 more like them are registered; then the batch carries all k together.
    const alike = Array.from({ length: k - 1 }, (_, i) => ({ ...odd, key: `alike${i}`, registered: '2026-07' }));
    const third = planBatch([odd, ...alike], first.generalisation, { k, home: 'EC' });
    assert.equal(third.rows.length, k);
    assert.equal(third.heldBack.length, 0);
    assert.ok(third.published.includes('odd'));
  });

  it('holds back at least k when it must hold back any, the newest first, so no total gives 1..k-1 people', () => {
    const g: Generalisation = { levels: [], citizenshipKept: null, countryKept: null };
    const row = base(0);
    const like = (i: number, registered: string, r: CtdcRow = row): Candidate => ({ key: `p${i}`, row: r, registered });
    const others = { ...row, gender: 'Male', majorityStatus: 'Adult', ageBroad: '30--38' };
    // Ten alike and one alone: the one waits, and so must k-1 of the ten, the newest ones.
    const batch = [
      ...Array.from({ length: 10 }, (_, i) => like(i, `2026-${String(i + 1).padStart(2, '0')}`)),
      like(10, '2026-01', others),
    ];
    const plan = planBatch(batch, g, { k, home: 'EC' });
    assert.equal(plan.heldBack.length, k);
    assert.ok(plan.heldBack.includes('p10'));
    assert.deepEqual(plan.heldBack.filter((x) => x !== 'p10').sort(), ['p6', 'p7', 'p8', 'p9']);
    // With too few to spare, the whole small class waits too (8 alike: 3 spare, 4 needed).
    const all = planBatch([...batch.slice(0, 8), batch[10]!], g, { k, home: 'EC' });
    assert.equal(all.heldBack.length, 9);
  });

  it('orders a batch by its content, never by registration', () => {
    const g: Generalisation = { levels: [], citizenshipKept: null, countryKept: null };
    const candidates = facts.slice(0, 60).map(candidate);
    const a = planBatch(candidates, g, { k, home: 'EC' });
    const b = planBatch([...candidates].reverse(), g, { k, home: 'EC' });
    assert.deepEqual(a.rows.map(rowText), b.rows.map(rowText));
    const texts = a.rows.map(rowText);
    assert.deepEqual(texts, [...texts].sort());
  });

  it('applies frozen levels from the original values: a later rare country becomes Other', () => {
    const g: Generalisation = {
      levels: ['ageBroad:wide', 'yearOfRegistration:2y', 'CountryOfExploitation:rare-to-other'],
      citizenshipKept: null,
      countryKept: ['CO'],
    };
    const r = generalise(
      { ...base(0), ageBroad: '9--17', yearOfRegistration: 2027, CountryOfExploitation: 'PE' },
      g,
      'EC',
    );
    assert.deepEqual([r.ageBroad, r.yearOfRegistration, r.CountryOfExploitation], ['0--17', '2026--2027', 'Other']);
    const co = generalise({ ...base(0), CountryOfExploitation: 'CO' }, g, 'EC');
    assert.equal(co.CountryOfExploitation, 'CO');
  });

  it('leaves the file-difference attack nothing, where recomputing every file reveals registrants', () => {
    const all = generateFacts(600, 5, 2025, 2026);
    const old = ctdcDifferenceAttack(all, periods, { k, design: 'recomputed' });
    const batched = ctdcDifferenceAttack(all, periods, { k, design: 'batched' });
    assert.ok(old.uniqueRowsRevealed > 0, 'the attack finds registrants in the design before batches');
    assert.equal(batched.uniqueRowsRevealed, 0);
    assert.equal(batched.singleRowsRevealed, 0);
    assert.equal(batched.comparisons, old.comparisons);
    assert.ok(batched.rowsInCountryFile > 0);
  });

  /** A fact's row, to vary in the cases above. */
  function base(i: number): CtdcRow {
    return toCtdcRow(facts[i]!);
  }
});
