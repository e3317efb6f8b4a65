import { todayIso } from '../../platform/clock';
import type { Context } from '../../platform/context';
import { nowIso } from '../../platform/db/index';
import { demoSeedActor, IntakeService } from '../cases/index';
import { closeDemoCase, demoCaseworkerOrg } from '../rights/index';
import { addDays, addMonths } from './dates';
import * as repo from './repo';
import { RetentionSchedules } from './schedules';

/**
 * Demo: a Cuenca case closed ten years ago, warned ten days ago, so the upcoming list is alive (due in 20 days). A new
 * fictitious person, so no journey's demo person is touched.
 */
export async function seedRetentionDemo(ctx: Context): Promise<void> {
  const system = await demoSeedActor(ctx);
  const worker = await demoCaseworkerOrg(ctx.db.db, '0101');
  const owner = { ...system, orgId: worker?.organisation_id ?? system.orgId };
  const opened = await new IntakeService(ctx).intake(
    owner,
    {
      draft: false,
      division: { country: 'EC', code: '010104' },
      person: {
        prs_FirstName: 'Demo Rumi',
        prs_SecondName: 'Ficticio Conservación',
        local_BirthYear: 1990,
        prs_Gender: 'Masculine',
      },
      vic_TypeOfExploitation: ['ForcedLabour'],
    },
    'demo-seed',
  );
  const s = (await RetentionSchedules.all(ctx)).find((x) => x.recordType === 'closed_cases')!;
  const dueOn = addDays(todayIso(), 20);
  const closedOn = addMonths(dueOn, -Number(s.months));
  await closeDemoCase(ctx.db.db, opened.id, `${closedOn}T12:00:00.000Z`);
  const warnedAt = new Date(Date.parse(nowIso()) - 10 * 86_400_000).toISOString();
  await repo.ensureNotice(ctx.db.db, {
    record_type: 'closed_cases',
    record_id: opened.id,
    case_id: opened.id,
    due_on: dueOn,
    updated_at: warnedAt,
  });
  await repo.markWarned(ctx.db.db, 'closed_cases', opened.id, dueOn, warnedAt);
  await ctx.audit.record({
    actor: null,
    action: 'retention.warning',
    recordType: 'case',
    recordId: opened.id,
    details: { schedule: 'closed_cases', dueOn },
  });
}
