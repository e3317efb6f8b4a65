import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cube } from './cube';
import type { Fact } from './facts';
import { generateFacts } from './generate';
import { inRelease, parseRelease, type Release, releasePeriod, releaseValues, serialiseRelease } from './release';

const before = (period: string) => (f: Fact) => `${f.year}-${String(f.month).padStart(2, '0')}` < period;
function release(facts: Fact[], period: string, k: number, previous?: Release): Release {
  const cube = new Cube(facts.filter(before(period)));
  return { period, k, cube, ...releaseValues(cube, k, previous) };
}
/** Every cell present in both releases: [previous published, current published]. */
function pairs(a: Release, b: Release): [number, number][] {
  const out: [number, number][] = [];
  const { nodeStride, yearStride, nk } = b.cube.layout();
  const pa = a.cube.layout();
  for (const [code, n] of b.cube.nodes)
    for (const [year, y] of b.cube.years)
      for (let m = 0; m < 3; m++)
        for (const [key, kk] of b.cube.keys) {
          const an = a.cube.nodes.get(code);
          const ay = a.cube.years.get(year);
          const ak = a.cube.keys.get(key);
          if (an === undefined || ay === undefined || ak === undefined) continue;
          out.push([
            a.published[an * pa.nodeStride + ay * pa.yearStride + m * pa.nk + ak]!,
            b.published[n * nodeStride + y * yearStride + m * nk + kk]!,
          ]);
        }
  return out;
}

describe('monthly releases', () => {
  it('move every cell shown in two consecutive releases by 0 or at least k, month after month', () => {
    const facts = generateFacts(1500, 7, 2025, 2026);
    let previous: Release | undefined;
    let moved = 0;
    let kept = 0;
    for (const period of ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07']) {
      const r = release(facts, period, 11, previous);
      if (previous)
        for (const [a, b] of pairs(previous, r))
          if (a >= 0 && b >= 0) {
            const d = Math.abs(a - b);
            assert.ok(d === 0 || d >= 11, `${period}: ${a} → ${b}`);
            if (d) moved++;
            else kept++;
          }
      previous = r;
    }
    // Not vacuous: figures do move (by k or more) and many small changes are held back.
    assert.ok(moved > 20 && kept > 100, JSON.stringify({ moved, kept }));
  });

  it('publishes exactly the same figures after one more registration', () => {
    const facts = generateFacts(1500, 7, 2025, 2026);
    const may = release(facts, '2026-06', 11);
    const one = { ...facts[0]!, key: 'FAKE-new', year: 2026, month: 6, canton: '0602', province: '06' };
    const june = release([...facts.filter(before('2026-06')), one], '2026-07', 11, may);
    const changed = pairs(may, june).filter(([a, b]) => a !== b);
    assert.deepEqual(changed, []);
    // Without chaining the same registration shows in many cells.
    const unchained = release([...facts.filter(before('2026-06')), one], '2026-07', 11);
    assert.ok(pairs(may, unchained).filter(([a, b]) => a >= 0 && b >= 0 && a !== b).length > 5);
  });

  it('keeps the cells of periods the previous release closed as it published them, whatever their count does', () => {
    const facts = generateFacts(1500, 7, 2025, 2026);
    const march = release(facts, '2026-03', 11);
    // Thirty late corrections land in 2025 and January 2026 (closed), and people register in March (open).
    const late = Array.from({ length: 30 }, (_, i) => ({
      ...facts[i]!,
      key: `FAKE-late-${i}`,
      year: i % 2 ? 2025 : 2026,
      month: 1,
    }));
    const fresh = Array.from({ length: 40 }, (_, i) => ({ ...facts[i]!, key: `FAKE-new-${i}`, year: 2026, month: 3 }));
    const june = release([...facts, ...late, ...fresh], '2026-06', 11, march);
    const { nodeStride, yearStride, nk } = june.cube.layout();
    const pm = march.cube.layout();
    let frozen = 0;
    let moved = 0;
    for (const [code, n] of june.cube.nodes)
      for (const [year, y] of june.cube.years)
        for (let m = 0; m < 3; m++)
          for (const [key, kk] of june.cube.keys) {
            const i = n * nodeStride + y * yearStride + m * nk + kk;
            const [pn, py, pk] = [march.cube.nodes.get(code), march.cube.years.get(year), march.cube.keys.get(key)];
            const j =
              pn === undefined || py === undefined || pk === undefined
                ? -1
                : pn * pm.nodeStride + py * pm.yearStride + m * pm.nk + pk;
            const closed = year === 2025 || (key.startsWith('month:') && key.slice(6) < '2026-03');
            if (closed) {
              // A cell the previous release did not have was hidden there, and stays hidden.
              assert.equal(june.published[i], j < 0 ? -1 : march.published[j], `${code} ${year} ${m} ${key}`);
              frozen++;
            } else if (year === 0 && key === 'total' && j >= 0 && june.published[i] !== march.published[j]) moved++;
          }
    assert.ok(frozen > 1000);
    // The open periods did move: the national total of all years among them.
    assert.ok(moved >= 1);
    const total = june.cube.index({ node: june.cube.nodeOf('EC')!, year: 2025, minor: 0 });
    assert.notEqual(june.cube.layout().counts[total], june.published[total], 'the closed year is not republished');
  });

  it('round-trips through its stored form', () => {
    const r = release(generateFacts(300, 3), '2026-06', 11);
    const back = parseRelease('2026-06', serialiseRelease(r));
    assert.equal(back.k, 11);
    assert.deepEqual([...back.published], [...r.published]);
    assert.deepEqual([...back.baseline], [...r.baseline]);
    assert.deepEqual([...back.cube.keys.keys()], [...r.cube.keys.keys()]);
  });
});

describe('release periods', () => {
  it('start every n months from January, in UTC', () => {
    const at = new Date('2026-11-29T23:30:00Z');
    assert.equal(releasePeriod(at, 1), '2026-11');
    assert.equal(releasePeriod(at, 3), '2026-10');
    assert.equal(releasePeriod(at, 6), '2026-07');
    assert.equal(releasePeriod(at, 12), '2026-01');
    assert.equal(releasePeriod(new Date('2027-01-01T00:00:00Z'), 3), '2027-01');
    assert.ok(inRelease({ year: 2026, month: 9 }, '2026-10'));
    assert.ok(!inRelease({ year: 2026, month: 10 }, '2026-10'));
  });
});
