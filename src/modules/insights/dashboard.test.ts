import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cube } from './cube';
import { buildDashboard, type Dashboard, type DashboardQuery } from './dashboard';
import type { Fact } from './facts';
import { generateFacts, prng } from './generate';
import { releaseValues } from './release';

// Property: over every filter combination (division × year × minor) of generated datasets, each number a
// researcher or donor receives is at least k or suppressed, and no two published numbers whose populations are
// nested (as the filters and categories say) differ by 1 to k-1 people, so no pair of responses can be
// subtracted to recover a suppressed cell. Partitions keep a hidden mass of 0 or at least k.

interface Published {
  node: string;
  year: number;
  minor: number;
  key: string;
  value: number;
  response: string;
}
const minorBand = (key: string) => key === 'ageBand:0--8' || key === 'ageBand:9--17';

function collect(d: Dashboard, q: DashboardQuery, out: Published[], k: number) {
  const response = JSON.stringify(q);
  const node = q.division ?? '';
  const year = q.year ?? 0;
  const minor = q.minor === null ? 0 : q.minor ? 1 : 2;
  const push = (n: string, y: number, m: number, key: string, c: { value: number | null; suppressed: boolean }) => {
    if (c.suppressed) {
      assert.equal(c.value, null, 'a suppressed cell carries no value');
      return;
    }
    assert.ok(c.value !== null && c.value >= k, `${response} ${key}: published ${c.value} < k=${k}`);
    out.push({ node: n, year: y, minor: m, key, value: c.value, response });
  };
  push(node, year, minor, 'total', d.total);
  for (const p of d.series.points)
    if (d.series.unit === 'year') push(node, Number(p.period), minor, 'total', p);
    else push(node, year, minor, `month:${p.period}`, p);
  for (const b of d.breakdowns) for (const c of b.cells) push(node, year, minor, `${b.dimension}:${c.key}`, c);
  for (const a of d.map.areas) push(a.code, year, minor, 'total', a);
  for (const r of d.routes) push(node, year, minor, `route:${r.from}>${r.to}`, r);
  // Protection and justice: all-years cells under the event's year.
  for (const r of d.protection.rows) for (const c of r.cells) push(node, 0, minor, `protection:${r.year}:${c.kind}`, c);
}

const ancestorOrSelf = (a: string, b: string) => a === '' || b.startsWith(a);
/** X's population contains Y's, as far as anyone reading the filters and categories can tell. */
function contains(x: Published, y: Published): boolean {
  const yMinor = y.minor || (minorBand(y.key) ? 1 : 0);
  return (
    ancestorOrSelf(x.node, y.node) &&
    (x.year === 0 || x.year === y.year) &&
    (x.minor === 0 || x.minor === yMinor) &&
    (x.key === 'total' || x.key === y.key)
  );
}

function check(facts: Fact[], k: number) {
  const cube = new Cube(facts);
  const provinces = [...new Set(facts.map((f) => f.province!))];
  const cantons = [...new Set(facts.map((f) => f.canton!))];
  const years = [null, ...new Set(facts.map((f) => f.year))];
  // What protected viewers receive: the values of a release (the first one, so the values are the counts).
  const { published: values } = releaseValues(cube, k);
  const published: Published[] = [];
  let suppressed = 0;
  for (const division of [null, ...provinces, ...cantons])
    for (const year of years)
      for (const minor of [null, true, false]) {
        const q = { country: 'EC', division, year, minor };
        const areas = cantons.filter((c) => !division || c.startsWith(division));
        const d = buildDashboard(cube, q, { k, exact: false, labels: new Map(), areas, published: values });
        collect(d, q, published, k);
        suppressed += JSON.stringify(d).split('"suppressed":true').length - 1;
        // Complementary suppression: what a shown total leaves after the shown cells is 0 or at least k.
        for (const b of d.breakdowns.filter((x) => !x.multi))
          if (!d.total.suppressed) {
            const shown = b.cells.reduce((s, c) => s + (c.value ?? 0), 0);
            const rest = d.total.value! - shown;
            assert.ok(rest === 0 || rest >= k, `${JSON.stringify(q)} ${b.dimension}: total leaves ${rest}`);
          }
      }
  // Index by key so that only comparable numbers are paired.
  const byKey = new Map<string, Published[]>();
  for (const p of published) byKey.set(p.key, [...(byKey.get(p.key) ?? []), p]);
  let pairs = 0;
  for (const y of published)
    for (const x of [...(byKey.get(y.key) ?? []), ...(y.key === 'total' ? [] : (byKey.get('total') ?? []))]) {
      if (x === y || !contains(x, y)) continue;
      pairs++;
      const d = x.value - y.value;
      assert.ok(d === 0 || d >= k, `difference ${d} between ${JSON.stringify(x)} and ${JSON.stringify(y)}`);
    }
  const recovered = peel(facts, cube, published, k);
  return { published: published.length, suppressed, pairs, recovered };
}

/**
 * The attack of an independent review: collect every published number, then repeatedly solve each additive
 * relation (a division = its child divisions, all years = each year, everyone = minors + adults, the total = the
 * values of a single-valued breakdown, a year = its months) that has a single unknown, assuming nobody sits
 * outside the parts. Returns how many hidden cells of 1..k-1 people it pinned exactly (must be none).
 */
