import { CaseService, IntakeService, People, RecordService } from '../src/modules/cases/index';
import { seedGeoDemo } from '../src/modules/geo/demo';
import { GeoService } from '../src/modules/geo/index';
import { systemActor } from '../tests/support/access';
import { withTempContext } from './context';

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

/**
 * The living record on SQLite: one versioned update (merge, compare-and-set, encrypted history row, derived
 * state) sequentially, then 20 writers at once on different fields from the same version (merges, retries),
 * and reading a history of that many changes.
 */
export async function recordBench(): Promise<Record<string, unknown>[]> {
  return withTempContext(async (ctx) => {
    await seedGeoDemo(new GeoService(ctx.db.db));
    const actor = systemActor;
    const opened = await new IntakeService(ctx).intake(
      actor,
      {
        division: { country: 'EC', code: '060350' },
        person: { prs_FirstName: 'Banco', prs_SecondName: 'Prueba Medida', prs_Birthdate: '1990-01-01' },
      },
      'bench',
    );
    const record = new RecordService(ctx);
    const n = Number(process.env.BENCH_UPDATES ?? 500);
    const times: number[] = [];
    let version = 1;
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const r = await record.update({
        actor,
        caseId: opened.id,
        type: 'case',
        fields: { local_MonthsExploited: i % 600 },
        version,
        requestId: 'bench',
      });
      times.push(performance.now() - t0);
      version = r.version;
    }
    const fields = ['local_MonthsExploited', 'local_BestInterest', 'vic_DetailsOfVulnerabilities', 'local_Guardian'];
    const rounds = Number(process.env.BENCH_ROUNDS ?? 25);
    const start = performance.now();
    let written = 0;
    for (let round = 0; round < rounds; round++) {
      const base = version;
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, w) =>
          record
            .update({
              actor,
              caseId: opened.id,
              type: 'case',
              // Twenty writers over four fields, all from the same version: per field the first write wins and the
              // other four are conflicts; the four fields merge with each other.
              fields: {
                [fields[w % fields.length]!]:
                  fields[w % fields.length] === 'local_MonthsExploited' ? round * 20 + w : `Prueba ${round}-${w}`,
              },
              version: base,
              reason: 'Medida de rendimiento',
              requestId: 'bench',
            })
            .then(
              (r) => r.version,
              () => 0,
            ),
        ),
      );
      written += results.filter(Boolean).length;
      version = Math.max(version, ...results);
    }
    const contendedMs = performance.now() - start;
    // Reading the case page: the whole read, and the duplicate check it now makes each time.
    const cases = new CaseService(ctx);
    const people = new People(ctx);
    const reads: number[] = [];
    const checks: number[] = [];
    for (let i = 0; i < 200; i++) {
      let t = performance.now();
      await cases.get(actor, opened.id, 'bench', true);
      reads.push(performance.now() - t);
      t = performance.now();
      await people.candidates({ prs_FirstName: 'Banco', prs_SecondName: 'Prueba Medida', prs_Birthdate: '1990-01-01' });
      checks.push(performance.now() - t);
    }
    const t0 = performance.now();
    const rows = await ctx.db.db.selectFrom('record_changes').select('id').where('case_id', '=', opened.id).execute();
    const historyMs = performance.now() - t0;
    return [
      {
        bench: 'record',
        case: 'sequential-update',
        database: 'sqlite',
        updates: n,
        p50Ms: Number(pct(times, 0.5).toFixed(2)),
        p95Ms: Number(pct(times, 0.95).toFixed(2)),
        updatesPerSec: Math.round(n / (times.reduce((a, b) => a + b, 0) / 1000)),
      },
      {
        bench: 'record',
        case: '20-writers',
        database: 'sqlite',
        rounds,
        attempted: rounds * 20,
        accepted: written,
        refusedAsConflicts: rounds * 20 - written,
        msPerRound: Number((contendedMs / rounds).toFixed(1)),
        versionsMatchAccepted: version === 1 + n + written,
      },
      { bench: 'record', case: 'history-rows', rows: rows.length, readMs: Number(historyMs.toFixed(1)) },
      {
        bench: 'record',
        case: 'case-read',
        reads: reads.length,
        p50Ms: Number(pct(reads, 0.5).toFixed(2)),
        duplicateCheckP50Ms: Number(pct(checks, 0.5).toFixed(2)),
      },
    ];
  });
}
