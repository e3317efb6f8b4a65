import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { systemRoles } from '../src/modules/access/permissions';
import type { Actor } from '../src/modules/access/policy';
import { livingRecordDefaults } from '../src/modules/cases/index';
import { People } from '../src/modules/cases/people';
import { CaseService } from '../src/modules/cases/service';
import { seedGeoDemo } from '../src/modules/geo/demo';
import { GeoService } from '../src/modules/geo/service';
import type { CaseTable, PersonTable } from '../src/platform/db/types';
import { withTempContext } from './context';
import { generatePeople, rng } from './generator';

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

/** p50/p95 of the filtered case list and of the name search over 100,000 cases on SQLite. */
export async function casesBench(): Promise<Record<string, unknown>[]> {
  const n = Number(process.env.BENCH_CASES ?? 100_000);
  const runs = Number(process.env.BENCH_RUNS ?? 200);
  return withTempContext(async (ctx) => {
    const geo = new GeoService(ctx.db.db);
    await seedGeoDemo(geo);
    const parishes: Record<string, string[]> = {};
    for (const canton of ['0101', '0603', '0606'])
      parishes[canton] = (await geo.children('EC', canton)).map((d) => d.code);
    const people = new People(ctx);
    const generated = generatePeople(n, 4242);
    const r = rng(7);
    const t0 = performance.now();
    const forms = ['ForcedBegging', 'ForcedLabour', 'ChildLabour', 'SexualExploitation', 'Servitude'];
    // Rows are built with the same encryption and blind indexes as intake, then written in batches.
    for (let i = 0; i < generated.length; i += 500) {
      const persons: PersonTable[] = [];
      const keys: { person_id: string; key_index: string }[] = [];
      const cases: CaseTable[] = [];
      for (const g of generated.slice(i, i + 500)) {
        const { row, keys: k } = people.build({
          prs_FirstName: [g.givenName, g.secondGiven].filter(Boolean).join(' '),
          prs_SecondName: g.surnames.join(' '),
          prs_Birthdate: g.birthDate,
          prs_Gender: g.gender,
          local_Languages: [],
          prs_Citizenship: [],
        });
        persons.push(row);
        for (const key_index of k) keys.push({ person_id: row.id, key_index });
        const canton = parishes[g.cantonCode]
          ? g.cantonCode
          : (['0606', '0603', '0101'] as const)[Math.floor(r() * 3)]!;
        const list = parishes[canton]!;
        const created = new Date(Date.UTC(2024, 0, 1) + Math.floor(r() * 3 * 365 * 86_400_000)).toISOString();
        cases.push({
          id: randomUUID(),
          code: `BEN-${created.slice(0, 4)}-${randomUUID().slice(0, 8)}`,
          person_id: row.id,
          original_person_id: null,
          status: r() < 0.7 ? 'Active' : 'Closed',
          stage: 'Intake',
          country_code: 'EC',
          division_code: list[Math.floor(r() * list.length)]!,
          owner_org_id: 'bench',
          owner_user_id: 'bench',
          assigned_user_id: null,
          is_minor: g.ageAtIntake < 18 ? 1 : 0,
          age_at_intake: g.ageAtIntake,
          age_when_trafficked: null,
          trafficking_status: r() < 0.5 ? 'PossibleVictimOfTrafficking' : null,
          decision_org: null,
          decision_reason_enc: null,
          decided_at: null,
          exploitation: JSON.stringify([forms[Math.floor(r() * forms.length)]]),
          recruitment_methods: '[]',
          relationship_to_trafficker: null,
          control_methods: '[]',
          labour_industries: '[]',
          sex_exploitation: '[]',
          months_exploited: null,
          guardian_enc: null,
          best_interest_enc: null,
          closure_reason_enc: null,
          suggestions: null,
          vulnerabilities: '[]',
          ...livingRecordDefaults,
          version: 1,
          created_at: created,
          updated_at: created,
          closed_at: null,
        });
      }
      await ctx.db.db.transaction().execute(async (trx) => {
        await trx.insertInto('persons').values(persons).execute();
        for (let k = 0; k < keys.length; k += 2000)
          await trx
            .insertInto('person_name_keys')
            .values(keys.slice(k, k + 2000))
            .onConflict((oc) => oc.doNothing())
            .execute();
        await trx.insertInto('cases').values(cases).execute();
      });
    }
    const loadSeconds = (performance.now() - t0) / 1000;
    const actor = (code: string): Actor => ({
      userId: randomUUID(),
      orgId: randomUUID(),
      roles: ['caseworker'],
      permissions: new Set(systemRoles.caseworker),
      scope: { country: 'EC', code },
      sessionId: 's',
    });
    const service = new CaseService(ctx);
    const filtered: number[] = [];
    const byName: number[] = [];
    const surnames = ['Quispe', 'Guaman', 'Lema', 'Chimbo', 'Yupanki', 'Garcia', 'Tenemasa', 'Caisa'];
    for (let i = 0; i < runs; i++) {
      const who = actor((['0606', '0603', '0101', 'EC'] as const)[i % 4]!);
      const q = {
        limit: 25,
        minor: i % 2 ? ('true' as const) : undefined,
        status: i % 3 ? ('Active' as const) : undefined,
        exploitation: i % 5 === 0 ? ('ForcedBegging' as const) : undefined,
      };
      let s = performance.now();
      await service.list(who, q, 'bench');
      filtered.push(performance.now() - s);
      s = performance.now();
      await service.list(who, { limit: 25, name: surnames[i % surnames.length] }, 'bench');
      byName.push(performance.now() - s);
    }
    const f = (xs: number[]) => ({
      p50Ms: Number(percentile(xs, 0.5).toFixed(1)),
      p95Ms: Number(percentile(xs, 0.95).toFixed(1)),
    });
    return [
      {
        bench: 'cases',
        case: 'filtered-list',
        cases: n,
        runs,
        database: 'sqlite',
        ...f(filtered),
        loadSeconds: Number(loadSeconds.toFixed(1)),
      },
      { bench: 'cases', case: 'name-search', cases: n, runs, database: 'sqlite', ...f(byName) },
    ];
  });
}
