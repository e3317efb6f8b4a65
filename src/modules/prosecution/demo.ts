import { todayIso } from '../../platform/clock';
import type { Context } from '../../platform/context';
import { actorByEmail, organisationIdByName } from '../access/index';
import { demoSeedActor, RecordService } from '../cases/index';
import { seedSimulatedComplaints } from './demo-volume';
import * as repo from './repo';
import { ProsecutionService } from './service';

const daysAgo = (n: number) =>
  new Date(Date.parse(`${todayIso()}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/**
 * Demo prosecution: on the Guamote case referred to the provincial prosecutor's office (referrals demo), its
 * caseworkers record the recruiter as a perpetrator, and the demo prosecutor records the complaint at the
 * instruction stage with the charge of trafficking (COIP art. 91) and the hearing where charges were formulated.
 * Then simulated complaints with outcomes on the simulated cases, when the insights demo has made them.
 */
export async function seedProsecutionDemo(ctx: Context): Promise<void> {
  const db = ctx.db.db;
  const fiscalia = await organisationIdByName(db, 'Fiscalía Provincial de Chimborazo (demo)');
  const prosecutor = await actorByEmail(ctx, 'fiscal.chimborazo@minka.demo');
  const referred = fiscalia ? await repo.demo.caseReferredTo(db, fiscalia) : undefined;
  if (fiscalia && prosecutor && referred && !(await repo.demo.hasComplaint(db, referred.id))) {
    const owner = { ...(await demoSeedActor(ctx)), orgId: referred.owner_org_id };
    const board = await organisationIdByName(db, 'Junta Cantonal de Protección de Derechos de Guamote (demo)');
    await new RecordService(ctx).add(
      owner,
      referred.id,
      'perpetrator',
      {
        per_FirstName: 'Demo Rosendo',
        per_SecondName: 'Ficticio Captador',
        per_Gender: 'Masculine',
        per_RelationshipToVictim: 'Acquainted',
        per_RoleInProcess: ['RecruiterOrIntermediary'],
      },
      'demo-seed',
    );
    const s = new ProsecutionService(ctx);
    const view = await s.create(
      prosecutor,
      referred.id,
      {
        filedOn: daysAgo(7),
        ...(board ? { institutionOrgId: board } : { institution: 'Junta Cantonal de Guamote (demo)' }),
        prosecutorOrgId: fiscalia,
        fileNumber: 'DEMO-060601-FICTICIO',
        stage: 'previous_investigation',
      },
      'es',
      'demo-seed',
    );
    const complaint = view.complaints.at(-1)!.id;
    await s.addStage(
      prosecutor,
      referred.id,
      complaint,
      { stage: 'instruction', reachedOn: daysAgo(2) },
      'es',
      'demo-seed',
    );
    await s.setCharges(
      prosecutor,
      referred.id,
      complaint,
      { perpetratorId: view.perpetrators.at(-1)!.id, offences: ['coip_91'] },
      'es',
      'demo-seed',
    );
    await s.addHearing(
      prosecutor,
      referred.id,
      complaint,
      {
        heldOn: daysAgo(2),
        kind: 'charges_formulation',
        result: 'DEMO: se formulan cargos y se dictan medidas de protección (texto ficticio)',
      },
      'es',
      'demo-seed',
    );
  }
  await seedSimulatedComplaints(ctx);
}
