// What happened after identification to the demo's simulated cases, so that the protection and justice figures
// have volume: board measures for children and returns from abroad with their reintegration outcome, from the
// generated facts' protection entries (generate.ts). Complaints, prosecutions and verdicts come from the
// prosecution module's own simulated complaints (seedSimulatedComplaints), seeded after these. Codes, dates and
// statuses only; the few text fields a table requires say they are simulated.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Context } from '../../platform/context';
import type { Database } from '../../platform/db/types';
import type { Fact } from './facts';
import { parseEntry } from './protection';
import * as repo from './repo-demo';

const simulated = 'DEMO: simulado';

/** The protection rows of one simulated case (measures, returns, reintegration plans), from its fact's entries. */
export async function seedCaseProtection(
  ctx: Context,
  trx: Transaction<Database>,
  f: Fact,
  c: { id: string; at: string; today: string },
): Promise<void> {
  const registered = c.at.slice(0, 10);
  // An event of the registration year happens on the day of registration; a later one in mid-January (never
  // after today), so every event comes after the case opened and after the one before it.
  const on = (year: number) => (year === f.year ? registered : [`${year}-01-15`, c.today].sort()[0]!);
  const seal = (table: string, row: string, column: string) => ctx.crypto.encrypt(simulated, { table, row, column });
  let returnId: string | null = null;
  for (const entry of f.protection) {
    const e = parseEntry(entry);
    if (!e) continue;
    const day = on(e.year);
    const measure = randomUUID();
    if (e.kind === 'MeasureDecided')
      await repo.insertMeasure(trx, {
        id: measure,
        case_id: c.id,
        type: 'family_support',
        decided_by: 'board',
        decided_on: day,
        start_on: day,
        review_on: null,
        status: 'ended',
        ratification_due_on: null,
        ratification: null,
        ratified_on: null,
        court_ref_enc: null,
        responsible_enc: seal('board_measures', measure, 'responsible'),
        hearing_id: null,
        notes_enc: null,
        ended_on: day,
        end_reason_enc: null,
        review_task_id: null,
        ratification_task_id: null,
        created_by: 'demo-seed',
        created_at: c.at,
        updated_at: c.at,
      });
    else if (e.kind === 'Returned') {
      const assessment = randomUUID();
      returnId = randomUUID();
      await repo.insertAssessment(trx, {
        id: assessment,
        case_id: c.id,
        assessed_on: day,
        assessor_enc: seal('family_assessments', assessment, 'assessor'),
        findings_enc: seal('family_assessments', assessment, 'findings'),
        child_view_enc: seal('family_assessments', assessment, 'child_view'),
        decision: 'return',
        reasons_enc: seal('family_assessments', assessment, 'reasons'),
        created_by: 'demo-seed',
        created_at: c.at,
      });
      await repo.insertReturn(trx, {
        id: returnId,
        case_id: c.id,
        assessment_id: assessment,
        from_country: f.exploitedIn ?? 'CO',
        from_division: null,
        to_country: f.country,
        to_division: f.canton ?? f.province ?? f.country,
        departed_on: day,
        arrived_on: day,
        route_enc: null,
        accompanying_enc: null,
        accompanying_role: null,
        receiving_org_id: null,
        receiving_provider_id: null,
        created_by: 'demo-seed',
        created_at: c.at,
        updated_at: c.at,
      });
    } else if (returnId && outcomes[e.kind])
      await repo.insertPlan(trx, {
        id: randomUUID(),
        case_id: c.id,
        return_id: returnId,
        status: 'closed',
        months: '[1,3,6,12]',
        goals_enc: null,
        outcome: outcomes[e.kind]!,
        closed_on: day,
        closed_by: 'demo-seed',
        created_by: 'demo-seed',
        created_at: c.at,
      });
  }
}

const outcomes: Partial<Record<string, string>> = {
  Reintegrated: 'reintegrated',
  PartiallyReintegrated: 'partially_reintegrated',
  NotReintegrated: 'not_reintegrated',
  LostContact: 'lost_contact',
};
