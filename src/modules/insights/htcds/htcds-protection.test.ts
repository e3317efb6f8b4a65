import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type Signed, signInNewUser } from '../../../../tests/support/access';
import { dbTargets } from '../../../../tests/support/db';
import { installation, sheetRows, upload } from '../../../../tests/support/htcds';
import { columnIndex, type HtcdsColumn } from './fields';

// What the protection records of issue 20 put in the HTCDS flat file: a case received from a foreign authority
// (incoming referral fields), one referred to a foreign authority (outgoing referral fields), a conviction for
// trafficking (who decided the trafficking status); returns, plans, measures, charges and sentences have no HTCDS
// column and stay out. Free text stays out of exports without personal columns.

for (const target of dbTargets()) {
  describe(`HTCDS export of cross-border and prosecution records on ${target.name}`, () => {
    let a: Awaited<ReturnType<typeof installation>>;
    let worker: Signed;
    const ids: Record<'received' | 'sent' | 'convicted' | 'decided', string> = {
      received: '',
      sent: '',
      convicted: '',
      decided: '',
    };
    const now = new Date().toISOString();
    const post = (url: string, payload: object) =>
      a.t.app.inject({ method: 'POST', url, payload, headers: a.supervisor.headers });
    const seal = (table: string, row: string, column: string, v: string) =>
      a.t.db.ctx.crypto.encryptOptional(v, { table, row, column });

    async function openCase(first: string) {
      const res = await post('/api/cases', {
        division: { country: 'EC', code: '0606' },
        person: { prs_FirstName: first, prs_SecondName: 'Ficticia Prueba', prs_Gender: 'Feminine' },
        local_AgeAtIntake: 14,
        vic_TypeOfExploitation: ['ForcedBegging'],
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().id as string;
    }
    async function authority(name: string, kind: string, country: string, division: string) {
      const id = randomUUID();
      await a.t.db.handle.db
        .insertInto('providers')
        .values({
          id,
          organisation_id: null,
          name,
          country_code: country,
          division_code: division,
          services: '[]',
          min_age: null,
          max_age: null,
          sexes: '[]',
          contact: null,
          hours: null,
          active: 1,
          kind,
          created_at: now,
          updated_at: now,
        })
        .execute();
      return id;
    }
    async function exchange(caseId: string, direction: string, providerId: string, on: string, notes: string) {
      const id = randomUUID();
      await a.t.db.handle.db
        .insertInto('cross_border_exchanges')
        .values({
          id,
          case_id: caseId,
          direction,
          authority_provider_id: providerId,
          country: 'CO',
          division: 'CO-NAR',
          exchanged_on: on,
          reference_enc: seal('cross_border_exchanges', id, 'reference', 'REF-PRUEBA-1'),
          notes_enc: seal('cross_border_exchanges', id, 'notes', notes),
          created_by: a.supervisor.userId,
          created_at: now,
        })
        .execute();
    }
    async function complaint(caseId: string, offence: string, outcome: 'conviction' | 'acquittal') {
      const perp = await post(`/api/cases/${caseId}/perpetrators`, { per_RoleInProcess: ['Exploiter'] });
      assert.equal(perp.statusCode, 200, perp.body);
      const perpetrator = await a.t.db.handle.db
        .selectFrom('case_perpetrators')
        .select('id')
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow();
      const db = a.t.db.handle.db;
      const complaintId = randomUUID();
      const suspectId = randomUUID();
      await db
        .insertInto('complaints')
        .values({
          id: complaintId,
          case_id: caseId,
          filed_on: '2026-03-02',
          institution: null,
          institution_org_id: null,
          prosecutor_office: null,
          prosecutor_org_id: null,
          file_number_enc: seal('complaints', complaintId, 'file_number', '060101826030001'),
          stage: 'trial',
          charged_on: '2026-05-10',
          outcome,
          outcome_on: '2026-11-20',
          sentence_months: outcome === 'conviction' ? 156 : null,
          fine_amount: null,
          reparation_enc: null,
          reparation_amount: null,
          created_by: a.supervisor.userId,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await db
        .insertInto('complaint_suspects')
        .values({
          id: suspectId,
          complaint_id: complaintId,
          case_id: caseId,
          perpetrator_id: perpetrator.id,
          outcome: null,
          sentence_months: null,
          fine_amount: null,
          created_by: a.supervisor.userId,
          created_at: now,
        })
        .execute();
      await db
        .insertInto('complaint_charges')
        .values({
          id: randomUUID(),
          complaint_id: complaintId,
          case_id: caseId,
          suspect_id: suspectId,
          offence,
          created_by: a.supervisor.userId,
          created_at: now,
        })
        .execute();
    }
    /** The export's data rows by the order the cases were opened (the export's own order). */
    async function exported(s: Signed) {
      const res = await a.t.app.inject({ url: '/api/insights/htcds.xlsx', headers: s.headers });
      assert.equal(res.statusCode, 200, res.body);
      const rows = (await sheetRows(res.rawPayload)).slice(2);
      assert.equal(rows.length, 4);
      const order = ['received', 'sent', 'convicted', 'decided'] as const;
      return {
        bytes: res.rawPayload,
        cell: (which: (typeof order)[number], col: HtcdsColumn) => rows[order.indexOf(which)]![columnIndex.get(col)!],
      };
    }

    before(async () => {
      a = await installation(target);
      worker = await signInNewUser(a.t.app, a.t.db.ctx, { role: 'caseworker', scope: '06', orgId: a.org });
      ids.received = await openCase('Sisa Recibida');
      ids.sent = await openCase('Nina Enviada');
      ids.convicted = await openCase('Kuri Sentencia');
      ids.decided = await openCase('Wayra Decidida');
      const icbf = await authority('ICBF Centro Zonal Ipiales (prueba)', 'authority', 'CO', 'CO-NAR');
      const consulate = await authority('Consulado del Ecuador en Ipiales (prueba)', 'consulate', 'CO', 'CO-NAR');
      // Received from the ICBF; later the consulate was sent the return papers (an outgoing exchange too, which
      // does not replace the incoming one).
      await exchange(ids.received, 'incoming', icbf, '2026-10-01', 'Niña identificada en Ipiales (nota de prueba)');
      await exchange(ids.sent, 'outgoing', icbf, '2026-09-15', 'Remitida al ICBF (nota de prueba)');
      await exchange(ids.sent, 'outgoing', consulate, '2026-10-20', 'Remitida al consulado (nota de prueba)');
      await complaint(ids.convicted, 'coip_91', 'conviction');
      // A case whose own decision stands: a conviction does not replace it.
      const decided = await post(`/api/cases/${ids.decided}/decision`, {
        vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
        vic_TraffickingStatusDecisionMakingOrg: 'NGO',
        reason: 'Indicadores de prueba',
      });
      assert.equal(decided.statusCode, 200, decided.body);
      await complaint(ids.decided, 'coip_91', 'conviction');
      // An acquittal for trafficking on the received case decides nothing.
      await complaint(ids.received, 'coip_91', 'acquittal');
    });
    after(() => a?.t.close());

    it('maps a case received from a foreign authority to the incoming referral fields', async () => {
      const { cell } = await exported(a.supervisor);
      assert.equal(cell('received', 'cas_ReferringOrganisation'), 'ICBF Centro Zonal Ipiales (prueba)');
      assert.equal(cell('received', 'cas_IncomingReferralDate'), '2026-10-01');
      assert.equal(cell('received', 'cas_ReasonForIncomingReferral'), 'MigrationOrChangeOfLocation');
      assert.equal(cell('received', 'cas_IncomingReferralDetails'), 'Niña identificada en Ipiales (nota de prueba)');
      assert.equal(cell('received', 'cas_ReferredOrganisation'), '', 'nothing outgoing');
      assert.equal(cell('received', 'vic_TraffickingStatus'), '', 'an acquittal decides nothing');
    });

    it('maps a case referred to a foreign authority to the outgoing referral fields (the latest)', async () => {
      const { cell } = await exported(a.supervisor);
      assert.equal(cell('sent', 'cas_ReferredOrganisation'), 'Consulado del Ecuador en Ipiales (prueba)');
      assert.equal(cell('sent', 'cas_OutgoingReferralDate'), '2026-10-20');
      assert.equal(cell('sent', 'cas_ReasonForOutgoingReferral'), 'MigrationOrChangeOfLocation');
      assert.equal(cell('sent', 'cas_OutgoingReferralDetails'), 'Remitida al consulado (nota de prueba)');
      assert.equal(cell('sent', 'cas_ReferringOrganisation'), '');
    });

    it('maps a conviction for trafficking to a court decision when the case has none', async () => {
      const { cell } = await exported(a.supervisor);
      assert.equal(cell('convicted', 'vic_TraffickingStatus'), 'ActualVictimOfTrafficking');
      assert.equal(cell('convicted', 'vic_TraffickinStatusDecisionMakingOrg'), 'CourtOrProsecution');
      assert.equal(cell('decided', 'vic_TraffickingStatus'), 'PossibleVictimOfTrafficking');
      assert.equal(cell('decided', 'vic_TraffickinStatusDecisionMakingOrg'), 'NGO', "the case's own decision stands");
      // An offence the catalogue does not mark as trafficking is no trafficking decision.
      await a.t.db.handle.db
        .updateTable('legal_catalogue')
        .set({ data: JSON.stringify({ trafficking: false }) })
        .where('list', '=', 'offence')
        .where('key', '=', 'coip_91')
        .execute();
      try {
        const again = await exported(a.supervisor);
        assert.equal(again.cell('convicted', 'vic_TraffickingStatus'), '');
        assert.equal(again.cell('convicted', 'vic_TraffickinStatusDecisionMakingOrg'), '');
      } finally {
        await a.t.db.handle.db
          .updateTable('legal_catalogue')
          .set({ data: JSON.stringify({ trafficking: true }) })
          .where('list', '=', 'offence')
          .where('key', '=', 'coip_91')
          .execute();
      }
    });

    it('keeps the free text out without exports:personal, the authorities and dates in', async () => {
      const { bytes, cell } = await exported(worker);
      assert.equal(cell('received', 'cas_ReferringOrganisation'), 'ICBF Centro Zonal Ipiales (prueba)');
      assert.equal(cell('received', 'cas_IncomingReferralDate'), '2026-10-01');
      assert.equal(cell('received', 'cas_IncomingReferralDetails'), '');
      assert.equal(cell('sent', 'cas_OutgoingReferralDetails'), '');
      assert.equal(cell('convicted', 'vic_TraffickinStatusDecisionMakingOrg'), 'CourtOrProsecution');
      const text = JSON.stringify(await sheetRows(bytes));
      assert.doesNotMatch(text, /nota de prueba|REF-PRUEBA|060101826030001|Sisa|Ficticia/);
    });

    it('writes values the HTCDS import accepts', async () => {
      const { bytes } = await exported(a.supervisor);
      const res = await upload(a.t, a.supervisor, bytes, 'htcds.xlsx', '?division=0606');
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual([res.json().valid, res.json().errors], [4, []]);
    });
  });
}
