// Synthetic CTDC records drawn only from the released, protected figures (issue 21): the tables of the model are
// read from the published values of the current release (release.ts: suppressed cells hidden, closed periods
// frozen), never from the case records or the release's true counts. A hidden cell reads as 0, whatever its count,
// so nothing a release hides can reach the synthetic records: they follow from figures already published, and the
// attacks on the releases (peeling, rank, file difference) cover them.
// The release has one-way tables by majority status (minor or adult), so the model is a tree rooted at majority
// status × age band, every other column drawn given majority status, types of labour and of sexual exploitation
// given isForcedLabour / isSexualExploit. Multi-valued facts (forms of exploitation, means of control, industries)
// become each column's share of the people (capped at all of them); traffickMonths is not released, so it stays
// empty. Then, as before, every table gets discrete Laplace noise under the epsilon chosen (ε split over the tables)
// and is lowered towards the noisy total; the epsilon ledger still charges it.
import { controlColumns, ctdcGender, labourColumns, relationColumns, sexColumns } from '../ctdc/columns';
import type { Cube } from '../cube';
import { ageBands, UNKNOWN } from '../facts';
import type { Release } from '../release';
import { noisyTable, type Rng, towardsTotal } from './dp';
import type { Attribute, Model } from './model';
import { SEP } from './model';

/** Reads one published value at the scope's node: 0 when hidden (-1) or when the release has no such cell. */
export type PublishedReader = (minor: 0 | 1 | 2, key: string, year?: number) => number;

/**
 * The reader of `release`'s published values for a jurisdiction (`code` equal to `country` for the whole country).
 * Reads `published` only, never the cube's counts: a hidden cell and an absent one both read 0.
 */
export function publishedReader(
  release: Pick<Release, 'cube' | 'published'>,
  scope: { country: string; code: string },
): { read: PublishedReader; keys: (prefix: string) => string[] } {
  const cube: Cube = release.cube;
  const node = cube.nodeOf(scope.country, scope.code === scope.country ? null : scope.code);
  const read: PublishedReader = (minor, key, year = 0) => {
    if (node === undefined) return 0;
    const i = cube.index({ node, year, minor }, key);
    const v = i < 0 ? -1 : release.published[i]!;
    return Math.max(v, 0);
  };
  return { read, keys: (prefix) => cube.keysWith(prefix) };
}

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const countries = ['', ...[...letters].flatMap((a) => [...letters].map((b) => a + b))];
const flag = ['0', '1'];
const majority = ['Minor', 'Adult'] as const;
const slot = { Minor: 1, Adult: 2 } as const;
const relationValues = relationColumns.map((c) => c.slice('recruiterRelation'.length));
const labourForms = ['ForcedLabour', 'ChildLabour', 'ForcedBegging'];
const relationMap: Record<string, string> = { Familial: 'Family', Acquainted: 'Friend', Unaquainted: 'Other' };
const controlMap: Record<string, string[]> = {
  PhysicalThreats: ['Threats'],
  ThreatsLawEnforcement: ['ThreatOfLawEnforcement'],
  ThreatensChildrenFamily: ['Threats', 'UsesChildren'],
  PsychoactiveSubstance: ['PsychoactiveSubstances'],
};
const industryMap: Record<string, string> = {
  A_AgricultureForestryAndFishing: 'Agriculture',
  B_MiningAndQuarrying: 'MiningOrDrilling',
  C_Manufacturing: 'Manufacturing',
  F_Construction: 'Construction',
  G_WholesaleAndRetailTradeRepairOfMotorVehicles: 'Peddling',
  H_TransportationAndStorage: 'Transportation',
  I_AccommodationAndFoodServiceActivities: 'Hospitality',
  T_ActivitiesOfHouseholdsAsEmployers: 'DomesticWork',
};

