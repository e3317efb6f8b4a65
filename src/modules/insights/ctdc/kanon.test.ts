import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Fact } from '../facts';
import { generateFacts } from '../generate';
import { type CtdcRow, quasiIdentifiers, toCtdcRow } from './columns';
import { complement, kAnonymise, publishKReport, steps, yearBand } from './kanon';

/** Counts every equivalence class over the quasi-identifiers independently of the code under test. */
function classes(rows: CtdcRow[]): number[] {
  const n = new Map<string, number>();
  for (const r of rows) {
    const key = JSON.stringify(quasiIdentifiers.map((q) => r[q]));
    n.set(key, (n.get(key) ?? 0) + 1);
  }
  return [...n.values()];
}

const k = 11;

describe('k-anonymity of the CTDC export', () => {
  it('leaves every equivalence class of 5,000 generated records with at least 11 rows', () => {
    const input = generateFacts(5000, 11).map(toCtdcRow);
    assert.ok(
      classes(input).some((c) => c < k),
      'the raw data has small classes, so the test can fail',
    );
    const { rows, report } = kAnonymise(input, { k, home: 'EC' });
    const sizes = classes(rows);
    for (const size of sizes) assert.ok(size >= k, `a class of ${size}`);
    assert.equal(report.classes, sizes.length);
    assert.equal(report.smallestClass, Math.min(...sizes));
    assert.equal(report.published, rows.length);
    assert.equal(report.records, 5000);
    assert.equal(report.suppressed, 5000 - rows.length);
    assert.ok(report.suppressed <= 5000 * 0.05, `suppressed ${report.suppressed}`);
    assert.ok(report.generalised.length > 0);
  });

  it('holds on a small, skewed population with rare citizenships, countries and genders', () => {
    const base = generateFacts(400, 5, 2026, 2026);
    const skewed: Fact[] = base.map((f, i) =>
      i % 40 === 0 ? { ...f, citizenship: 'HT', exploitedIn: 'PA', gender: 'TransgenderFeminine' } : f,
    );
    for (const kk of [2, 5, 11, 25]) {
      const { rows, report } = kAnonymise(skewed.map(toCtdcRow), { k: kk, home: 'EC' });
      for (const size of classes(rows)) assert.ok(size >= kk, `k=${kk}: a class of ${size}`);
      assert.equal(report.published + report.suppressed, 400);
      assert.ok(!rows.some((r) => r.citizenship === 'HT' || r.CountryOfExploitation === 'PA'));
    }
  });

  it('generalises in the documented order and stops as soon as the suppression limit is met', () => {
    const input = generateFacts(3000, 3).map(toCtdcRow);
    const { report } = kAnonymise(input, { k, home: 'EC' });
    const levels = report.generalised.map((g) => g.level);
    assert.deepEqual(
      levels,
      steps.slice(0, levels.length).map((s) => s.level),
    );
    assert.equal(levels[0], 'ageBroad:wide');
    // With k = 1 nothing is at risk, so nothing is generalised or suppressed.
    const none = kAnonymise(input, { k: 1, home: 'EC' });
    assert.deepEqual(none.report.generalised, []);
    assert.equal(none.report.suppressed, 0);
    assert.deepEqual(none.rows, input);
  });

  it('generalises values to the documented levels without touching the input', () => {
    const input = generateFacts(200, 9).map(toCtdcRow);
    const copy = structuredClone(input);
    const { rows } = kAnonymise(input, { k: 50, home: 'EC', maxSuppressedShare: 0 });
    assert.deepEqual(input, copy);
    for (const r of rows) {
      assert.ok(['', 'EC', 'Other'].includes(String(r.citizenship)));
      assert.ok(['', 'EC', 'Other'].includes(String(r.CountryOfExploitation)));
      assert.match(String(r.yearOfRegistration), /^\d{4}--\d{4}$/);
      assert.equal(r.ageBroad, '');
    }
  });

  it('suppresses everything when there are fewer than k people', () => {
    const { rows, report } = kAnonymise(generateFacts(7, 1).map(toCtdcRow), { k, home: 'EC' });
    assert.equal(rows.length, 0);
    assert.deepEqual([report.classes, report.smallestClass, report.suppressed], [0, null, 7]);
  });

  it('generalises years from the original year, so every band contains the true year, at every step', () => {
    for (const width of [2, 5])
      for (let y = 2000; y <= 2030; y++) {
        const [from, to] = String(yearBand(width, y)).split('--').map(Number) as [number, number];
        assert.ok(from <= y && y <= to && to - from === width - 1, `${y} in ${width}-year band ${from}--${to}`);
      }
    const input = [2019, 2020, 2024, 2025, 2026].flatMap((year) =>
      generateFacts(3, year).map((f) => toCtdcRow({ ...f, year })),
    );
    const rows = input.map((r) => ({ ...r }));
    for (const step of steps) {
      step.apply(rows, { k: 1000, home: 'EC', original: input });
      for (const [i, r] of rows.entries()) {
        const year = Number(input[i]!.yearOfRegistration);
        const [from, to] = String(r.yearOfRegistration).split('--').map(Number) as [number, number];
        if (to === undefined) assert.equal(from, year, step.level);
        else assert.ok(from <= year && year <= to, `${step.level}: ${year} became ${r.yearOfRegistration}`);
      }
    }
    // The case the review found: 2025 had become "2024--2025" and then "2020--2024".
    assert.equal(rows[input.findIndex((r) => r.yearOfRegistration === 2025)]!.yearOfRegistration, '2025--2029');
  });

  it('never suppresses 1..k-1 records out of k or more, so the file cannot be subtracted from a total', () => {
    for (const [n, seed] of [
      [60, 1],
      [200, 2],
      [400, 5],
      [5000, 11],
    ] as const) {
      const input = generateFacts(n, seed).map(toCtdcRow);
      for (const kk of [3, 5, 11, 25]) {
        const { rows, report } = kAnonymise(input, { k: kk, home: 'EC' });
        assert.ok(report.suppressed === 0 || report.suppressed >= kk, `n=${n} k=${kk}: ${report.suppressed}`);
        assert.equal(report.published, rows.length);
        for (const size of classes(rows)) assert.ok(size >= kk);
      }
    }
    // Twelve alike and one outlier at k = 3: two more of the twelve go, so 3 are suppressed and 10 published.
    const alike = Array.from({ length: 12 }, () => ({ q: 'a' }) as unknown as CtdcRow);
    const byKey = complement(alike, 1, 3);
    assert.equal(byKey.length, 10);
    // Not enough spare rows (two classes of exactly k): the smaller class goes whole.
    const two = [
      ...Array.from({ length: 3 }, () => ({ gender: 'Male' })),
      ...Array.from({ length: 4 }, () => ({ gender: 'Female' })),
    ];
    assert.deepEqual(
      complement(two, 1, 3).map((r) => r.gender),
      ['Female', 'Female', 'Female', 'Female'],
    );
  });

  it("publishes no figure that the dashboards' total could turn into a count of 1..k-1 people", () => {
    const base = { k, classes: 3, smallestClass: 20, maxSuppressedShare: 0.05, generalised: [] };
    // A population of 1..k-1 people: nothing published, its size and the suppressed count hidden.
    const few = publishKReport(kAnonymise(generateFacts(7, 1).map(toCtdcRow), { k, home: 'EC' }).report);
    assert.deepEqual([few.records, few.published, few.suppressed, few.suppressedUnderK], [null, 0, null, true]);
    // Every figure of a real report, records - published included, is 0 or at least k.
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const r = publishKReport(kAnonymise(generateFacts(150, seed).map(toCtdcRow), { k, home: 'EC' }).report);
      assert.ok(r.records !== null && r.suppressed !== null);
      const difference = r.records - r.published;
      assert.ok(difference === 0 || difference >= k, `seed ${seed}: ${difference}`);
    }
    const many = publishKReport({ ...base, records: 130, published: 100, suppressed: 30 });
    assert.deepEqual([many.records, many.suppressed, many.suppressedUnderK], [130, 30, false]);
    const zero = publishKReport({ ...base, records: 100, published: 100, suppressed: 0 });
    assert.deepEqual([zero.records, zero.suppressed], [100, 0]);
  });
});
