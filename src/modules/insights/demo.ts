import { randomUUID } from 'node:crypto';
import type { Context } from '../../platform/context';
import type { CaseEventTable, CaseTable } from '../../platform/db/types';
import { demoSeedActor, insertCase, livingRecordDefaults, People } from '../cases/index';
import { seedSimulatedComplaints } from '../prosecution/index';
import { seedCaseProtection } from './demo-protection';
import type { Fact } from './facts';
import { generateFacts } from './generate';
import * as repo from './repo';

/** How many simulated cases the demo carries, so that dashboards have figures above the disclosure threshold. */
export const simulatedCases = 600;

// Simulated registered cases (codes SIM-…, persons "Simulada/Simulado N") drawn from the fact generator: mostly
// Guamote, Colta and Cuenca, over the last three years. They carry only what statistics need; no free text about anyone.
// Board measures, returns and reintegration outcomes follow the facts' protection entries (demo-protection.ts).
export async function seedInsightsDemo(ctx: Context): Promise<void> {
  const cantons = new Set((await repo.selectDivisionsByLevel(ctx.db.db)).map((d) => d.code));
  // Without the whole country loaded, cases of other cantons go to the three demo cantons; no case is registered
  // after the current month.
  const today = new Date();
  const thisYear = today.getUTCFullYear();
  const thisMonth = today.getUTCMonth() + 1;
  const facts = generateFacts(simulatedCases, 2026, thisYear - 2, thisYear).map((g, i) => {
    const f = g.year === thisYear && g.month > thisMonth ? { ...g, month: 1 + (i % thisMonth) } : g;
    if (!f.canton || cantons.has(f.canton)) return f;
    const canton = ['0606', '0603', '0101'][i % 3]!;
    return { ...f, canton, province: canton.slice(0, 2), recruitedIn: f.recruitedIn && canton };
  });
  const people = new People(ctx);
  const org = (await demoSeedActor(ctx)).orgId;
  const ageIn = (band: string) => (band === 'Unknown' ? undefined : Number(band.split(/--|\+/)[0]) + 1);
  await ctx.db.db.transaction().execute(async (trx) => {
    for (const [i, f] of facts.entries()) {
      const n = String(i + 1).padStart(4, '0');
      const age = ageIn(f.ageBand);
      const person = await people.create(trx, {
        prs_FirstName: f.gender === 'Masculine' ? 'Simulado' : 'Simulada',
        prs_SecondName: `Demo ${n}`,
        prs_Gender: f.gender === 'Unknown' ? undefined : (f.gender as 'Feminine'),
        local_Ethnicity: f.ethnicity === 'Unknown' ? undefined : (f.ethnicity as 'Indigena'),
        local_Languages: f.ethnicity === 'Indigena' ? ['qu', 'es'] : ['es'],
        prs_Citizenship: f.citizenship === 'Unknown' ? [] : [f.citizenship],
        local_BirthYear: age === undefined ? undefined : f.year - age,
      });
      const id = randomUUID();
      const day = 1 + (i % (f.year === thisYear && f.month === thisMonth ? today.getUTCDate() : 28));
      const at = `${f.year}-${String(f.month).padStart(2, '0')}-${String(day).padStart(2, '0')}T00:00:00.000Z`;
      const closed = i % 5 === 0;
      await insertCase(
        trx,
        caseFromFact(f, { id, personId: person.id, code: `SIM-${f.year}-${n}`, orgId: org, at, closed, age }),
      );
      for (const e of eventsFromFact(f, id, at)) await repo.insertCaseEvents(trx, e);
      await seedCaseProtection(ctx, trx, f, { id, at, today: today.toISOString().slice(0, 10) });
    }
  });
  // Complaints, prosecutions and verdicts on the simulated cases (the prosecution module's volume seed; it
  // leaves cases that already have a complaint alone).
  await seedSimulatedComplaints(ctx);
}

/** The case row a fact stands for (statistical fields only; nothing personal, no free text). */
export function caseFromFact(
  f: Fact,
  o: { id: string; personId: string; code: string; orgId: string; at: string; closed: boolean; age?: number },
): CaseTable {
  return {
    id: o.id,
    code: o.code,
    person_id: o.personId,
    original_person_id: null,
    status: o.closed ? 'Closed' : 'Active',
    stage: o.closed ? 'Closure' : 'Protection',
    country_code: f.country,
    division_code: f.canton ?? f.province ?? f.country,
    owner_org_id: o.orgId,
    owner_user_id: 'demo-seed',
    assigned_user_id: null,
    is_minor: f.minor ? 1 : 0,
    age_at_intake: o.age ?? null,
    age_when_trafficked: null,
    trafficking_status: f.status,
    decision_org: 'NGO',
    decision_reason_enc: null,
    decided_at: o.at,
    exploitation: JSON.stringify(f.exploitation),
    recruitment_methods: JSON.stringify(f.recruitment),
    relationship_to_trafficker: f.relation === 'Unknown' ? null : f.relation,
    control_methods: JSON.stringify(f.control),
    labour_industries: JSON.stringify(f.industries),
    sex_exploitation: JSON.stringify(f.sexTypes),
    months_exploited: f.monthsExploited,
    guardian_enc: null,
    best_interest_enc: null,
    closure_reason_enc: null,
    suggestions: null,
    vulnerabilities: '[]',
    ...livingRecordDefaults,
    version: 1,
    created_at: o.at,
    updated_at: o.at,
    closed_at: o.closed ? o.at : null,
  };
}

/** The recruitment and exploitation events a fact stands for. */
export function eventsFromFact(f: Fact, caseId: string, at: string): CaseEventTable[] {
  const event = (type: string, country: string, division: string | null): CaseEventTable => ({
    id: randomUUID(),
    case_id: caseId,
    type,
    country_code: country,
    division_code: division,
    month: at.slice(0, 7),
    end_month: null,
    means: '[]',
    exploitation: '[]',
    place_enc: null,
    description_enc: null,
    version: 1,
    created_at: at,
    updated_at: at,
  });
  return [
    ...(f.recruitedIn ? [event('Recruitment', f.country, f.recruitedIn)] : []),
    ...(f.exploitedIn ? [event('Exploitation', f.exploitedIn, null)] : []),
  ];
}