/** The model's attributes in sampling order; the first two (majority status × age band) form the root table. */
export function releasedAttributes(opts: { home: string; fromYear: number; toYear: number }): Attribute[] {
  const years = Array.from({ length: opts.toYear - opts.fromYear + 1 }, (_, i) => String(opts.fromYear + i));
  const foreign = (v: string) => v !== '' && v !== opts.home;
  const given = (parent: string, names: string[]) => names.map((name) => ({ name, domain: flag, parent }));
  return [
    { name: 'majorityStatus', domain: [...majority], parent: null },
    { name: 'ageBroad', domain: ['', ...ageBands], parent: null },
    { name: 'gender', domain: ['', 'Female', 'Male', 'Trans/NonConforming'], parent: 'majorityStatus' },
    { name: 'yearOfRegistration', domain: ['', ...years], parent: 'majorityStatus' },
    { name: 'citizenship', domain: countries, parent: 'majorityStatus', sparse: foreign },
    { name: 'CountryOfExploitation', domain: countries, parent: 'majorityStatus', sparse: foreign },
    // Not released: always empty (a domain of one value, so noise cannot invent bands).
    { name: 'traffickMonths', domain: [''], parent: 'majorityStatus' },
    ...given('majorityStatus', ['isForcedLabour', 'isSexualExploit', 'isOtherExploit', ...controlColumns]),
    { name: 'recruiterRelation', domain: relationValues, parent: 'majorityStatus' },
    ...given('isForcedLabour', labourColumns),
    ...given('isSexualExploit', sexColumns),
  ];
}

type Counts = Map<string, number>;
const add = (m: Counts, key: string, n: number) => {
  if (n > 0) m.set(key, (m.get(key) ?? 0) + n);
};
/** A 0/1 table given a parent value: `yes` people of `of` have the flag (capped), the rest do not. */
const yesNo = (m: Counts, parent: string, yes: number, of: number) => {
  const y = Math.min(Math.max(0, yes), of);
  add(m, `${parent}${SEP}1`, y);
  add(m, `${parent}${SEP}0`, of - y);
};

/**
 * The exact (noise-free) tables of the model, from published values only: cell keys are "<parent value>SEP<value>"
 * (the root: "<majority status>SEP<age band>"). Exported for the tests.
 */
export function releasedTables(
  reader: ReturnType<typeof publishedReader>,
  attrs: Attribute[],
): { total: number; tables: Map<string, Counts> } {
  const { read, keys } = reader;
  const tables = new Map<string, Counts>(attrs.map((a) => [a.name, new Map()]));
  const t = (name: string) => tables.get(name)!;
  const sumKeys = (m: 1 | 2, prefix: string, names: string[]) =>
    names.reduce((s, v) => s + read(m, `${prefix}${v}`), 0);
  const years = attrs.find((a) => a.name === 'yearOfRegistration')!.domain.filter((y) => y !== '');
  for (const ms of majority) {
    const m = slot[ms];
    const people = read(m, 'total');
    for (const band of keys('ageBand:'))
      add(t('ageBroad'), ms + SEP + (band === UNKNOWN ? '' : band), read(m, `ageBand:${band}`));
    for (const g of keys('gender:'))
      add(t('gender'), ms + SEP + (g === UNKNOWN ? '' : ctdcGender(g)), read(m, `gender:${g}`));
    let dated = 0;
    for (const y of years) {
      const n = read(m, 'total', Number(y));
      dated += n;
      add(t('yearOfRegistration'), ms + SEP + y, n);
    }
    add(t('yearOfRegistration'), `${ms + SEP}`, Math.max(0, people - dated));
    for (const c of keys('citizenship:'))
      add(t('citizenship'), ms + SEP + (c === UNKNOWN ? '' : c), read(m, `citizenship:${c}`));
    let exploitedAbroad = 0;
    for (const r of keys('route:')) {
      const to = r.split('>')[1] ?? '';
      const n = read(m, `route:${r}`);
      if (to.length === 2) {
        exploitedAbroad += n;
        add(t('CountryOfExploitation'), ms + SEP + to, n);
      }
    }
    add(t('CountryOfExploitation'), `${ms + SEP}`, Math.max(0, people - exploitedAbroad));
    add(t('traffickMonths'), `${ms + SEP}`, people);
    const forms = keys('exploitation:');
    const labour = sumKeys(
      m,
      'exploitation:',
      forms.filter((f) => labourForms.includes(f)),
    );
    const sexual = read(m, 'exploitation:SexualExploitation');
    const other = sumKeys(
      m,
      'exploitation:',
      forms.filter((f) => !labourForms.includes(f) && f !== 'SexualExploitation'),
    );
    yesNo(t('isForcedLabour'), ms, labour, people);
    yesNo(t('isSexualExploit'), ms, sexual, people);
    yesNo(t('isOtherExploit'), ms, other, people);
    const control = new Map<string, number>();
    let anyControl = 0;
    for (const c of keys('control:')) {
      const n = read(m, `control:${c}`);
      anyControl += n;
      for (const col of controlMap[c] ?? [c])
        control.set(`meansOfControl${col}`, (control.get(`meansOfControl${col}`) ?? 0) + n);
    }
    control.set('meansOfControlNotSpecified', Math.max(0, people - anyControl));
    for (const col of controlColumns) yesNo(t(col), ms, control.get(col) ?? 0, people);
    let related = 0;
    for (const r of keys('relation:')) {
      const n = read(m, `relation:${r}`);
      const v = relationMap[r];
      if (v) {
        related += n;
        add(t('recruiterRelation'), ms + SEP + v, n);
      }
    }
    add(t('recruiterRelation'), `${ms + SEP}Unknown`, Math.max(0, people - related));
    // Types of labour among the forced-labour people, types of sex among the sexually exploited: released counts
    // of industries and sex types are read as counts within those groups (they are recorded for them only).
    const forced = Math.min(labour, people);
    const industries = new Map<string, number>();
    let anyIndustry = 0;
    for (const i of keys('industry:')) {
      const n = read(m, `industry:${i}`);
      anyIndustry += n;
      const col = `typeOfLabour${industryMap[i] ?? 'Other'}`;
      industries.set(col, (industries.get(col) ?? 0) + n);
    }
    const begging = read(m, 'exploitation:ForcedBegging');
    industries.set('typeOfLabourBegging', (industries.get('typeOfLabourBegging') ?? 0) + begging);
    industries.set('typeOfLabourNotSpecified', Math.max(0, forced - anyIndustry - begging));
    for (const col of labourColumns) {
      yesNo(t(col), '1', industries.get(col) ?? 0, forced);
      add(t(col), `0${SEP}0`, people - forced);
    }
    const sexed = Math.min(sexual, people);
    for (const col of sexColumns) {
      yesNo(t(col), '1', read(m, `sexType:${col.slice('typeOfSex'.length)}`), sexed);
      add(t(col), `0${SEP}0`, people - sexed);
    }
  }
  // The root pairs majority status with age band.
  tables.set('majorityStatus', t('ageBroad'));
  return { total: read(0, 'total'), tables };
}

