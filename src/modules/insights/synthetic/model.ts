// The synthetic model: noisy marginals and a small graphical model (a tree), and the sampler. The released data
// are fitted by released.ts from the published figures of a release (issue 21); `fit` below, from CTDC rows, is the
// original differentially private fit, kept for its tests and as the reference of the model's shape:
// the joint of ageBroad × gender at the root, majorityStatus given ageBroad, citizenship and country of
// exploitation on their own, every other attribute given majorityStatus, and the types of labour and of sexual
// exploitation given isForcedLabour / isSexualExploit.
// Budget accounting (sequential composition): the total count, the root table and each other table are one
// release each; each gets epsilon / M, where M is the number of releases. A person adds 1 to one cell of each
// table (sensitivity 1 per table), so the whole release is epsilon-differentially private. Domains are fixed in
// advance (never read from the data): countries are every two-letter code, years a fixed window. Clamping,
// thresholds and the shift towards the noisy total are post-processing and cost no privacy.
import {
  type CtdcRow,
  controlColumns,
  ctdcColumns,
  labourColumns,
  monthBands,
  relationColumns,
  sexColumns,
} from '../ctdc/columns';
import { ageBands } from '../facts';
import { noisyTable, type Rng, sampler, towardsTotal } from './dp';

export interface Attribute {
  name: string;
  domain: string[];
  /** The attribute it is drawn given; null for the root pair and for attributes drawn on their own. */
  parent: string | null;
  sparse?: (v: string) => boolean;
}

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const countries = ['', ...[...letters].flatMap((a) => [...letters].map((b) => a + b))];
const flag = ['0', '1'];
const relationValues = relationColumns.map((c) => c.slice('recruiterRelation'.length));

/** The model's attributes in sampling order (parents first); the first two form the root table. */
export function attributes(opts: { home: string; fromYear: number; toYear: number }): Attribute[] {
  const years = Array.from({ length: opts.toYear - opts.fromYear + 1 }, (_, i) => String(opts.fromYear + i));
  const foreign = (v: string) => v !== '' && v !== opts.home;
  const given = (parent: string, names: string[], domain = flag) => names.map((name) => ({ name, domain, parent }));
  return [
    { name: 'ageBroad', domain: ['', ...ageBands], parent: null },
    { name: 'gender', domain: ['', 'Female', 'Male', 'Trans/NonConforming'], parent: null },
    { name: 'majorityStatus', domain: ['Adult', 'Minor'], parent: 'ageBroad' },
    { name: 'yearOfRegistration', domain: ['', ...years], parent: 'majorityStatus' },
    // Large open domains stand alone, so their counts are not split and survive the threshold more often.
    { name: 'citizenship', domain: countries, parent: null, sparse: foreign },
    { name: 'CountryOfExploitation', domain: countries, parent: null, sparse: foreign },
    { name: 'traffickMonths', domain: ['', ...monthBands], parent: 'majorityStatus' },
    ...given('majorityStatus', ['isForcedLabour', 'isSexualExploit', 'isOtherExploit', ...controlColumns]),
    { name: 'recruiterRelation', domain: relationValues, parent: 'majorityStatus' },
    ...given('isForcedLabour', labourColumns),
    ...given('isSexualExploit', sexColumns),
  ];
}

/** The model's value of an attribute in a CTDC row (recruiterRelation is one attribute for five flags). */
export function attributeValue(row: CtdcRow, name: string): string {
  if (name === 'recruiterRelation') {
    const on = relationColumns.find((c) => row[c] === 1);
    return on ? on.slice('recruiterRelation'.length) : 'Unknown';
  }
  return String(row[name] ?? '');
}

/** Separates the parent's value from the child's in a table cell key. */
export const SEP = '\u0001';
type Table = Map<string, number>;

export interface Budget {
  epsilon: number;
  releases: number;
  epsilonPerRelease: number;
  mechanism: string;
  tables: string[];
}

export interface Model {
  attrs: Attribute[];
  total: number;
  root: Table;
  conditionals: Map<string, Table>;
  budget: Budget;
}

function count(rows: CtdcRow[], key: (r: CtdcRow) => string): Map<string, number> {
  const n = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    n.set(k, (n.get(k) ?? 0) + 1);
  }
  return n;
}

