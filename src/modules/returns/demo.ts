import { todayIso } from '../../platform/clock';
import type { Context } from '../../platform/context';
import { renderPdf } from '../../platform/pdf/index';
import { type Actor, permissions } from '../access/index';
import { CaseFiles } from '../cases/index';
import { ensureDemoForeign } from '../directory/index';
import { addMonths, Reintegration } from './reintegration';
import { firstCaseIn, hasReturn } from './repo-demo';

const daysBefore = (day: string, days: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * A Guamote child (Demo Inti, parish Palmira 060652) received from the ICBF in Nariño (Colombia) with its request
 * document, traced to the family, assessed (the child's view, the decision to return), returned with the consulate's
 * help seven months ago by the business clock: the 1- and 3-month visits are done, the 6-month visit is overdue and
 * the 12-month visit is still due. Through the services a caseworker uses; runs once (a second run changes nothing).
 */
export async function seedReturnsDemo(ctx: Context): Promise<void> {
  const c = await firstCaseIn(ctx.db.db, '060652');
  if (!c?.assigned_user_id || (await hasReturn(ctx.db.db, c.id))) return;
  const actor: Actor = {
    userId: c.assigned_user_id,
    orgId: c.owner_org_id,
    roles: ['caseworker'],
    permissions: new Set(permissions),
    scope: { country: 'EC', code: 'EC' },
    sessionId: '',
  };
  const foreign = await ensureDemoForeign(ctx);
  const s = new Reintegration(ctx);
  const arrived = addMonths(todayIso(), -7);
  const id = 'demo-seed';
  let v = await s.addExchange(
    actor,
    c.id,
    {
      direction: 'incoming',
      authorityId: foreign.icbf,
      country: 'CO',
      division: 'CO-NAR',
      exchangedOn: daysBefore(arrived, 40),
      reference: 'DEMO-ICBF-0001 (ficticio)',
      notes: 'DEMO: el ICBF identificó al niño en Ipiales y pide el retorno (texto ficticio)',
    },
    id,
  );
  const pdf = await renderPdf({
    content: ['DEMO — Solicitud de restablecimiento de derechos (documento ficticio)', 'ICBF Regional Nariño (demo)'],
  });
  const file = await new CaseFiles(ctx).upload(actor, c.id, pdf, 'solicitud-icbf-demo.pdf', id, 'application/pdf');
  await s.addDocument(actor, c.id, v.exchanges[0]!.id, { fileId: file.id, type: 'referral_request' }, id);
  await s.addTracing(
    actor,
    c.id,
    {
      tracedOn: daysBefore(arrived, 30),
      tracedBy: 'DEMO: equipo técnico de Guamote (ficticio)',
      division: '060652',
      result: 'found',
      familyContact: 'DEMO: madre, comunidad ficticia, 099 000 0000',
      notes: 'DEMO: la familia vive en Palmira (texto ficticio)',
    },
    id,
  );
  await s.addAssessment(
    actor,
    c.id,
    {
      assessedOn: daysBefore(arrived, 20),
      assessor: 'DEMO: psicóloga del equipo técnico (ficticia)',
      findings: 'DEMO: la familia puede cuidarlo; la escuela lo recibe (texto ficticio)',
      childView: 'DEMO: quiere volver con su madre y estudiar (texto ficticio)',
      decision: 'return',
      reasons: 'DEMO: el retorno con apoyo es lo mejor para el niño (texto ficticio)',
    },
    id,
  );
  await s.addExchange(
    actor,
    c.id,
    {
      direction: 'outgoing',
      authorityId: foreign.consulate,
      country: 'CO',
      division: 'CO-NAR',
      exchangedOn: daysBefore(arrived, 10),
      notes: 'DEMO: se pide al consulado acompañar el retorno (texto ficticio)',
    },
    id,
  );
  v = await s.addReturn(
    actor,
    c.id,
    {
      fromCountry: 'CO',
      fromDivision: 'CO-NAR',
      toDivision: '060652',
      departedOn: daysBefore(arrived, 1),
      arrivedOn: arrived,
      route: 'DEMO: Ipiales – Rumichaca – Tulcán – Riobamba – Guamote (ficticio)',
      accompanyingName: 'DEMO: funcionaria consular (ficticia)',
      accompanyingRole: 'consular',
      receivingOrgId: c.owner_org_id,
      goals: 'DEMO: volver a la escuela, apoyo psicosocial a la familia (texto ficticio)',
    },
    id,
  );
  const visits = v.returns[0]?.plan?.visits ?? [];
  for (const [visit, outcome] of [
    [visits[0], 'on_track'],
    [visits[1], 'concern'],
  ] as const)
    if (visit)
      await s.recordVisit(
        actor,
        c.id,
        visit.id,
        { doneOn: daysBefore(visit.dueOn, -2), outcome, notes: 'DEMO: visita a la familia (texto ficticio)' },
        id,
      );
}