/**
 * The model of a synthetic release from published values only, with noise under `epsilon` split evenly over its
 * tables (the total, the root and one per other attribute). Same shape as model.ts's `fit`, so `sample` and the
 * utility report read it unchanged.
 */
export function fitReleased(
  reader: ReturnType<typeof publishedReader>,
  epsilon: number,
  attrs: Attribute[],
  rng: Rng,
): Model {
  const [a, b] = attrs as [Attribute, Attribute];
  const children = attrs.slice(2);
  const releases = 2 + children.length;
  const e = epsilon / releases;
  const byName = new Map(attrs.map((x) => [x.name, x]));
  const exact = releasedTables(reader, attrs);
  const totalNoisy = noisyTable(new Map([['n', exact.total]]), ['n'], e, rng).get('n')!;
  // Structural zeros stay out of the root (fixed by definition, not read from the data): a minor is 0 to 17.
  const minorBands = new Set(['', '0--8', '9--17']);
  const possible = (ms: string, band: string) => band === '' || (ms === 'Minor') === minorBands.has(band);
  const rootCells = a.domain.flatMap((x) => b.domain.filter((y) => possible(x, y)).map((y) => x + SEP + y));
  const root = towardsTotal(noisyTable(exact.tables.get(a.name)!, rootCells, e, rng), totalNoisy);
  const conditionals = new Map<string, Map<string, number>>();
  for (const c of children) {
    const parentDomain = c.parent ? byName.get(c.parent)!.domain : [''];
    const cells = parentDomain.flatMap((p) => c.domain.map((v) => p + SEP + v));
    const sparse = c.sparse ? (cell: string) => c.sparse!(cell.split(SEP)[1]!) : undefined;
    conditionals.set(c.name, towardsTotal(noisyTable(exact.tables.get(c.name)!, cells, e, rng, sparse), totalNoisy));
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
      mechanism: 'discrete Laplace (two-sided geometric) on the published figures of the release',
      tables: ['total', `${a.name}×${b.name}`, ...children.map((c) => (c.parent ? `${c.name}|${c.parent}` : c.name))],
    },
  };
}
