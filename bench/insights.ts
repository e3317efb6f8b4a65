// `npm run bench insights [-- --size N]`: the analytical store and the dashboards over 1,000,000 generated cases
// (or --size / BENCH_SIZE / BENCH_INSIGHTS). Cases, persons and events of five years are written to a fresh SQLite
// database; the analytical store is built in full from them, and the first release computed. Then one month of
// new cases (a sixtieth of the size, with corrections to a tenth as many earlier cases) is written, and the time
// to bring the store up to date and to compute that month's release is measured: what a new month costs.
// Last, the main dashboard queries run through the service with disclosure control, and the same aggregations
// run as plain SQL in DuckDB (in memory, same process, same facts). Prints p50/p95 and the ratio.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import SQLite from 'better-sqlite3';
import { systemRoles } from '../src/modules/access/permissions';
import type { Actor } from '../src/modules/access/policy';
import { defaultSharedData, seedGeoDemo } from '../src/modules/geo/demo';
import { GeoService } from '../src/modules/geo/service';
import { caseFromFact, eventsFromFact } from '../src/modules/insights/demo';
import type { Fact } from '../src/modules/insights/facts';
import { generateFacts } from '../src/modules/insights/generate';
import { InsightsService } from '../src/modules/insights/service';
import { InsightStore } from '../src/modules/insights/store';
import type { Context } from '../src/platform/context';
import { withTempContext } from './context';

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (x: number) => Number(x.toFixed(2));

/** The dashboard requests measured: national, Chimborazo 2026, Colta 2026 minors, Azuay, adults in 2025. */
const requests = [
  {},
  { division: '06', year: 2026 },
  { division: '0603', year: 2026, minor: 'true' as const },
  { division: '01' },
  { year: 2025, minor: 'false' as const },
];

/** Writes the cases, persons and events straight through better-sqlite3 (a second connection to the same
 * file) with prepared statements: the app's own writes are measured elsewhere, this only fills the database.
 * Case codes are BEN-<year>-<offset + position>. */
