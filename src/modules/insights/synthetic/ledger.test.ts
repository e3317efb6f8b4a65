import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { periodOf, spentWithin, toMicro } from './ledger';

const entry = (path: string, epsilon: number) => ({ path: path.split('/'), micro: toMicro(epsilon) });

describe('epsilon ledger', () => {
  it('charges a person every release of their canton, province and country', () => {
    const entries = [entry('EC', 1), entry('EC/06', 2), entry('EC/06/0603', 0.5), entry('EC/01/0101', 4)];
    // Colta: the country, the province and the canton.
    assert.equal(spentWithin(entries, ['EC', '06', '0603']), toMicro(3.5));
    // Guamote (no release of its own): the country and the province.
    assert.equal(spentWithin(entries, ['EC', '06', '0605']), toMicro(3));
    // The province: above it and itself, plus its heaviest canton below.
    assert.equal(spentWithin(entries, ['EC', '06']), toMicro(3.5));
    // The country: its own release plus the heaviest path below (Cuenca 4 against Chimborazo 2.5).
    assert.equal(spentWithin(entries, ['EC']), toMicro(5));
    assert.equal(spentWithin([], ['EC']), 0);
    // Another country's releases are not on any path of this one.
    assert.equal(spentWithin([entry('PE/15', 9)], ['EC', '06']), 0);
  });

  it('adds epsilons exactly and counts them per calendar year', () => {
    const tenths = Array.from({ length: 100 }, () => entry('EC/06/0603', 0.1));
    assert.equal(spentWithin(tenths, ['EC', '06', '0603']), toMicro(10));
    assert.equal(periodOf(new Date('2026-12-31T23:59:59Z')), '2026');
    assert.equal(periodOf(new Date('2027-01-01T00:00:00Z')), '2027');
  });
});