/** Releases the noisy tables of `rows` under `epsilon` in total. */
export function fit(rows: CtdcRow[], epsilon: number, attrs: Attribute[], rng: Rng): Model {
  const [a, b] = attrs as [Attribute, Attribute];
  const children = attrs.slice(2);
  const releases = 2 + children.length;
  const e = epsilon / releases;
  const byName = new Map(attrs.map((x) => [x.name, x]));
  const totalNoisy = noisyTable(new Map([['n', rows.length]]), ['n'], e, rng).get('n')!;
  const rootCells = a.domain.flatMap((x) => b.domain.map((y) => x + SEP + y));
  const root = towardsTotal(
    noisyTable(
      count(rows, (r) => attributeValue(r, a.name) + SEP + attributeValue(r, b.name)),
      rootCells,
      e,
      rng,
    ),
    totalNoisy,
  );
  const conditionals = new Map<string, Table>();
  for (const c of children) {
    const parentDomain = c.parent ? byName.get(c.parent)!.domain : [''];
    const cells = parentDomain.flatMap((p) => c.domain.map((v) => p + SEP + v));
    const sparse = c.sparse ? (cell: string) => c.sparse!(cell.split(SEP)[1]!) : undefined;
    conditionals.set(
      c.name,
      towardsTotal(
        noisyTable(
          count(rows, (r) => (c.parent ? attributeValue(r, c.parent) : '') + SEP + attributeValue(r, c.name)),
          cells,
          e,
          rng,
          sparse,
        ),
        totalNoisy,
      ),
    );
  }
  return {
    attrs,
    total: totalNoisy,
    root,
    conditionals,
    budget: {
      epsilon,
      releases,
      epsilonPerRelease: e,
      mechanism: 'discrete Laplace (two-sided geometric), sensitivity 1 per table',
      tables: ['total', `${a.name}×${b.name}`, ...children.map((c) => (c.parent ? `${c.name}|${c.parent}` : c.name))],
    },
  };
}

/** `model.total` synthetic rows drawn from the model: every column of the CTDC export, in its order. */
export function sample(model: Model, rng: Rng, limit = 1_000_000): CtdcRow[] {
  const [a, b] = model.attrs as [Attribute, Attribute];
  const root = sampler(model.root, rng);
  const draws = new Map<string, () => string>();
  const conditional = (c: Attribute, parentValue: string) => {
    const key = c.name + SEP + parentValue;
    let d = draws.get(key);
    if (!d) {
      const table = model.conditionals.get(c.name)!;
      const row = new Map(c.domain.map((v) => [v, table.get(parentValue + SEP + v) ?? 0]));
      const any = new Map(c.domain.map((v) => [v, 0]));
      for (const [cell, n] of table) {
        const v = cell.split(SEP)[1]!;
        any.set(v, any.get(v)! + n);
      }
      // An empty row (its parent value was never seen) falls back to the child's own margin, then to domain[0].
      const first = sampler(row, rng);
      const second = sampler(any, rng);
      d = () => first() ?? second() ?? c.domain[0]!;
      draws.set(key, d);
    }
    return d();
  };
  const n = Math.min(limit, Math.max(0, model.total));
  const out: CtdcRow[] = [];
  for (let i = 0; i < n; i++) {
    const values = new Map<string, string>();
    const [x, y] = (root() ?? `${a.domain[0]}${SEP}${b.domain[0]}`).split(SEP) as [string, string];
    values.set(a.name, x);
    values.set(b.name, y);
    for (const c of model.attrs.slice(2)) values.set(c.name, conditional(c, c.parent ? values.get(c.parent)! : ''));
    out.push(toRow(values));
  }
  return out;
}

const numeric = new Set([...ctdcColumns.slice(7), 'yearOfRegistration']);

function toRow(values: Map<string, string>): CtdcRow {
  const relation = `recruiterRelation${values.get('recruiterRelation')}`;
  const row: CtdcRow = {};
  for (const c of ctdcColumns) {
    if (c.startsWith('recruiterRelation')) row[c] = c === relation ? 1 : 0;
    else {
      const v = values.get(c) ?? '';
      row[c] = numeric.has(c) && v !== '' ? Number(v) : v;
    }
  }
  return row;
}
