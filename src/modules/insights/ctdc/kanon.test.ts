import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Fact } from '../facts';
import { generateFacts } from '../generate';
import { type CtdcRow, quasiIdentifiers, toCtdcRow } from './columns';
import { kAnonymise, publishKReport, steps } from './kanon';

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

  it('publishes a suppressed count under k only as "fewer than k", with the total hidden', () => {
    const base = { k, published: 100, classes: 3, smallestClass: 20, maxSuppressedShare: 0.05, generalised: [] };
    const few = publishKReport({ ...base, records: 104, suppressed: 4 });
    assert.deepEqual([few.records, few.suppressed, few.suppressedUnderK], [null, null, true]);
    const many = publishKReport({ ...base, records: 130, suppressed: 30 });
    assert.deepEqual([many.records, many.suppressed, many.suppressedUnderK], [130, 30, false]);
    const zero = publishKReport({ ...base, records: 100, suppressed: 0 });
    assert.deepEqual([zero.records, zero.suppressed], [100, 0]);
  });
});
