// The rank attack's solver: what it determines, solved at once or grown a few equations at a time, and taken back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ModSystem } from './mod-system';

type Eq = [Map<number, number>, number];
const eq = (terms: [number, number][], constant: number): Eq => [new Map(terms), constant];

/** A random sparse system with a known integer solution, some unknowns tied by equations and some left free. */
function randomSystem(seed: number, unknowns: number, equations: number): Eq[] {
  let a = seed;
  const rnd = (n: number) => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return (a >>> 8) % n;
  };
  const truth = Array.from({ length: unknowns }, () => rnd(50));
  return Array.from({ length: equations }, () => {
    const terms = new Map<number, number>();
    for (let j = 1 + rnd(4); j > 0; j--) terms.set(rnd(unknowns), rnd(2) ? 1 : -1);
    let c = 0;
    for (const [v, coef] of terms) c += coef * truth[v]!;
    return [terms, c] as Eq;
  });
}

const solved = (n: number, chunks: Eq[][]) => {
  const s = new ModSystem();
  s.grow(n);
  for (const chunk of chunks) {
    for (const [t, c] of chunk) s.add(t, c);
    s.solve();
  }
  return s;
};

describe('the modular solver of the rank attack', () => {
  it('determines exactly the unknowns the equations fix', () => {
    // x0 + x1 = 3 and x0 - x1 = 1 fix both; x2 + x3 = 5 fixes neither.
    const s = solved(4, [
      [
        eq(
          [
            [0, 1],
            [1, 1],
          ],
          3,
        ),
        eq(
          [
            [0, 1],
            [1, -1],
          ],
          1,
        ),
        eq(
          [
            [2, 1],
            [3, 1],
          ],
          5,
        ),
      ],
    ]);
    assert.deepEqual([...s.determined()].sort(), [
      [0, 2],
      [1, 1],
    ]);
  });

  it('grown a few equations at a time, determines what it determines solved at once', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const system = randomSystem(seed, 300, 260);
      const once = solved(300, [system]);
      const chunks: Eq[][] = [];
      for (let i = 0; i < system.length; i += 37) chunks.push(system.slice(i, i + 37));
      const grown = solved(300, chunks);
      const d = once.determined();
      assert.ok(d.size > 20 && d.size < 300, `seed ${seed}: ${d.size} determined`);
      assert.deepEqual([...grown.determined()].sort(), [...d].sort(), `seed ${seed}`);
    }
  });

  it('forgets what was added since a mark, unknowns included', () => {
    const system = randomSystem(7, 200, 150);
    const before = solved(200, [system.slice(0, 100)]);
    const expected = [...before.determined()].sort();
    const mark = before.mark();
    before.grow(260);
    for (const [t, c] of [...system.slice(100), ...randomSystem(8, 260, 120)]) before.add(t, c);
    before.solve();
    assert.notDeepEqual([...before.determined()].sort(), expected);
    before.undo(mark);
    assert.equal(before.unknowns, 200);
    assert.deepEqual([...before.determined()].sort(), expected);
    // And it grows on as if nothing had been tried.
    for (const [t, c] of system.slice(100)) before.add(t, c);
    before.solve();
    assert.deepEqual([...before.determined()].sort(), [...solved(200, [system]).determined()].sort());
  });
});
