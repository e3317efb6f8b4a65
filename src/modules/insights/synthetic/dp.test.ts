import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prng } from '../generate';
import { cryptoRng, discreteLaplace, noisyTable, sampler, towardsTotal } from './dp';

describe('differential-privacy building blocks', () => {
  it('draws uniform numbers in [0, 1) from node:crypto', () => {
    const rng = cryptoRng();
    const xs = Array.from({ length: 20000 }, rng);
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    assert.ok(Math.abs(mean - 0.5) < 0.02, `mean ${mean}`);
    assert.ok(new Set(xs).size > 19990);
  });

  it('adds discrete Laplace noise with mean 0 and the variance of its epsilon', () => {
    for (const epsilon of [0.5, 2]) {
      const rng = prng(7);
      const xs = Array.from({ length: 40000 }, () => discreteLaplace(epsilon, rng));
      assert.ok(xs.every(Number.isInteger));
      const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
      const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
      const a = Math.exp(-epsilon);
      const expected = (2 * a) / (1 - a) ** 2;
      assert.ok(Math.abs(mean) < 0.1, `mean ${mean}`);
      assert.ok(Math.abs(variance / expected - 1) < 0.08, `variance ${variance} vs ${expected}`);
    }
  });

  it('post-processes a noisy table: no negatives, and empty sparse cells do not become people', () => {
    const cells = Array.from({ length: 600 }, (_, i) => `c${i}`);
    const counts = new Map([
      ['c0', 500],
      ['c1', 3],
    ]);
    for (let seed = 1; seed <= 5; seed++) {
      const out = noisyTable(counts, cells, 0.5, prng(seed), (c) => c !== 'c0');
      assert.ok([...out.values()].every((v) => v >= 0));
      assert.ok(Math.abs(out.get('c0')! - 500) < 40);
      const invented = cells.slice(2).filter((c) => out.get(c)! > 0);
      assert.deepEqual(invented, [], `seed ${seed}`);
    }
    const dense = noisyTable(new Map(), cells, 0.5, prng(3));
    assert.ok(
      [...dense.values()].some((v) => v > 0),
      'dense cells are only clamped, so noise can show',
    );
  });

  it('samples in proportion to the weights and never a zero weight', () => {
    const rng = prng(9);
    const draw = sampler(
      new Map([
        ['a', 1],
        ['b', 0],
        ['c', 3],
      ]),
      rng,
    );
    const n = { a: 0, b: 0, c: 0 } as Record<string, number>;
    for (let i = 0; i < 8000; i++) n[draw()!]!++;
    assert.equal(n.b, 0);
    assert.ok(Math.abs(n.c! / 8000 - 0.75) < 0.02);
    assert.equal(sampler(new Map([['x', 0]]), rng)(), null);
  });

  it('lowers a table evenly towards the noisy total, small noise cells first', () => {
    const table = new Map([
      ['real', 100],
      ['also', 40],
      ['noise1', 6],
      ['noise2', 4],
      ['zero', 0],
    ]);
    const out = towardsTotal(table, 130);
    const total = [...out.values()].reduce((s, v) => s + v, 0);
    assert.ok(Math.abs(total - 130) < 1e-9, `sums to ${total}`);
    // One shift of 16/3 for every cell left above 0: the smallest noise cell vanishes, the other shrinks to 2/3.
    const shift = 16 / 3;
    const expected = [100 - shift, 40 - shift, 6 - shift, 0, 0];
    for (const [i, v] of [...out.values()].entries()) assert.ok(Math.abs(v - expected[i]!) < 1e-9, `${i}: ${v}`);
    assert.equal(towardsTotal(table, 500), table, 'a table under the total is left alone');
  });
});
