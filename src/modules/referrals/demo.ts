import type { Context } from '../../platform/context';
import { actorByEmail, organisationIdByName, SharingAgreements } from '../access/index';
import { CareService, demoSeedActor, FollowUps, Protection } from '../cases/index';
import * as repo from './repo';
import { ReferralService } from './service';

/**
 * Demo protection work on the first Guamote case: an overdue home visit for the caseworker, a support plan
 * waiting for the supervisor, the complaint filed, and a referral to the provincial prosecutor's office, which the
 * demo prosecutor accepted (the override reason is fictitious and audited like any other): the prosecution demo
 * records the complaint through it. It sees only what a legal referral needs. Then need-to-know sharing: a health referral of the second Cuenca case, with consent, to the
 * demo shelter (identity, age, languages and health notes only), and a data-sharing agreement by which the
 * Guamote board opens some sections of its cases to the Colta municipality.
 */
export async function seedReferralsDemo(ctx: Context): Promise<void> {
  const db = ctx.db.db;
  const fiscalia = await organisationIdByName(db, 'Fiscalía Provincial de Chimborazo (demo)');
  const guamote = await repo.demo.caseIn(db, '0606');
  if (!fiscalia || !guamote) return;
  // The case's own organisation does the work (need-to-know: nobody else reaches the whole case).
  const system = { ...(await demoSeedActor(ctx)), orgId: guamote.owner_org_id };
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
  const referrals = new ReferralService(ctx);
  const referral = await referrals.create(
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
  // The prosecutor's office took the referral up before recording the proceedings on it (prosecution demo).
  const prosecutor = await actorByEmail(ctx, 'fiscal.chimborazo@minka.demo');
  if (prosecutor && referral.status === 'sent')
    await referrals.respond(prosecutor, referral.id, { accept: true }, 'demo-seed');
  await seedSharingDemo(ctx);
}

async function seedSharingDemo(ctx: Context): Promise<void> {
  const db = ctx.db.db;
  const [shelter, colta, guamoteBoard, cuenca] = await Promise.all([
    organisationIdByName(db, 'Casa de Acogida Demo (ficticia)'),
    organisationIdByName(db, 'GAD Municipal de Colta (demo)'),
    organisationIdByName(db, 'Junta Cantonal de Protección de Derechos de Guamote (demo)'),
    // The second Cuenca case: the first one is where the protection journey shows a referral without consent.
    repo.demo.caseIn(db, '0101', 1),
  ]);
  const seed = await demoSeedActor(ctx);
  if (shelter && cuenca) {
    const owner = { ...seed, orgId: cuenca.owner_org_id };
    await new CareService(ctx).addConsent(
      owner,
      cuenca.id,
      {
        scope: 'SharingWithOrganisation',
        organisationId: shelter,
        givenBy: Number(cuenca.is_minor) ? 'Guardian' : 'Self',
        giverName: 'DEMO: persona ficticia',
      },
      'demo-seed',
    );
    await new ReferralService(ctx).create(
      owner,
      cuenca.id,
      {
        toOrgId: shelter,
        services: ['Health'],
        details: 'DEMO: control médico y acogida temporal (texto ficticio)',
      },
      'demo-seed',
    );
  }
  if (colta && guamoteBoard) {
    const today = new Date().toISOString().slice(0, 10);
    const nextYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    await new SharingAgreements(ctx).create(
      seed,
      {
        fromOrgId: guamoteBoard,
        toOrgId: colta,
        sections: ['identity', 'age', 'languages', 'exploitation'],
        places: ['0606'],
        startsOn: today,
        endsOn: nextYear,
        legalBasis: 'DEMO: convenio de coordinación intercantonal (ficticio)',
      },
      'demo-seed',
    );
  }
}