function peel(facts: Fact[], cube: Cube, published: Published[], k: number): number {
  const id = (n: string, y: number, m: number, key: string) => `${n}|${y}|${m}|${key}`;
  const known = new Map(published.map((p) => [id(p.node, p.year, p.minor, p.key), p.value]));
  const truth = (n: string, y: number, m: number, key: string) =>
    cube.count({ node: cube.nodeOf('EC', n || null) ?? -1, year: y, minor: m as 0 | 1 | 2 }, key);
  const provinces = [...new Set(facts.map((f) => f.province!))];
  const children = new Map<string, string[]>([['', provinces]]);
  for (const f of facts) children.set(f.province!, [...new Set([...(children.get(f.province!) ?? []), f.canton!])]);
  const years = [...new Set(facts.map((f) => f.year))];
  const keys = [...cube.keys.keys()];
  const single = ['relation', 'ageBand', 'gender', 'ethnicity', 'citizenship'].map((d) =>
    keys.filter((key) => key.startsWith(`${d}:`)),
  );
  const relations: [string, string[]][] = [];
  for (const n of ['', ...provinces, ...facts.map((f) => f.canton!)])
    for (const y of [0, ...years])
      for (const m of [0, 1, 2]) {
        for (const key of keys) {
          if (children.has(n)) relations.push([id(n, y, m, key), children.get(n)!.map((c) => id(c, y, m, key))]);
          if (y === 0) relations.push([id(n, 0, m, key), years.map((yy) => id(n, yy, m, key))]);
          if (m === 0) relations.push([id(n, y, 0, key), [id(n, y, 1, key), id(n, y, 2, key)]]);
        }
        for (const group of single) relations.push([id(n, y, m, 'total'), group.map((key) => id(n, y, m, key))]);
        if (y > 0)
          relations.push([
            id(n, y, m, 'total'),
            keys.filter((key) => key.startsWith(`month:${y}-`)).map((key) => id(n, y, m, key)),
          ]);
      }
  let pinned = 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (const [parent, parts] of relations) {
      const unknown = [parent, ...parts].filter((c) => !known.has(c));
      if (unknown.length !== 1) continue;
      const u = unknown[0]!;
      const sum = parts.reduce((s, c) => s + (known.get(c) ?? 0), 0);
      const value = u === parent ? sum : known.get(parent)! - sum;
      known.set(u, value);
      changed = true;
      const [n = '', y = '0', m = '0', ...key] = u.split('|');
      const t = truth(n, Number(y), Number(m), key.join('|'));
      if (t > 0 && t < k && t === value) pinned++;
    }
  }
  return pinned;
}

describe('dashboard disclosure control (property)', () => {
  it('never publishes fewer than k people, nor two nested numbers that differ by 1..k-1', () => {
    const r = prng(2026);
    let totals = { published: 0, suppressed: 0, pairs: 0, recovered: 0 };
    for (let round = 0; round < 4; round++) {
      const n = 200 + Math.floor(r() * 2500);
      const k = [5, 11, 11, 20][Math.floor(r() * 4)]!;
      const facts = generateFacts(n, 1000 + round, 2023 + Math.floor(r() * 3), 2026);
      const got = check(facts, k);
      totals = {
        published: totals.published + got.published,
        suppressed: totals.suppressed + got.suppressed,
        pairs: totals.pairs + got.pairs,
        recovered: totals.recovered + got.recovered,
      };
    }
    // The property is not vacuous: many numbers are published, many suppressed, many pairs compared.
    assert.ok(totals.published > 5000, JSON.stringify(totals));
    assert.ok(totals.suppressed > 5000, JSON.stringify(totals));
    assert.ok(totals.pairs > 50_000, JSON.stringify(totals));
    assert.equal(totals.recovered, 0, 'no hidden cell of 1..k-1 people is pinned by solving the additive relations');
  });

  it('shows exact counts, zeros included, when the viewer may see them', () => {
    const facts = generateFacts(300, 5);
    const cube = new Cube(facts);
    const d = buildDashboard(
      cube,
      { country: 'EC', division: '06', year: null, minor: null },
      { k: 11, exact: true, labels: new Map(), areas: ['0603', '0606'] },
    );
    const inChimborazo = facts.filter((f) => f.province === '06');
    assert.equal(d.total.value, inChimborazo.length);
    assert.equal(
      d.map.areas.find((a) => a.code === '0603')?.value,
      inChimborazo.filter((f) => f.canton === '0603').length,
    );
    const begging = d.breakdowns
      .find((b) => b.dimension === 'exploitation')!
      .cells.find((c) => c.key === 'ForcedBegging');
    assert.equal(begging?.value, inChimborazo.filter((f) => f.exploitation.includes('ForcedBegging')).length);
  });

  it('suppresses a lone small group and the cell that would give it back', () => {
    const base = generateFacts(60, 9).map((f) => ({ ...f, province: '06', canton: '0606', gender: 'Feminine' }));
    // 40 women and 3 people of unspecified gender in Guamote: a category of 3 in the whole country is not even
    // listed, and the women are suppressed too, otherwise 43 minus 40 would give the 3 back.
    const facts = [
      ...base.slice(0, 40),
      ...base.slice(40, 43).map((f) => ({ ...f, gender: 'NonSpecifiedUnknown' })),
      ...base.slice(43).map((f) => ({ ...f, canton: '0603', gender: 'Masculine' })),
    ];
    const d = buildDashboard(
      new Cube(facts),
      { country: 'EC', division: '0606', year: null, minor: null },
      {
        k: 11,
        exact: false,
        labels: new Map(),
        areas: ['0606'],
        published: releaseValues(new Cube(facts), 11).published,
      },
    );
    const gender = d.breakdowns.find((b) => b.dimension === 'gender')!.cells;
    assert.deepEqual(
      gender.map((c) => [c.key, c.value]),
      [
        ['Feminine', null],
        ['Masculine', null],
      ],
    );
  });
});
