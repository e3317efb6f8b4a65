// `npm run bench cases [-- --size N]`: the case list over N generated cases (100,000 unless asked) in the whole
// country's divisions. Cases belong to each province's office (three in four) or to a national organisation; the
// lists are read as their caseworkers read them, through the service with its access checks: filtered lists (status,
// minor, form of exploitation, a division, the next pages) and name searches typed as people type them (a surname,
// a given name and a surname, a full name).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { systemRoles } from '../src/modules/access/permissions';
import type { Actor } from '../src/modules/access/policy';
import { livingRecordDefaults } from '../src/modules/cases/index';
import { CaseService } from '../src/modules/cases/service';
import { defaultSharedData, seedGeoDemo } from '../src/modules/geo/demo';
import { GeoService } from '../src/modules/geo/service';
import type { CaseTable } from '../src/platform/db/types';
import { type BenchOptions, withTempContext } from './context';
import { generatePeople, rng } from './generator';
import { bulkLoader, loadPersons } from './load';

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const figures = (xs: number[]) =>
  xs.length === 0
    ? {}
    : {
        p50Ms: Number(percentile(xs, 0.5).toFixed(1)),
        p95Ms: Number(percentile(xs, 0.95).toFixed(1)),
        maxMs: Number(Math.max(...xs).toFixed(1)),
      };

const forms = ['ForcedBegging', 'ForcedLabour', 'ChildLabour', 'SexualExploitation', 'Servitude'] as const;
const stages = ['Intake', 'Screening', 'Protection', 'FollowUp', 'Closure'] as const;

/** A caseworker of an organisation with a jurisdiction (a province, a canton or the country). */
const caseworker = (orgId: string, code: string): Actor => ({
  userId: randomUUID(),
  orgId,
  roles: ['caseworker'],
  permissions: new Set(systemRoles.caseworker),
  scope: { country: 'EC', code },
  sessionId: 'bench',
});

/** p50/p95 of the filtered case list and of the name search over N cases. */
export async function casesBench(o: BenchOptions = {}): Promise<Record<string, unknown>[]> {
  const n = o.size ?? Number(process.env.BENCH_CASES ?? 100_000);
  const runs = o.runs ?? 200;
  return withTempContext(
    async (ctx) => {
      const geo = new GeoService(ctx.db.db);
      await seedGeoDemo(geo, defaultSharedData());
      const generated = generatePeople(n, 4242, 2026, o.names);
      const parishes = new Map<string, string[]>();
      for (const canton of new Set(generated.map((g) => g.cantonCode)))
        parishes.set(
          canton,
          (await geo.children('EC', canton)).map((d) => d.code),
        );
      const r = rng(7);
      const t0 = performance.now();
      const personIds: string[] = new Array(n);
      await loadPersons(ctx, generated, (i, id) => {
        personIds[i] = id;
      });
      const loader = await bulkLoader(ctx, ['cases']);
      for (let i = 0; i < n; i += 20_000) {
        const cases: CaseTable[] = [];
        for (let j = i; j < Math.min(n, i + 20_000); j++) {
          const g = generated[j]!;
          const list = parishes.get(g.cantonCode)!;
          const created = new Date(Date.UTC(2024, 0, 1) + Math.floor(r() * 3 * 365 * 86_400_000)).toISOString();
          const stage = stages[Math.floor(r() * stages.length)]!;
          cases.push({
            id: randomUUID(),
            code: `BEN-${created.slice(0, 4)}-${String(j).padStart(7, '0')}`,
            person_id: personIds[j]!,
            original_person_id: null,
            status: stage === 'Closure' && r() < 0.8 ? 'Closed' : 'Active',
            stage,
            country_code: 'EC',
            division_code: list.length ? list[Math.floor(r() * list.length)]! : g.cantonCode,
            // Three cases in four are the province office's, the others a national organisation's.
            owner_org_id: r() < 0.75 ? `org-${g.cantonCode.slice(0, 2)}` : 'org-national',
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
        await loader.insert('cases', cases as never);
      }
      await loader.finish();
      const loadSeconds = (performance.now() - t0) / 1000;

      const readers = [
        caseworker('org-06', '06'), // Chimborazo's office, the whole province
        caseworker('org-06', '0606'), // the same office's caseworker for Guamote
        caseworker('org-01', '0101'), // Cuenca
        caseworker('org-17', '1701'), // Quito
        caseworker('org-national', 'EC'), // the national organisation
      ];
      const parishOf = (who: Actor) => {
        const inScope = [...parishes.values()]
          .flat()
          .filter((p) => who.scope.code === 'EC' || p.startsWith(who.scope.code));
        return inScope[Math.floor(r() * inScope.length)];
      };
      const service = new CaseService(ctx);
      const filtered: number[] = [];
      const nextPages: number[] = [];
      const byName: number[] = [];
      let found = 0;
      const person = () => generated[Math.floor(r() * generated.length)]!;
      const names = [
        () => person().surnames[0], // a surname
        () => `${person().givenName} ${person().surnames[0]}`, // a given name and a surname
        () => {
          const p = person();
          return [p.givenName, p.secondGiven, ...p.surnames].filter(Boolean).join(' ');
        },
      ];
      // A few untimed reads first, so the timings are of a running server, not of a cold start.
      for (const who of readers) await service.list(who, { limit: 25 }, 'bench');
      for (let i = 0; i < runs; i++) {
        const who = readers[i % readers.length]!;
        const q = {
          limit: 25,
          minor: i % 2 ? ('true' as const) : undefined,
          status: i % 3 ? ('Active' as const) : undefined,
          exploitation: i % 5 === 0 ? ('ForcedBegging' as const) : undefined,
          stage: i % 7 === 0 ? ('Protection' as const) : undefined,
          division: i % 4 === 0 ? parishOf(who) : undefined,
        };
        let s = performance.now();
        const page = await service.list(who, q, 'bench');
        filtered.push(performance.now() - s);
        if (page.next && i % 2 === 0) {
          s = performance.now();
          await service.list(who, { ...q, after: page.next }, 'bench');
          nextPages.push(performance.now() - s);
        }
        const name = names[i % names.length]!();
        s = performance.now();
        const hits = await service.list(who, { limit: 25, name }, 'bench');
        byName.push(performance.now() - s);
        if (hits.items.length) found++;
      }
      const common = { cases: n, names: o.names ?? 'national', database: ctx.db.engine, runs };
      return [
        {
          bench: 'cases',
          case: 'filtered-list',
          ...common,
          ...figures(filtered),
          loadSeconds: Number(loadSeconds.toFixed(1)),
        },
        { bench: 'cases', case: 'next-page', ...common, runs: nextPages.length, ...figures(nextPages) },
        { bench: 'cases', case: 'name-search', ...common, ...figures(byName), withResults: found },
      ];
    },
    { postgres: o.postgres },
  );
}