function load(ctx: Context, facts: Fact[], offset = 0) {
  const raw = new SQLite(ctx.config.sqlitePath);
  const prepared = new Map<string, SQLite.Statement>();
  const insert = (table: string, row: object) => {
    let st = prepared.get(table);
    if (!st) {
      const cols = Object.keys(row);
      st = raw.prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`);
      prepared.set(table, st);
    }
    st.run(row);
  };
  const at = (f: Fact) => `${f.year}-${String(f.month).padStart(2, '0')}-15T12:00:00.000Z`;
  const write = raw.transaction((batch: Fact[], offset: number) => {
    for (const [j, f] of batch.entries()) {
      const person = randomUUID();
      const id = randomUUID();
      insert('persons', {
        id: person,
        given_names_enc: null,
        surnames_enc: null,
        birthdate_enc: null,
        birthdate_index: null,
        birth_year: null,
        gender: f.gender === 'Unknown' ? null : f.gender,
        ethnicity: f.ethnicity === 'Unknown' ? null : f.ethnicity,
        languages: '[]',
        citizenship: JSON.stringify(f.citizenship === 'Unknown' ? [] : [f.citizenship]),
        identity_enc: null,
        identity_index: null,
        merged_into: null,
        created_at: at(f),
        updated_at: at(f),
      });
      insert(
        'cases',
        caseFromFact(f, {
          id,
          personId: person,
          code: `BEN-${f.year}-${offset + j}`,
          orgId: 'bench',
          at: at(f),
          closed: false,
          age: f.ageBand === 'Unknown' ? undefined : Number(f.ageBand.split(/--|\+/)[0]) + (f.minor ? 1 : 0),
        }),
      );
      for (const e of eventsFromFact(f, id, at(f))) insert('case_events', { ...e });
      for (const [table, row] of protectionRows(f, id, at(f))) insert(table, row);
    }
  });
  for (let i = 0; i < facts.length; i += 50_000) write(facts.slice(i, i + 50_000), offset + i);
  raw.close();
}

/** The protection records a fact's entries stand for (measures, returns, closed reintegration plans, complaints). */
function protectionRows(f: Fact, caseId: string, at: string): [string, object][] {
  const out: [string, object][] = [];
  const day = (year: number) => (year === f.year ? at.slice(0, 10) : `${year}-01-15`);
  const audit = { created_by: 'bench', created_at: at };
  let returnId = '';
  const complaint: Record<string, string | null> = {};
  for (const entry of f.protection) {
    const [y = '', kind = ''] = entry.split(':');
    const on = day(Number(y));
    if (kind === 'MeasureDecided')
      out.push([
        'board_measures',
        {
          id: randomUUID(),
          case_id: caseId,
          type: 'family_support',
          decided_by: 'board',
          decided_on: on,
          start_on: on,
          status: 'ended',
          responsible: 'bench',
          ...audit,
          updated_at: at,
        },
      ]);
    else if (kind === 'Returned') {
      returnId = randomUUID();
      out.push([
        'case_returns',
        {
          id: returnId,
          case_id: caseId,
          assessment_id: randomUUID(),
          from_country: f.exploitedIn ?? 'CO',
          to_country: 'EC',
          to_division: f.canton ?? f.country,
          departed_on: on,
          arrived_on: on,
          ...audit,
          updated_at: at,
        },
      ]);
    } else if (['Reintegrated', 'PartiallyReintegrated', 'NotReintegrated', 'LostContact'].includes(kind))
      out.push([
        'reintegration_plans',
        {
          id: randomUUID(),
          case_id: caseId,
          return_id: returnId,
          status: 'closed',
          months: '[1,3,6,12]',
          outcome: kind.replace(/(?<=.)([A-Z])/g, '_$1').toLowerCase(),
          closed_on: on,
          ...audit,
        },
      ]);
    else if (kind === 'Complaint') complaint.filed_on = on;
    else if (kind === 'Prosecution') complaint.charged_on = on;
    else if (kind) {
      complaint.outcome = kind.toLowerCase();
      complaint.outcome_on = on;
    }
  }
  if (complaint.filed_on)
    out.push([
      'complaints',
      {
        id: randomUUID(),
        case_id: caseId,
        stage: complaint.charged_on ? 'instruction' : 'previous_investigation',
        filed_on: complaint.filed_on,
        charged_on: complaint.charged_on ?? null,
        outcome: complaint.outcome ?? null,
        outcome_on: complaint.outcome_on ?? null,
        ...audit,
        updated_at: at,
      },
    ]);
  return out;
}

/** Corrects the forms of exploitation of `n` earlier cases (spread over all of them), as caseworkers do. */
function correct(ctx: Context, facts: Fact[], n: number, at: string) {
  const raw = new SQLite(ctx.config.sqlitePath);
  const st = raw.prepare('update cases set exploitation = ?, version = version + 1, updated_at = ? where code = ?');
  const step = Math.max(1, Math.floor(facts.length / n));
  raw.transaction(() => {
    for (let i = 0; i < n; i++) {
      const j = (i * step) % facts.length;
      st.run(JSON.stringify(['ForcedBegging', 'ForcedLabour']), at, `BEN-${facts[j]!.year}-${j}`);
    }
  })();
  raw.close();
}

/** The same facts in DuckDB, the multi-valued fields as lists. */
async function duck(facts: Fact[]) {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  await c.run(`create table raw(year integer, month integer, province varchar, canton varchar, minor boolean,
    age_band varchar, gender varchar, ethnicity varchar, citizenship varchar, relation varchar, exploitation varchar,
    industries varchar, sex_types varchar, recruitment varchar, control varchar, route varchar)`);
  const a = await c.createAppender('raw');
  const list = (xs: string[]) => xs.join(';');
  for (const f of facts) {
    a.appendInteger(f.year);
    a.appendInteger(f.month);
    a.appendVarchar(f.province ?? '');
    a.appendVarchar(f.canton ?? '');
    a.appendBoolean(f.minor);
    for (const v of [f.ageBand, f.gender, f.ethnicity, f.citizenship, f.relation]) a.appendVarchar(v);
    for (const v of [f.exploitation, f.industries, f.sexTypes, f.recruitment, f.control]) a.appendVarchar(list(v));
    if (f.recruitedIn && f.exploitedIn) a.appendVarchar(`${f.recruitedIn}>${f.exploitedIn}`);
    else a.appendNull();
    a.endRow();
  }
  a.closeSync();
  const split = (col: string) =>
    `case when ${col} = '' then []::varchar[] else string_split(${col}, ';') end as ${col}`;
  await c.run(`create table facts as select year, month, province, canton, minor, age_band, gender, ethnicity,
    citizenship, relation, ${['exploitation', 'industries', 'sex_types', 'recruitment', 'control'].map(split).join(', ')},
    route from raw`);
  await c.run('drop table raw');
  return c;
}

/** The plain aggregations of one dashboard request, without disclosure control. */
function duckQueries(q: (typeof requests)[number]): string[] {
  const where = [
    'division' in q && q.division
      ? q.division.length === 2
        ? `province = '${q.division}'`
        : `canton = '${q.division}'`
      : 'true',
    'year' in q && q.year ? `year = ${q.year}` : 'true',
    'minor' in q && q.minor ? `minor = ${q.minor}` : 'true',
  ].join(' and ');
  const period = 'year' in q && q.year ? 'month' : 'year';
  return [
    `select count(*) from facts where ${where}`,
    `select ${period}, age_band, gender, ethnicity, citizenship, relation, canton, route, count(*) from facts where ${where}
     group by grouping sets ((${period}), (age_band), (gender), (ethnicity), (citizenship), (relation), (canton), (route))`,
    ...['exploitation', 'industries', 'sex_types', 'recruitment', 'control'].map(
      (col) => `select v, count(*) from (select unnest(${col}) as v from facts where ${where}) group by v`,
    ),
  ];
}

const seconds = (since: number) => Number(((performance.now() - since) / 1000).toFixed(2));

/**
 * The analytical store at `size` cases: its full build and first release, then what one more month costs (the
 * store brought up to date, that month's release); then p50/p95 of the dashboard with disclosure control over
 * it, and of the same aggregations in DuckDB.
 */
export async function insightsBench(o: { size?: number; runs?: number } = {}): Promise<Record<string, unknown>[]> {
  const n = o.size ?? Number(process.env.BENCH_SIZE ?? process.env.BENCH_INSIGHTS ?? 1_000_000);
  const runs = o.runs ?? Number(process.env.BENCH_RUNS ?? 100);
  const k = 11;
  return withTempContext(async (ctx) => {
    await seedGeoDemo(new GeoService(ctx.db.db), defaultSharedData());
    const facts = generateFacts(n, 77, 2022, 2026);
    // One month of new registrations (January 2027): an average month of the five years before.
    const month = generateFacts(Math.round(n / 60), 78, 2027, 2027).map((f) => ({ ...f, month: 1 }));
    let t = performance.now();
    load(ctx, facts);
    const loadSeconds = seconds(t);
    const store = new InsightStore(ctx);
    t = performance.now();
    await store.rebuild();
    const cube = await store.cube();
    const buildSeconds = seconds(t);
    t = performance.now();
    await store.published(k, 1, new Date('2027-01-15T12:00:00Z'));
    const firstReleaseSeconds = seconds(t);

    t = performance.now();
    load(ctx, month, n);
    const corrections = Math.round(month.length / 10);
    correct(ctx, facts, corrections, '2027-01-20T12:00:00.000Z');
    const monthWriteSeconds = seconds(t);
    t = performance.now();
    const progress = await store.sync();
    const monthStoreSeconds = seconds(t);
    t = performance.now();
    await store.published(k, 1, new Date('2027-02-15T12:00:00Z'));
    const monthReleaseSeconds = seconds(t);
    const monthSeconds = Number((monthStoreSeconds + monthReleaseSeconds).toFixed(2));

    const service = new InsightsService(ctx, store);
    const researcher: Actor = {
      userId: 'bench',
      orgId: 'bench',
      roles: ['researcher'],
      permissions: new Set(systemRoles.researcher),
      scope: { country: 'EC', code: 'EC' },
      sessionId: 's',
    };
    // The first protected request writes the month's snapshot and computes its suppression pattern.
    t = performance.now();
    await service.dashboard(researcher, {});
    const snapshotSeconds = (performance.now() - t) / 1000;
    const c = await duck([...facts, ...month]);
    const ours: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < runs * requests.length; i++) {
      const q = requests[i % requests.length]!;
      let s = performance.now();
      await service.dashboard(researcher, q);
      ours.push(performance.now() - s);
      s = performance.now();
      for (const sql of duckQueries(q)) await c.runAndReadAll(sql);
      plain.push(performance.now() - s);
    }
    c.closeSync();
    const p95 = percentile(ours, 0.95);
    const duckP95 = percentile(plain, 0.95);
    return [
      {
        bench: 'insights',
        cases: n,
        facts: cube.size,
        database: 'sqlite',
        loadSeconds,
        storeBuildSeconds: buildSeconds,
        firstReleaseSeconds,
        monthNewCases: month.length,
        monthCorrections: corrections,
        monthWriteSeconds,
        monthPersonsRederived: progress.persons,
        monthRebuilt: progress.rebuilt,
        monthStoreSeconds,
        monthReleaseSeconds,
        monthSeconds,
        monthUnderGoal: monthSeconds < 10,
        requests: ours.length,
        snapshotSeconds: Number(snapshotSeconds.toFixed(2)),
        dashboardP50Ms: ms(percentile(ours, 0.5)),
        dashboardP95Ms: ms(p95),
        duckdbP50Ms: ms(percentile(plain, 0.5)),
        duckdbP95Ms: ms(duckP95),
        ratioP95: Number((p95 / duckP95).toFixed(3)),
        underBudget: p95 < 200 && p95 / duckP95 <= 2,
      },
    ];
  });
}
