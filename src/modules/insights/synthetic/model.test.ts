import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CtdcRow, ctdcColumns, flagColumns, relationColumns, toCtdcRow } from '../ctdc/columns';
import { generateFacts, prng } from '../generate';
import { attributes, fit, sample } from './model';
import { checkEpsilon } from './service';
import { distance, noiseStdDev, noisyShares, shares, utility } from './utility';

const real = generateFacts(3000, 21).map(toCtdcRow);
const attrs = attributes({ home: 'EC', fromYear: 2007, toYear: 2026 });

/** Average distance of the synthetic shares from the real ones (a test's measure: the report never sees real data). */
const realDistance = (rows: CtdcRow[]) =>
  attrs.reduce((s, a) => s + distance(shares(real, a), shares(rows, a)).tvd, 0) / attrs.length;

/** Average total variation distance over all attributes, averaged over `runs` seeded releases. */
function averageError(epsilon: number, runs = 4): number {
  let sum = 0;
  for (let seed = 1; seed <= runs; seed++) {
    const rng = prng(1000 * seed + Math.round(epsilon * 10));
    const rows = sample(fit(real, epsilon, attrs, rng), rng);
    sum += realDistance(rows);
  }
  return sum / runs;
}

describe('differentially private synthetic data', () => {
  it('is closer to the real data the larger epsilon is', () => {
    const errors = [0.1, 1, 10].map((e) => averageError(e));
    assert.ok(errors[0]! > errors[1]! && errors[1]! > errors[2]!, `errors ${errors.join(', ')}`);
    assert.ok(errors[2]! < 0.03, `at epsilon 10 the average distance is small (${errors[2]})`);
  });

  it('writes every CTDC column with valid values and exactly one recruiter relation', () => {
    const rng = prng(5);
    const rows = sample(fit(real, 1, attrs, rng), rng);
    assert.ok(rows.length > 2500 && rows.length < 3500, `${rows.length} rows`);
    for (const r of rows) {
      assert.deepEqual(Object.keys(r), ctdcColumns);
      for (const c of flagColumns) assert.ok(r[c] === 0 || r[c] === 1, `${c}=${r[c]}`);
      assert.equal(relationColumns.filter((c) => r[c] === 1).length, 1);
      assert.ok(['Adult', 'Minor'].includes(String(r.majorityStatus)));
      assert.ok(
        r.yearOfRegistration === '' || (Number(r.yearOfRegistration) >= 2007 && Number(r.yearOfRegistration) <= 2026),
      );
    }
  });

  it('spends epsilon evenly over its releases, which are fixed by the model and not by the data', () => {
    const m = fit(real, 2, attrs, prng(1));
    const empty = fit([], 2, attrs, prng(1));
    assert.deepEqual(m.budget.tables, empty.budget.tables);
    assert.equal(m.budget.releases, m.budget.tables.length);
    assert.equal(m.budget.releases, attrs.length);
    assert.ok(Math.abs(m.budget.epsilonPerRelease * m.budget.releases - 2) < 1e-9);
    assert.equal(m.budget.tables[0], 'total');
    assert.equal(m.budget.tables[1], 'ageBroad×gender');
  });

  it('gives the noisy total as the number of records, near the real one at a large epsilon', () => {
    const rng = prng(8);
    const rows = sample(fit(real, 10, attrs, rng), rng);
    assert.ok(Math.abs(rows.length - 3000) < 60, `${rows.length}`);
  });

  it('reports utility against the noisy tables of the release, never against the real data', () => {
    const rng = prng(2);
    const model = fit(real, 1, attrs, rng);
    const rows = sample(model, rng);
    const u = utility(model, rows);
    assert.equal(u.comparedWith, 'noisy-tables');
    assert.equal(u.attributes.length, attrs.length);
    for (const a of u.attributes) {
      assert.ok(a.tvd >= 0 && a.tvd <= 1 && a.maxShareDiff <= a.tvd * 2 + 0.01);
      assert.equal(Math.round(a.tvd * 100) / 100, a.tvd);
    }
    // Drawing 3,000 records from the tables reproduces their shares closely.
    assert.ok(u.averageTvd <= 0.03, `average ${u.averageTvd}`);
    // Noise per count from epsilon alone: 46 tables at epsilon 1 is about 65 people per count.
    assert.equal(u.noiseStdDev, Math.round(noiseStdDev(1 / attrs.length) * 10) / 10);
    assert.ok(u.noiseStdDev > 60 && u.noiseStdDev < 70, `${u.noiseStdDev}`);
    // Each figure is the distance between the tables' shares and the records' shares, both covered by epsilon.
    const sexual = attrs.find((a) => a.name === 'isSexualExploit')!;
    const shown = u.attributes.find((a) => a.column === 'isSexualExploit')!;
    assert.equal(shown.tvd, Math.round(distance(noisyShares(model, sexual), shares(rows, sexual)).tvd * 100) / 100);
  });

  it('refuses an epsilon outside 0.1 to 10', () => {
    for (const bad of [0, 0.05, 10.5, Number.NaN, -1, Number.POSITIVE_INFINITY])
      assert.throws(() => checkEpsilon(bad), { code: 'epsilon_out_of_range' });
    for (const ok of [0.1, 1, 10]) checkEpsilon(ok);
  });
});
