import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { protectCount, protectGroup } from './disclosure';

describe('disclosure control', () => {
  it('suppresses counts from 1 to k-1 and shows 0 and k or more', () => {
    assert.deepEqual(protectCount(0, 11), { value: 0, suppressed: false });
    assert.deepEqual(protectCount(1, 11), { value: null, suppressed: true });
    assert.deepEqual(protectCount(10, 11), { value: null, suppressed: true });
    assert.deepEqual(protectCount(11, 11), { value: 11, suppressed: false });
  });

  it('never lets a suppressed cell be recovered from the total (random groups)', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 2000; round++) {
      const k = 2 + rnd(15);
      const cells = Array.from({ length: 1 + rnd(6) }, () => (rnd(3) === 0 ? rnd(k) : rnd(4 * k)));
      const total = cells.reduce((a, b) => a + b, 0);
      const p = protectGroup(cells, total, k);
      for (const c of [...p.cells, p.total])
        if (!c.suppressed) assert.ok(c.value === 0 || (c.value ?? 0) >= k, `shown ${c.value} < k=${k}`);
      const hidden = p.cells.filter((c) => c.suppressed).length;
      // With the total shown, one hidden cell would equal total minus the others.
      if (!p.total.suppressed) {
        assert.notEqual(hidden, 1, JSON.stringify({ cells, k, p }));
        // A hidden zero would hide nothing: the other hidden cell would equal what the total leaves.
        p.cells.forEach((c, i) => {
          if (c.suppressed) assert.ok(cells[i]! > 0, JSON.stringify({ cells, k, p }));
        });
      }
      p.cells.forEach((c, i) => {
        if (!c.suppressed) assert.equal(c.value, cells[i]);
      });
    }
  });

  it('hides the whole group when the total itself is small', () => {
    const p = protectGroup([3, 4], 7, 11);
    assert.ok(p.total.suppressed);
    assert.ok(p.cells.every((c) => c.suppressed));
  });
});
