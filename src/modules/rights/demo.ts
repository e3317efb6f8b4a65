import { todayIso } from '../../platform/clock';
import type { Context } from '../../platform/context';
import { nowIso } from '../../platform/db/index';
import { type Actor, actorByEmail } from '../access/index';
import { demoSeedActor, IntakeService } from '../cases/index';
import { RightsRequests } from './erase';
import { Holds } from './holds';
import * as repo from './repo-demo';

const daysAgo = (n: number) =>
  new Date(Date.parse(`${todayIso()}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/**
 * Demo rights, for the Cuenca supervisor: an open access request on Demo Luis's case due in 4 days, a rectification
 * of Demo Ana's record answered, and an objection of a new fictitious person left overdue with the objection flag
 * set (so their case is not referred or exported); in Colta, a closed fictitious case under a legal hold the
 * prosecutor's office asked for. Demo Sisa and Demo Inti (the journeys' people) are not touched.
 */
export async function seedRightsDemo(ctx: Context): Promise<void> {
  const db = ctx.db.db;
  if (await repo.seeded(db)) return;
  const system = await demoSeedActor(ctx);
  const supervisor = await actorByEmail(ctx, 'supervisora.cuenca@minka.demo');
  const requests = new RightsRequests(ctx);
  const days = ctx.config.MINKA_RIGHTS_DEADLINE_DAYS;
  const luis = await repo.firstCaseIn(db, '010157');
  const ana = await repo.firstCaseIn(db, '010104');
  if (supervisor && luis) {
    await requests.create(
      supervisor,
      {
        caseId: luis.id,
        right: 'access',
        requester: 'DEMO: la propia persona (texto ficticio)',
        channel: 'in_person',
        language: 'es',
        receivedOn: daysAgo(Math.max(0, days - 4)),
        note: 'DEMO: pide una copia de todo lo registrado sobre él (texto ficticio)',
      },
      'demo-seed',
    );
  }
  if (supervisor && ana) {
    const logged = await requests.create(
      supervisor,
      {
        caseId: ana.id,
        right: 'rectification',
        requester: 'DEMO: su madre, como representante (texto ficticio)',
        channel: 'letter',
        language: 'es',
        receivedOn: daysAgo(Math.min(20, days + 5)),
        note: 'DEMO: el año de nacimiento registrado no es el de su cédula (texto ficticio)',
      },
      'demo-seed',
    );
    await requests.answer(
      supervisor,
      logged.id,
      { outcome: 'answered', note: 'DEMO: se corrigió el registro con su motivo; se le informó por carta (ficticio)' },
      'demo-seed',
    );
  }
  if (supervisor) await objection(ctx, requests, supervisor, system, days);
  await legalHold(ctx, system);
}

/** A new fictitious person in Cuenca whose objection is overdue, with the objection flag set. */
async function objection(ctx: Context, requests: RightsRequests, supervisor: Actor, system: Actor, days: number) {
  const worker = await repo.caseworkerOrg(ctx.db.db, '0101');
  const opened = await new IntakeService(ctx).intake(
    { ...system, orgId: worker?.organisation_id ?? supervisor.orgId },
    {
      draft: false,
      division: { country: 'EC', code: '010150' },
      person: {
        prs_FirstName: 'Demo Wayra',
        prs_SecondName: 'Ficticia Oposición',
        local_BirthYear: 1995,
        prs_Gender: 'Feminine',
      },
      vic_TypeOfExploitation: ['ForcedLabour'],
    },
    'demo-seed',
  );
  const logged = await requests.create(
    supervisor,
    {
      caseId: opened.id,
      right: 'objection',
      requester: 'DEMO: la propia persona, por correo (texto ficticio)',
      channel: 'email',
      language: 'es',
      receivedOn: daysAgo(days + 10),
      note: 'DEMO: no quiere que sus datos se compartan con otras instituciones (texto ficticio)',
    },
    'demo-seed',
  );
  await requests.flag(supervisor, logged.id, 'objection', 'demo-seed');
}

/** A closed fictitious case in Colta the prosecutor's office asked to keep: under a legal hold. */
async function legalHold(ctx: Context, system: Actor) {
  const worker = await repo.caseworkerOrg(ctx.db.db, '0603');
  if (!worker) return;
  const owner = { ...system, orgId: worker.organisation_id };
  const opened = await new IntakeService(ctx).intake(
    owner,
    {
      draft: false,
      division: { country: 'EC', code: '060301' },
      person: {
        prs_FirstName: 'Demo Amaru',
        prs_SecondName: 'Ficticio Retención',
        local_BirthYear: 2001,
        prs_Gender: 'Masculine',
      },
      vic_TypeOfExploitation: ['ForcedBegging'],
    },
    'demo-seed',
  );
  await repo.closeCase(ctx.db.db, opened.id, nowIso());
  await new Holds(ctx).place(
    owner,
    opened.id,
    {
      reason: 'DEMO: la Fiscalía pidió conservar el expediente mientras investiga a la red (texto ficticio)',
      basis: 'DEMO: Fiscalía Provincial de Chimborazo, oficio FPCH-2026-0123 (ficticio)',
    },
    'demo-seed',
  );
}
