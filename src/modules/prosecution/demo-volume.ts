import { randomUUID } from 'node:crypto';
import { todayIso } from '../../platform/clock';
import type { Context } from '../../platform/context';
import { nowIso } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';
import { Catalogues } from '../catalogues/index';
import * as repo from './repo';

/**
 * Simulated complaints for the figures: every other simulated case of the insights demo (codes SIM-…) gets one,
 * filed some weeks after the case opened; of those, a third end in a conviction, one in six in an acquittal, one in
 * six dismissed, the rest still open (some prosecuted, some under previous investigation). Stages come from the
 * catalogue's order, never named here. No file numbers, no suspects, nothing personal. Runs once: cases that
 * already have a complaint are left alone. Call it after the simulated cases exist (the insights demo).
 */
export async function seedSimulatedComplaints(ctx: Context, prefix = 'SIM-'): Promise<number> {
  const db = ctx.db.db;
  const cases = await repo.demo.casesByCodePrefix(db, prefix);
  if (!cases.length) return 0;
  const stages = (await new Catalogues(ctx).entries('proceeding_stage'))
    .filter((e) => e.active)
    .sort((a, b) => a.data.order - b.data.order);
  const first = stages.find((e) => !e.data.prosecuted) ?? stages[0];
  const prosecuted = stages.filter((e) => e.data.prosecuted);
  if (!first || !prosecuted.length) return 0;
  const trial = prosecuted.at(Math.min(2, prosecuted.length - 1))!;
  const today = todayIso();
  const plus = (day: string, n: number) => {
    const d = new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    return [d, today].sort()[0]!;
  };
  const complaints: Database['complaints'][] = [];
  const history: Database['complaint_stages'][] = [];
  for (const [i, c] of cases.entries()) {
    if (i % 2 || (await repo.demo.hasComplaint(db, c.id))) continue;
    const n = i / 2;
    const id = randomUUID();
    const filedOn = plus(c.created_at.slice(0, 10), 20 + (n % 40));
    const chargedOn = plus(filedOn, 30 + (n % 30));
    const endedOn = plus(chargedOn, 90 + (n % 120));
    const kind = n % 6;
    const outcome = kind < 2 ? 'conviction' : kind === 2 ? 'acquittal' : kind === 3 ? 'dismissal' : null;
    // Dismissed ones and half of the open ones never got past the previous investigation.
    const charged = kind < 3 || (kind === 4 && endedOn < today) ? chargedOn : null;
    const reached = outcome === 'conviction' || outcome === 'acquittal' ? trial : charged ? prosecuted[0]! : first;
    const now = nowIso();
    complaints.push({
      id,
      case_id: c.id,
      filed_on: filedOn,
      institution: 'DEMO: institución simulada',
      institution_org_id: null,
      prosecutor_office: 'DEMO: fiscalía simulada',
      prosecutor_org_id: null,
      file_number_enc: null,
      stage: reached.key,
      charged_on: charged,
      outcome,
      outcome_on: outcome ? (outcome === 'dismissal' ? plus(filedOn, 90) : endedOn) : null,
      sentence_months: outcome === 'conviction' ? 96 + (n % 5) * 24 : null,
      fine_amount: null,
      reparation_enc: null,
      reparation_amount: outcome === 'conviction' ? 2_000 + (n % 4) * 1_000 : null,
      created_by: 'demo-seed',
      created_at: now,
      updated_at: now,
    });
    const stage = (key: string, on: string) =>
      history.push({
        id: randomUUID(),
        complaint_id: id,
        case_id: c.id,
        stage: key,
        reached_on: on,
        recorded_by: 'demo-seed',
        recorded_at: now,
      });
    stage(first.key, filedOn);
    if (charged) stage(prosecuted[0]!.key, chargedOn);
    if (reached.key !== first.key && reached.key !== prosecuted[0]!.key) stage(reached.key, plus(chargedOn, 120));
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < complaints.length; i += 100)
      await repo.demo.insertComplaints(trx, complaints.slice(i, i + 100));
    for (let i = 0; i < history.length; i += 100) await repo.demo.insertStages(trx, history.slice(i, i + 100));
  });
  return complaints.length;
}
