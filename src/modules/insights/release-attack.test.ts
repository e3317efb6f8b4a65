// The attacks of `npm run bench disclosure` as a test, on a smaller population: 24 monthly releases of the product's
// design (chained, frozen, audited: release-audit.ts) pin no hidden cell of 1..k-1 people, by peeling or by exact
// linear algebra; the same attacks do pin cells in unchained releases and in chained ones without the audit, so the
// test can fail.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { peelAttack, steps } from './attack';
import { rankAttack } from './attack-rank';
import { generateFacts } from './generate';
import { releasePeriods, releaseSeries, truthError } from './release-series';

const k = 11;
// 400 people registered in 2025-2026 in Chimborazo (one province, its cantons): small cells are common.
const facts = generateFacts(700, 5, 2025, 2026).filter((f) => f.province === '06');
const periods = releasePeriods('2025-03', 24, 1);

describe('releases combined: the attacks as a test', () => {
  it('pins no hidden cell of 1..k-1 people across 24 monthly releases of the audited design', () => {
    const releases = releaseSeries(facts, 'audited', periods, k);
    const s = steps(releases);
    const peel = peelAttack(s, k, true, true);
    const rank = rankAttack(s, k, true);
    assert.equal(peel.pinnedCellReleases, 0, peel.examples.join(', '));
    assert.equal(rank.pinnedCellReleases, 0, rank.examples.join(', '));
    // Not vacuous: figures are published and move, and every shown figure is within k-1 of the truth.
    const error = truthError(releases);
    assert.ok(error.figuresShown > 1000, JSON.stringify(error));
    assert.ok(error.maxDeviation <= k - 1, JSON.stringify(error));
  });

  it('control: the same attacks pin cells across unchained releases, and the rank attack across chained ones', () => {
    const unchained = steps(releaseSeries(facts, 'unchained', periods, k));
    assert.ok(peelAttack(unchained, k, false, true).pinnedCellReleases > 0);
    assert.ok(rankAttack(unchained, k, false).pinnedCellReleases > 0);
    const chained = steps(releaseSeries(facts, 'chained', periods, k));
    assert.ok(rankAttack(chained, k, true).pinnedCellReleases > 0);
  });
});
