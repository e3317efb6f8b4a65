import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser, systemActor } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { submitReport } from '../../../tests/support/reports';
import { callAs } from '../../../tests/support/requests';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';
import { IntakeService } from './intake';

// The living case record: edits on a stated version, field-level merge and conflicts, derived state, drafts,
// conversion from a report, history with encrypted values and restoration.

const adult = {
  division: { country: 'EC', code: '060350' },
  person: { prs_FirstName: 'Rumi', prs_SecondName: 'Prueba Yupanqui', prs_Birthdate: '1990-05-04' },
  vic_TypeOfExploitation: ['ForcedLabour'],
};

for (const target of dbTargets()) {
  describe(`the living case record on ${target.name}`, () => {
    let t: TestApp;
    let worker: Signed & { userId: string };
    let other: Signed & { userId: string };
    let supervisor: Signed & { userId: string };
    let outsider: Signed;
    const call = callAs(() => t);
    const read = async (s: Signed, id: string) => (await call(s, 'GET', `/api/cases/${id}`)).json();
    const open = async (body: object = adult) => {
      const res = await call(worker, 'POST', '/api/cases', body);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().id as string;
    };
    const changes = (id: string) =>
      t.db.handle.db.selectFrom('record_changes').selectAll().where('case_id', '=', id).execute();

    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, '0603');
      worker = await signInNewUser(t.app, t.db.ctx, {
        role: 'caseworker',
        scope: '0603',
        orgId: org,
        name: 'Ana Prueba',
      });
      other = await signInNewUser(t.app, t.db.ctx, {
        role: 'caseworker',
        scope: '0603',
        orgId: org,
        name: 'Luis Prueba',
      });
      supervisor = await signInNewUser(t.app, t.db.ctx, { role: 'supervisor', scope: '0603', orgId: org });
      outsider = await signInNewUser(t.app, t.db.ctx, {
        role: 'caseworker',
        scope: '0101',
        orgId: await makeOrg(t.db.ctx, '0101'),
      });
    });
    after(() => t.close());

    it("correcting an adult's date of birth to a 15-year-old's makes it a minor's case with its 24-hour task", async () => {
      const id = await open();
      const before = await read(worker, id);
      assert.equal(before.isMinor, false);
      assert.equal(before.tasks.length, 0);
      const born = `${new Date().getUTCFullYear() - 15}-01-01`;
      const noReason = await call(worker, 'PATCH', `/api/cases/${id}/person`, {
        version: before.person.version,
        fields: { prs_Birthdate: born },
      });
      assert.equal(noReason.statusCode, 400, 'correcting a recorded birth date needs a reason');
      assert.equal(noReason.json().code, 'correction_needs_reason');
      const res = await call(worker, 'PATCH', `/api/cases/${id}/person`, {
        version: before.person.version,
        fields: { prs_Birthdate: born },
        reason: 'Partida de nacimiento presentada',
      });
      assert.equal(res.statusCode, 200, res.body);
      const c = res.json();
      assert.equal(c.isMinor, true);
      assert.equal(c.ageAtIntake, 15);
      assert.equal(c.person.local_BirthYear, Number(born.slice(0, 4)));
      const task = c.tasks.find((k: { kind: string }) => k.kind === 'notify_child_protection');
      assert.ok(task, 'the safeguard task exists at once');
      assert.ok(Date.parse(task.dueAt) - Date.now() <= 24 * 3600_000 + 60_000);
      const minors = (await call(worker, 'GET', '/api/cases?minor=true&limit=100')).json();
      assert.ok(
        minors.items.some((x: { id: string }) => x.id === id),
        'listed under minor',
      );
      const adults = (await call(worker, 'GET', '/api/cases?minor=false&limit=100')).json();
      assert.ok(!adults.items.some((x: { id: string }) => x.id === id));
      // The derived change is in the history, beside the correction and its reason.
      const h = (await call(worker, 'GET', `/api/cases/${id}/history`)).json();
      const correction = h.changes.find((x: { recordType: string }) => x.recordType === 'person');
      assert.equal(correction.reason, 'Partida de nacimiento presentada');
      assert.deepEqual(correction.fields, [
        { field: 'prs_Birthdate', from: '1990-05-04', to: born },
        { field: 'local_BirthYear', from: 1990, to: Number(born.slice(0, 4)) },
      ]);
      assert.equal(correction.actorName, 'Ana Prueba');
      const derived = h.changes.find((x: { kind: string }) => x.kind === 'derived');
      assert.equal(derived.restorable, false);
      assert.deepEqual(derived.fields.map((f: { field: string }) => f.field).sort(), [
        'local_AgeAtIntake',
        'local_IsMinor',
      ]);
    });

    it('answers 409 naming the field when a stale update changes a field someone else changed, and merges other fields', async () => {
      const id = await open();
      const v1 = (await read(worker, id)).version;
      const first = await call(worker, 'PATCH', `/api/cases/${id}`, {
        version: v1,
        fields: { local_MonthsExploited: 6 },
      });
      assert.equal(first.statusCode, 200, first.body);
      const stale = await call(
        other,
        'PATCH',
        `/api/cases/${id}`,
        { fields: { local_MonthsExploited: 9 } },
        { 'if-match': `"${v1}"`, 'accept-language': 'en' },
      );
      assert.equal(stale.statusCode, 409);
      const body = stale.json();
      assert.equal(body.code, 'edit_conflict');
      assert.match(body.message, /Months/);
      assert.deepEqual(body.conflicts, [{ field: 'local_MonthsExploited', yours: 9, theirs: 6 }]);
      assert.equal(body.version, v1 + 1);
      const merged = await call(other, 'PATCH', `/api/cases/${id}`, {
        version: v1,
        fields: { vic_RelationshipToTrafficker: 'Familial', local_MonthsExploited: 6 },
      });
      assert.equal(merged.statusCode, 200, merged.body);
      const c = merged.json();
      assert.equal(c.local_MonthsExploited, 6);
      assert.equal(c.vic_RelationshipToTrafficker, 'Familial');
      assert.equal(c.version, v1 + 2);
      const noVersion = await call(other, 'PATCH', `/api/cases/${id}`, { fields: { local_MonthsExploited: 1 } });
      assert.equal(noVersion.statusCode, 428);
      for (const q of ['?version=abc', '?version=1&version=1', '?version=', '?version=0'])
        assert.equal(
          (await call(other, 'PATCH', `/api/cases/${id}${q}`, { fields: { local_MonthsExploited: 1 } })).statusCode,
          400,
          `a malformed version (${q}) is refused, never taken as matching everything`,
        );
      const staleByQuery = await call(other, 'PATCH', `/api/cases/${id}?version=${v1}`, {
        fields: { local_MonthsExploited: 1 },
      });
      assert.equal(staleByQuery.statusCode, 409);
      assert.equal((await read(worker, id)).local_MonthsExploited, 6, 'a refused change changes nothing');
    });

    it('loses no change when 20 clients update the same case and person at once from one version', async () => {
      const id = await open();
      const c = await read(worker, id);
      const caseEdits: Record<string, unknown>[] = [
        { local_MonthsExploited: 3 },
        { vic_AgeWhenTrafficked: 30 },
        { vic_RelationshipToTrafficker: 'Acquainted' },
        { vic_MethodOfRecruitment: ['ThroughFamilyOrFamilyEvents'] },
        { vic_MethodsOfControl: ['DebtBondage'] },
        { vic_ForcedLabourIndustry: ['A_AgricultureForestryAndFishing'] },
        { vic_TypeOfSexExploitation: ['Pornography'] },
        { vic_Vulnerabilities: ['Poverty'] },
        { vic_DetailsOfVulnerabilities: 'Familia sin tierra (prueba)' },
        { local_Guardian: 'Tía materna (prueba)' },
      ];
      const personEdits: Record<string, unknown>[] = [
        { prs_Gender: 'Feminine' },
        { local_Ethnicity: 'Indigena' },
        { local_Languages: ['qu', 'es'] },
        { prs_PrimaryLanguage: 'qu' },
        { prs_SecondaryLanguage: 'es' },
        { prs_MaritalStatus: 'Single' },
        { prs_Citizenship: ['EC'] },
        { prs_IdentityNumber: '0600000019' },
        { local_Contact: '+593 99 000 0000 (prueba)' },
        { prs_SecondName: 'Prueba Yupanqui Quispe' },
      ];
      const results = await Promise.all([
        ...caseEdits.map((fields) => call(worker, 'PATCH', `/api/cases/${id}`, { version: c.version, fields })),
        ...personEdits.map((fields) =>
          call(other, 'PATCH', `/api/cases/${id}/person`, {
            version: c.person.version,
            fields,
            reason: 'Dato verificado',
          }),
        ),
      ]);
      assert.deepEqual(
        results.map((r) => r.statusCode),
        Array(20).fill(200),
        results.map((r) => r.body.slice(0, 200)).join('\n'),
      );
      const after = await read(worker, id);
      for (const fields of caseEdits)
        for (const [k, v] of Object.entries(fields))
          assert.deepEqual(k === 'local_Guardian' ? after.guardian : after[k], v, k);
      for (const fields of personEdits)
        for (const [k, v] of Object.entries(fields)) assert.deepEqual(after.person[k], v, k);
      assert.equal(after.version, c.version + 10);
      assert.equal(after.person.version, c.person.version + 10);
      assert.equal((await changes(id)).length, 20);
    });

    it('keeps personal values in the history encrypted at rest, readable to the case team', async () => {
      const id = await open();
      const c = await read(worker, id);
      await call(worker, 'PATCH', `/api/cases/${id}/person`, {
        version: c.person.version,
        fields: { prs_SecondName: 'Prueba Yupanki' },
        reason: 'Escritura de la cédula',
      });
      const rows = await changes(id);
      const raw = JSON.stringify(rows);
      assert.ok(!raw.includes('Yupanqui') && !raw.includes('Yupanki') && !raw.includes('cédula'), raw);
      const h = (await call(worker, 'GET', `/api/cases/${id}/history`)).json();
      assert.deepEqual(h.changes[0].fields, [
        { field: 'prs_SecondName', from: 'Prueba Yupanqui', to: 'Prueba Yupanki' },
      ]);
      // The name keys follow the correction: the new spelling finds the case.
      const found = (await call(worker, 'POST', '/api/cases/search', { name: 'Rumi Yupanki' })).json();
      assert.ok(found.items.some((x: { id: string }) => x.id === id));
      assert.equal((await call(outsider, 'GET', `/api/cases/${id}/history`)).statusCode, 404);
    });

    it('adds, edits and removes events and perpetrators, each on its own version', async () => {
      const id = await open();
      const added = await call(worker, 'POST', `/api/cases/${id}/events`, {
        hte_Type: 'Exploitation',
        hte_Country: 'CO',
        hte_City: 'Ipiales (prueba)',
        hte_Date: '2026-02',
        local_Means: ['FalsePromises'],
        vic_TypeOfExploitation: ['ForcedBegging'],
      });
      assert.equal(added.statusCode, 200, added.body);
      const e = added.json().events[0];
      assert.equal(e.hte_City, 'Ipiales (prueba)');
      const edited = await call(worker, 'PATCH', `/api/cases/${id}/events/${e.id}`, {
        version: e.version,
        fields: { local_EndDate: '2026-06' },
      });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal(edited.json().events[0].local_EndDate, '2026-06');
      const stale = await call(worker, 'DELETE', `/api/cases/${id}/events/${e.id}`, undefined, { 'if-match': '1' });
      assert.equal(stale.statusCode, 409, 'removing from a stale version is refused');
      const gone = await call(worker, 'DELETE', `/api/cases/${id}/events/${e.id}`, undefined, { 'if-match': '2' });
      assert.equal(gone.statusCode, 200, gone.body);
      assert.equal(gone.json().events.length, 0);
      const per = await call(worker, 'POST', `/api/cases/${id}/perpetrators`, {
        per_FirstName: 'Tomasa',
        per_SecondName: 'Ejemplo Falsa',
        per_RelationshipToVictim: 'Acquainted',
        per_RoleInProcess: ['RecruiterOrIntermediary'],
      });
      assert.equal(per.statusCode, 200, per.body);
      const p = per.json().perpetrators[0];
      assert.equal(p.per_FirstName, 'Tomasa');
      const bad = await call(worker, 'PATCH', `/api/cases/${id}/perpetrators/${p.id}`, {
        version: p.version,
        fields: { per_RoleInProcess: ['NotARole'] },
      });
      assert.equal(bad.statusCode, 400);
      assert.equal((await read(worker, id)).perpetrators[0].per_RoleInProcess[0], 'RecruiterOrIntermediary');
      const kinds = (await changes(id)).map((r) => `${r.record_type}:${r.kind}`).sort();
      assert.deepEqual(kinds, ['event:created', 'event:removed', 'event:updated', 'perpetrator:created']);
      const other = await open();
      const cross = await call(worker, 'PATCH', `/api/cases/${other}/perpetrators/${p.id}`, {
        version: 1,
        fields: { per_Gender: 'Feminine' },
      });
      assert.equal(cross.statusCode, 404, "another case's perpetrator is not found through this case");
    });

    it('converts a "child: yes" report into a minor draft with age unknown and forms only suggested', async () => {
      const { res } = await submitReport(t.app, {
        what: 'Una niña de unos 13 años pide dinero y trabaja en una casa (prueba)',
        division: '060350',
        forms: ['domestic', 'begging'],
        child: 'yes',
      });
      assert.equal(res.statusCode, 200);
      const report = await t.db.handle.db
        .selectFrom('reports')
        .select('id')
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      const conv = await call(worker, 'POST', `/api/reports/${report.id}/convert`, {});
      assert.equal(conv.statusCode, 200, conv.body);
      const c = await read(worker, conv.json().id);
      assert.equal(c.stage, 'Draft');
      assert.equal(c.isMinor, true);
      assert.equal(c.ageAtIntake, null);
      assert.deepEqual(c.vic_TypeOfExploitation, [], 'nothing is recorded as fact');
      assert.deepEqual(c.suggestions.vic_TypeOfExploitation.sort(), ['ForcedBegging', 'Servitude']);
      assert.deepEqual(c.missing, ['prs_FirstName', 'local_AgeAtIntake']);
      assert.ok(c.tasks.some((k: { kind: string }) => k.kind === 'notify_child_protection'));
      // Opening is refused while something is missing, then done in one action.
      const early = await call(worker, 'POST', `/api/cases/${c.id}/open`, {});
      assert.equal(early.statusCode, 400);
      assert.deepEqual(early.json().missing, ['prs_FirstName', 'local_AgeAtIntake']);
      await call(worker, 'PATCH', `/api/cases/${c.id}/person`, {
        version: c.person.version,
        fields: { prs_FirstName: 'Killa', prs_Birthdate: `${new Date().getUTCFullYear() - 13}-02-02` },
      });
      const confirmed = await call(worker, 'PATCH', `/api/cases/${c.id}`, {
        version: c.version + 1,
        fields: { vic_TypeOfExploitation: ['ForcedBegging'] },
      });
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      assert.deepEqual(confirmed.json().suggestions, {}, 'confirming clears the suggestion');
      const opened = await call(worker, 'POST', `/api/cases/${c.id}/open`, {});
      assert.equal(opened.statusCode, 200, opened.body);
      assert.equal(opened.json().stage, 'Intake');
      assert.equal(opened.json().ageAtIntake, 13);
      assert.equal(
        opened.json().tasks.filter((k: { kind: string }) => k.kind === 'notify_child_protection').length,
        1,
        'still one safeguard task',
      );
      const again = await call(worker, 'POST', `/api/reports/${report.id}/convert`, {});
      assert.equal(again.statusCode, 409);
    });

    it('converts a report once, in one transaction, even when two people convert it at the same moment', async () => {
      await submitReport(t.app, { what: 'Dos niños venden caramelos (prueba)', division: '060350', forms: 'begging' });
      const report = await t.db.handle.db
        .selectFrom('reports')
        .select('id')
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      const count = async () =>
        Number(
          (
            await t.db.handle.db
              .selectFrom('cases')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      const both = await Promise.all([
        call(worker, 'POST', `/api/reports/${report.id}/convert`, {}),
        call(other, 'POST', `/api/reports/${report.id}/convert`, {}),
      ]);
      assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409]);
      assert.equal(await count(), before + 1, 'no orphan draft from the refused conversion');
    });

    it('checks duplicates again when a name is corrected', async () => {
      const first = await open({
        ...adult,
        person: { prs_FirstName: 'Wayra', prs_SecondName: 'Prueba Chimbo', local_BirthYear: 1995 },
      });
      const second = await open({
        ...adult,
        person: { prs_FirstName: 'Wayra', prs_SecondName: 'Otra Persona', local_BirthYear: 1995 },
      });
      const c = await read(worker, second);
      assert.ok(!c.duplicates.some((d: { personId: string }) => d.personId !== c.person.id));
      const fixed = await call(worker, 'PATCH', `/api/cases/${second}/person`, {
        version: c.person.version,
        fields: { prs_SecondName: 'Prueba Chimbo' },
        reason: 'Apellido mal escrito',
      });
      assert.equal(fixed.statusCode, 200, fixed.body);
      const firstPerson = (await read(worker, first)).person.id;
      assert.ok(
        fixed.json().duplicates.some((d: { personId: string }) => d.personId === firstPerson),
        'the corrected name now matches the other record',
      );
    });

    it('lets a supervisor, not a caseworker, restore an earlier value', async () => {
      const id = await open();
      const v = (await read(worker, id)).version;
      await call(worker, 'PATCH', `/api/cases/${id}`, { version: v, fields: { local_MonthsExploited: 4 } });
      await call(worker, 'PATCH', `/api/cases/${id}`, { version: v + 1, fields: { local_MonthsExploited: 40 } });
      const h = (await call(supervisor, 'GET', `/api/cases/${id}/history`)).json();
      const wrong = h.changes[0];
      assert.equal(wrong.restorable, true);
      assert.equal((await call(worker, 'GET', `/api/cases/${id}/history`)).json().changes[0].restorable, false);
      const denied = await call(worker, 'POST', `/api/cases/${id}/history/${wrong.id}/restore`, {
        reason: 'Error de tipeo',
      });
      assert.equal(denied.statusCode, 403);
      const ok = await call(supervisor, 'POST', `/api/cases/${id}/history/${wrong.id}/restore`, {
        reason: 'Error de tipeo',
      });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().local_MonthsExploited, 4);
      const after = (await call(supervisor, 'GET', `/api/cases/${id}/history`)).json();
      assert.equal(after.changes[0].kind, 'restored');
      assert.equal(after.changes[0].reason, 'Error de tipeo');
    });

    it("shows a draft untouched for 30 days on its caseworker's work list", async () => {
      const id = await open({ ...adult, draft: true, person: { prs_SecondName: 'Borrador Prueba' } });
      const old = new Date(Date.now() - 31 * 86_400_000).toISOString();
      await t.db.handle.db.updateTable('cases').set({ updated_at: old }).where('id', '=', id).execute();
      const work = (await call(worker, 'GET', '/api/me/work')).json();
      assert.ok(work.some((w: { kind: string; caseId: string }) => w.kind === 'complete_draft' && w.caseId === id));
      const theirs = (await call(other, 'GET', '/api/me/work')).json();
      assert.ok(!theirs.some((w: { caseId: string }) => w.caseId === id));
      const fresh = await open({ ...adult, draft: true, person: { prs_SecondName: 'Reciente Prueba' } });
      const again = (await call(worker, 'GET', '/api/me/work')).json();
      assert.ok(!again.some((w: { caseId: string }) => w.caseId === fresh));
    });

    it('records a referral from outside Minka, which the HTCDS export carries', async () => {
      const id = await open();
      const c = await read(worker, id);
      const res = await call(worker, 'PATCH', `/api/cases/${id}`, {
        version: c.version,
        fields: {
          local_ReferredBy: 'DINAPEN Riobamba (prueba)',
          local_ReferredOn: '2026-11-02',
          local_ReferralReason: 'AdditionalServicesRequired',
          local_ReferralDetails: 'Encontrada en el terminal (prueba)',
        },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().local_ReferredBy, 'DINAPEN Riobamba (prueba)');
      // Free text that may name someone: only in an export with personal columns (a supervisor's).
      const csv = (await call(supervisor, 'GET', '/api/insights/htcds.csv')).body;
      const line = csv.split('\n').find((l) => l.includes('DINAPEN Riobamba (prueba)'));
      assert.ok(line?.includes('2026-11-02') && line.includes('AdditionalServicesRequired'), line);
      assert.ok(!(await call(worker, 'GET', '/api/insights/htcds.csv')).body.includes('DINAPEN Riobamba'));
      const raw = JSON.stringify(await t.db.handle.db.selectFrom('cases').selectAll().where('id', '=', id).execute());
      assert.ok(!raw.includes('DINAPEN'), 'the referrer is stored encrypted');
    });

    it('refuses to change a person who also has a case out of reach, and audits reading the history', async () => {
      const mine = await open();
      const personId = (await read(worker, mine)).person.id;
      // The same organisation opens a second case of this person in Cuenca, outside the caseworker's canton.
      const cuenca = await new IntakeService(t.db.ctx).intake(
        {
          ...systemActor,
          orgId: (
            await t.db.handle.db
              .selectFrom('cases')
              .select('owner_org_id')
              .where('id', '=', mine)
              .executeTakeFirstOrThrow()
          ).owner_org_id,
        },
        { division: { country: 'EC', code: '010150' }, personId, local_AgeAtIntake: 36 },
        'test',
      );
      const c = await read(worker, mine);
      const res = await call(worker, 'PATCH', `/api/cases/${mine}/person`, {
        version: c.person.version,
        fields: { prs_Birthdate: '2015-01-01' },
        reason: 'Prueba',
      });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().code, 'person_shared_out_of_reach');
      const other = await t.db.handle.db
        .selectFrom('cases')
        .select(['is_minor'])
        .where('id', '=', cuenca.id)
        .executeTakeFirstOrThrow();
      assert.equal(Number(other.is_minor), 0, 'the case out of reach is untouched');
      await call(worker, 'GET', `/api/cases/${mine}/history`);
      const audited = await t.db.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('record_id', '=', mine)
        .where('action', '=', 'case.history_read')
        .execute();
      assert.equal(audited.length, 1);
    });

    it('refuses bad input with a clear error and changes nothing', async () => {
      const id = await open();
      const c = await read(worker, id);
      for (const payload of [
        { version: c.version, fields: { local_Unknown: 1 } },
        { version: c.version, fields: { local_MonthsExploited: -1 } },
        { version: 'x', fields: {} },
        { version: c.version + 5, fields: { local_MonthsExploited: 2 } },
      ]) {
        const res = await call(worker, 'PATCH', `/api/cases/${id}`, payload);
        assert.equal(res.statusCode, 400, res.body);
        assert.ok(res.json().message);
      }
      const ageByHand = await call(worker, 'PATCH', `/api/cases/${id}`, {
        version: c.version,
        fields: { local_AgeAtIntake: 30 },
      });
      assert.equal(ageByHand.statusCode, 400, 'with a birth date the age follows from it');
      assert.equal(ageByHand.json().code, 'age_follows_birth_date');
      const future = await call(worker, 'PATCH', `/api/cases/${id}/person`, {
        version: c.person.version,
        fields: { prs_Birthdate: `${new Date().getUTCFullYear() + 1}-01-01` },
        reason: 'Prueba',
      });
      assert.equal(future.statusCode, 400, 'a birth date cannot be in the future');
      const minorByHand = await call(worker, 'PATCH', `/api/cases/${id}`, {
        version: c.version,
        fields: { local_IsMinor: true },
      });
      assert.equal(minorByHand.statusCode, 400, 'with an age known, being a minor follows from it');
      assert.equal(minorByHand.json().code, 'minor_flag_with_age');
      const outside = await call(worker, 'PATCH', `/api/cases/${id}`, {
        version: c.version,
        fields: { local_Division: '0101' },
      });
      assert.equal(outside.statusCode, 400);
      assert.equal((await read(worker, id)).version, c.version);
      assert.equal((await changes(id)).length, 0);
    });
  });
}
