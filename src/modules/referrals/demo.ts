import type { Context } from '../../platform/context';
import { organisationIdByName } from '../access/index';
import { demoSeedActor, FollowUps, Protection } from '../cases/index';
import * as repo from './repo';
import { ReferralService } from './service';

/**
 * Demo protection work on the first Guamote case: an overdue home visit for the caseworker, a support plan
 * waiting for the supervisor, the complaint filed, and a referral to the provincial prosecutor's office waiting
 * in its inbox (the override reason is fictitious
 * and audited like any other).
 */
export async function seedReferralsDemo(ctx: Context): Promise<void> {
  const db = ctx.db.db;
  const fiscalia = await organisationIdByName(db, 'Fiscalía Provincial de Chimborazo (demo)');
  const guamote = await repo.demo.firstCaseIn(db, '0606');
  if (!fiscalia || !guamote) return;
  const system = await demoSeedActor(ctx);
  // A home visit that is three days late, so the Guamote caseworker's work list and the supervisor's
  // overdue board have something to show.
  const caseworker = await repo.demo.caseworkerOf(db, '0606');
  if (caseworker)
    await new FollowUps(ctx).add(
      system,
      guamote.id,
      {
        dueAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
        assigneeUserId: caseworker.id,
        note: 'DEMO: visita domiciliaria (nota ficticia)',
      },
      'demo-seed',
    );
  // A support plan waiting for the Guamote supervisor's review, and the complaint already filed.
  const protection = new Protection(ctx);
  await protection.submitPlan(
    system,
    guamote.id,
    {
      spl_Objectives: 'DEMO: volver a la escuela y acompañamiento psicosocial a la familia (texto ficticio)',
      spl_ActionPlan: 'DEMO: matrícula, tres sesiones psicosociales, visita mensual (texto ficticio)',
      spl_Type: ['Education', 'local_Psychosocial', 'Legal'],
      spl_PlannedEndDate: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
    },
    'demo-seed',
  );
  await protection.addLegal(
    system,
    guamote.id,
    {
      stage: 'Complaint',
      date: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10),
      authority: 'Fiscalía Provincial de Chimborazo (demo)',
      fileNumber: 'DEMO-0000-FICTICIO',
      victimParticipates: true,
    },
    'demo-seed',
  );
  await new ReferralService(ctx).create(
    system,
    guamote.id,
    {
      toOrgId: fiscalia,
      services: ['Legal'],
      details: 'DEMO: la familia pide acompañamiento para presentar la denuncia (texto ficticio)',
      override: { reason: 'DEMO: denuncia penal de oficio (motivo ficticio)' },
    },
    'demo-seed',
  );
}
