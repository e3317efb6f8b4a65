import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ctdcColumns, flagColumns, relationColumns, toCtdcRow } from '../ctdc/columns';
import { generateFacts, prng } from '../generate';
import { attributes, fit, sample } from './model';
import { checkEpsilon } from './service';
import { utility } from './utility';

const real = generateFacts(3000, 21).map(toCtdcRow);
const attrs = attributes({ home: 'EC', fromYear: 2007, toYear: 2026 });

/** Average total variation distance over all attributes, averaged over `runs` seeded releases. */
function averageError(epsilon: number, runs = 4): number {
  let sum = 0;
  for (let seed = 1; seed <= runs; seed++) {
    const rng = prng(1000 * seed + Math.round(epsilon * 10));
    const rows = sample(fit(real, epsilon, attrs, rng), rng);
    sum += utility(real, rows, attrs, { rounded: false }).averageTvd;
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

  it('publishes distances of shares only, rounded to hundredths', () => {
    const rng = prng(2);
    const u = utility(real, sample(fit(real, 1, attrs, rng), rng), attrs);
    assert.equal(u.attributes.length, attrs.length);
    for (const a of u.attributes) {
      assert.ok(a.tvd >= 0 && a.tvd <= 1 && a.maxShareDiff <= a.tvd * 2 + 0.01);
      assert.equal(Math.round(a.tvd * 100) / 100, a.tvd);
    }
    assert.deepEqual(
      utility(real, real, attrs).attributes.map((a) => a.tvd),
      attrs.map(() => 0),
    );
  });

  it('refuses an epsilon outside 0.1 to 10', () => {
    for (const bad of [0, 0.05, 10.5, Number.NaN, -1, Number.POSITIVE_INFINITY])
      assert.throws(() => checkEpsilon(bad), { code: 'epsilon_out_of_range' });
    for (const ok of [0.1, 1, 10]) checkEpsilon(ok);
  });
});
