import { todayIso } from '../../platform/clock';
import type { Context } from '../../platform/context';
import { nowIso } from '../../platform/db/index';
import { renderPdf } from '../../platform/pdf/index';
import { actorByEmail } from '../access/index';
import { CaseFiles } from '../cases/index';
import { Measures } from './measures';
import * as repo from './repo';
import { Board } from './service';

/**
 * On Demo Sisa's case in Guamote (a 14-year-old girl): the board notified and the delivery recorded with its proof,
 * a hearing, an emergency custody decided by the board awaiting the judge's ratification, and a family-support
 * measure with its review ahead. All through the services a caseworker uses; fake text only. The demo caseworker
 * belongs to the Junta of Guamote itself, and a notification's sender is the recording user's organisation, so the
 * request is written as from the Junta's technical team to its members (no other demo organisation or user).
 */
export async function seedBoardDemo(ctx: Context): Promise<void> {
  const db = ctx.db.db;
  const actor = await actorByEmail(ctx, 'tecnico.guamote@minka.demo');
  const caseId = await repo.childCaseIn(db, '060650');
  if (!actor || !caseId || (await repo.hasBoardRecords(db, caseId))) return;
  const board = new Board(ctx);
  const measures = new Measures(ctx);
  const id = 'demo-seed';
  const after = await board.notify(
    actor,
    caseId,
    {
      facts:
        'DEMO: la niña fue encontrada pidiendo caridad en la vía pública, lejos de su comunidad, con una adulta que no es su familiar (texto ficticio).',
      request:
        'DEMO: el equipo técnico de la Junta pide a sus miembros que conozcan el caso, dicten las medidas de protección que correspondan y convoquen a la familia (texto ficticio).',
      language: 'es',
    },
    id,
    'es',
  );
  const notification = after.notifications[0]!;
  const proof = await new CaseFiles(ctx).upload(
    actor,
    caseId,
    await renderPdf({
      content: [{ text: 'DEMO: fe de recepción de la Junta Cantonal de Guamote (documento ficticio)' }],
    }),
    'recepcion-junta-demo.pdf',
    id,
    'application/pdf',
  );
  await board.deliver(
    actor,
    caseId,
    notification.id,
    {
      deliveredAt: nowIso(),
      method: 'in_person',
      receiver: 'DEMO: secretaria de la Junta (nombre ficticio)',
      proofFileId: proof.id,
    },
    id,
    'es',
  );
  const today = todayIso();
  await board.hearing(
    actor,
    caseId,
    {
      heldOn: today,
      kind: 'initial',
      attendees: 'DEMO: miembros de la Junta, técnico del caso, madre de la niña (nombres ficticios)',
      outcome: 'DEMO: custodia de emergencia y apoyo a la familia (texto ficticio)',
    },
    id,
    'es',
  );
  await measures.add(
    actor,
    caseId,
    {
      type: 'emergency_custody',
      decidedOn: today,
      startOn: today,
      responsible: 'DEMO: Casa de acogida de Riobamba (ficticia)',
      notes: 'DEMO: hasta que la familia pueda recibirla con seguridad (texto ficticio)',
    },
    id,
    'es',
  );
  await measures.add(
    actor,
    caseId,
    {
      type: 'family_support',
      decidedOn: today,
      startOn: today,
      responsible: 'DEMO: Unidad de atención del MIES en Guamote (ficticia)',
    },
    id,
    'es',
  );
}
