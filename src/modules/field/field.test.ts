import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { callAs } from '../../../tests/support/requests';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';

// Offline field work on the server: cases marked for the field within reach, the device's copy, revocation, and
// writes with an Idempotency-Key that apply once however often a device re-sends them.

const child = () => ({
  division: { country: 'EC', code: '060350' },
  person: {
    prs_FirstName: 'Killa',
    prs_SecondName: 'Prueba Campo',
    prs_Birthdate: `${new Date().getUTCFullYear() - 11}-03-02`,
  },
  vic_TypeOfExploitation: ['ForcedBegging'],
});

for (const target of dbTargets()) {
  describe(`offline field work on ${target.name}`, () => {
    let t: TestApp;
    let worker: Signed & { userId: string };
    let outsider: Signed;
    let admin: Signed;
    let existing: string;
    let device: string;
    let secret: string;
    const call = callAs(() => t);
    const count = async (table: 'cases' | 'case_comments' | 'case_tasks' | 'case_events' | 'record_changes') =>
      Number(
        (
          await t.db.handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, '0603');
      worker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0603', orgId: org });
      outsider = await signInNewUser(t.app, t.db.ctx, {
        role: 'caseworker',
        scope: '0101',
        orgId: await makeOrg(t.db.ctx, '0101'),
      });
      admin = await signInNewUser(t.app, t.db.ctx, { role: 'administrator', scope: '0603', orgId: org });
      const res = await call(worker, 'POST', '/api/cases', {
        division: { country: 'EC', code: '060350' },
        person: { prs_FirstName: 'Sisa', prs_SecondName: 'Prueba Ñan', prs_Birthdate: '1995-01-01' },
        vic_TypeOfExploitation: ['ForcedLabour'],
      });
      assert.equal(res.statusCode, 200, res.body);
      existing = res.json().id;
      const d = await call(worker, 'POST', '/api/field/devices', { name: 'Teléfono de campo' });
      assert.equal(d.statusCode, 200, d.body);
      device = d.json().id;
      secret = d.json().secret;
      assert.match(secret, /^[\w-]{40,}$/);
      assert.deepEqual(d.json().policy, { lockMinutes: 10, maxAttempts: 5, keepDays: 14 });
    });
    after(() => t.close());

    it('marks only cases within reach and gives the device a copy of them with the places of the jurisdiction', async () => {
      assert.equal((await call(outsider, 'PUT', `/api/field/cases/${existing}`)).statusCode, 404);
      const marked = await call(worker, 'PUT', `/api/field/cases/${existing}`);
      assert.equal(marked.statusCode, 200, marked.body);
      assert.deepEqual(marked.json().caseIds, [existing]);
      assert.equal((await call(worker, 'GET', '/api/field/package')).json().code, 'device_required');
      const pkg = await call(worker, 'GET', '/api/field/package', undefined, { 'x-minka-device': device });
      assert.equal(pkg.statusCode, 200, pkg.body);
      const body = pkg.json();
      assert.deepEqual(
        body.cases.map((c: { id: string }) => c.id),
        [existing],
      );
      assert.equal(body.cases[0].person.prs_FirstName, 'Sisa');
      assert.ok(body.divisions.some((d: { code: string; parentLabel: string }) => d.code === '060350'));
      const copied = await t.db.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('record_id', '=', existing)
        .where('action', '=', 'case.field_copied')
        .execute();
      assert.equal(copied.length, 1, 'the copy is in the case history');
      const mine = (await call(worker, 'GET', '/api/field/devices')).json();
      assert.equal(mine[0].casesHeld, 1);
      assert.ok(mine[0].lastSyncAt);
    });

    it('applies a replayed sync batch once: same answers, nothing created twice', async () => {
      const before = (await call(worker, 'GET', `/api/cases/${existing}`)).json();
      const task = await call(worker, 'POST', `/api/cases/${existing}/tasks`, {
        dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
      assert.equal(task.statusCode, 200, task.body);
      const followUp = (await call(worker, 'GET', `/api/cases/${existing}`))
        .json()
        .tasks.find((k: { kind: string }) => k.kind === 'follow_up');
      const keys = Array.from({ length: 6 }, () => randomUUID());
      const headers = (i: number) => ({ 'idempotency-key': keys[i]!, 'x-minka-device': device });
      const batch = async () => {
        const created = await call(worker, 'POST', '/api/cases', child(), headers(0));
        const id = created.json().id as string;
        return [
          created,
          await call(
            worker,
            'POST',
            `/api/cases/${id}/comments`,
            { cco_CaseComment: 'Visita en la comunidad' },
            headers(1),
          ),
          await call(
            worker,
            'POST',
            `/api/cases/${existing}/tasks/${followUp.id}/done`,
            { outcome: 'La familia recibió la visita' },
            headers(2),
          ),
          await call(
            worker,
            'POST',
            `/api/cases/${existing}/events`,
            { hte_Type: 'Exploitation', hte_Country: 'EC' },
            headers(3),
          ),
          await call(
            worker,
            'PATCH',
            `/api/cases/${existing}`,
            { version: before.version, fields: { vic_AgeWhenTrafficked: 25 } },
            headers(4),
          ),
          await call(worker, 'POST', `/api/cases/${existing}/comments`, { cco_CaseComment: 'Seguimiento' }, headers(5)),
        ];
      };
      const first = await batch();
      for (const r of first) assert.equal(r.statusCode, 200, r.body);
      const newId = first[0]!.json().id;
      const counts = {
        cases: await count('cases'),
        comments: await count('case_comments'),
        tasks: await count('case_tasks'),
        events: await count('case_events'),
        changes: await count('record_changes'),
      };
      const second = await batch();
      for (const [i, r] of second.entries()) {
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.headers['idempotent-replayed'], 'true', `request ${i} is answered from its first run`);
      }
      assert.equal(second[0]!.json().id, newId, 'the replay names the case the first run created');
      assert.ok(second[0]!.json().code, 'and its real code');
      assert.deepEqual(
        {
          cases: await count('cases'),
          comments: await count('case_comments'),
          tasks: await count('case_tasks'),
          events: await count('case_events'),
          changes: await count('record_changes'),
        },
        counts,
      );
      const created = (await call(worker, 'GET', `/api/cases/${newId}`)).json();
      assert.equal(created.tasks.filter((k: { kind: string }) => k.kind === 'notify_child_protection').length, 1);
      assert.equal(created.comments.length, 1);
      const after = (await call(worker, 'GET', `/api/cases/${existing}`)).json();
      assert.equal(
        after.tasks.find((k: { id: string }) => k.id === followUp.id).outcome,
        'La familia recibió la visita',
      );
      const raw = await t.db.handle.db
        .selectFrom('case_tasks')
        .select('outcome_enc')
        .where('id', '=', followUp.id)
        .executeTakeFirstOrThrow();
      assert.ok(raw.outcome_enc && !raw.outcome_enc.includes('familia'), 'the outcome is encrypted at rest');
    });

    it('refuses a key reused for another change, and runs a request whose first attempt failed', async () => {
      const key = randomUUID();
      const bad = await call(
        worker,
        'POST',
        `/api/cases/${existing}/comments`,
        { cco_CaseComment: '' },
        { 'idempotency-key': key },
      );
      assert.equal(bad.statusCode, 400);
      const good = await call(
        worker,
        'POST',
        `/api/cases/${existing}/comments`,
        { cco_CaseComment: 'Nota' },
        { 'idempotency-key': key },
      );
      assert.equal(good.statusCode, 200, 'a failed write frees its key');
      const other = await call(
        worker,
        'POST',
        `/api/cases/${existing}/tasks`,
        { dueAt: new Date().toISOString() },
        { 'idempotency-key': key },
      );
      assert.equal(other.statusCode, 422);
      assert.equal(other.json().code, 'idempotency_key_reused');
      const malformed = await call(
        worker,
        'POST',
        `/api/cases/${existing}/comments`,
        { cco_CaseComment: 'x' },
        { 'idempotency-key': 'no spaces!' },
      );
      assert.equal(malformed.statusCode, 400);
      assert.equal(malformed.json().code, 'idempotency_key_invalid');
    });

    it('applies two copies of one change sent at the same moment once', async () => {
      const key = randomUUID();
      const before = await count('cases');
      const [a, b] = await Promise.all([
        call(worker, 'POST', '/api/cases', child(), { 'idempotency-key': key }),
        call(worker, 'POST', '/api/cases', child(), { 'idempotency-key': key }),
      ]);
      // One applies; the other is either refused while the first runs or answered as its replay, with the same case.
      const applied = (r: typeof a) => r.statusCode === 200 && !r.headers['idempotent-replayed'];
      assert.equal([a, b].filter(applied).length, 1, `${a.body} ${b.body}`);
      const [first, second] = applied(a) ? [a, b] : [b, a];
      assert.equal(first.statusCode, 200, first.body);
      if (second.statusCode === 409) assert.equal(second.json().code, 'request_in_progress');
      else {
        assert.equal(second.statusCode, 200, second.body);
        assert.equal(second.headers['idempotent-replayed'], 'true');
        assert.equal(second.json().id, first.json().id);
      }
      assert.equal(await count('cases'), before + 1);
    });

    it('a revoked device is refused at its next contact, learns it must erase, and reports it did', async () => {
      assert.equal((await call(outsider, 'POST', `/api/field/devices/${device}/revoke`)).statusCode, 404);
      const revoked = await call(admin, 'POST', `/api/field/devices/${device}/revoke`);
      assert.equal(revoked.statusCode, 200, revoked.body);
      assert.equal(revoked.json().state, 'revoked');
      const contact = await call(worker, 'GET', '/api/field/package', undefined, { 'x-minka-device': device });
      assert.equal(contact.statusCode, 410);
      assert.equal(contact.json().code, 'device_revoked');
      const write = await call(
        worker,
        'POST',
        `/api/cases/${existing}/comments`,
        { cco_CaseComment: 'x' },
        { 'x-minka-device': device },
      );
      assert.equal(write.statusCode, 410, 'no change from a revoked device is applied');
      // Without a session, only the device itself (its secret) learns its state or reports the erasure.
      const asDevice = (method: 'GET' | 'POST', what: string, key?: string) =>
        t.app.inject({
          method,
          url: `/api/field/devices/${device}/${what}`,
          headers: key ? { 'x-minka-device-secret': key } : {},
        });
      for (const key of [undefined, 'not-the-secret']) {
        assert.equal((await asDevice('GET', 'state', key)).statusCode, 404);
        assert.equal((await asDevice('POST', 'erased', key)).statusCode, 404);
      }
      const afterForged = (await call(admin, 'GET', '/api/field/devices')).json();
      assert.equal(afterForged.find((d: { id: string }) => d.id === device).state, 'revoked');
      assert.deepEqual((await asDevice('GET', 'state', secret)).json(), { state: 'revoked' });
      assert.equal((await asDevice('POST', 'erased', secret)).statusCode, 200);
      const list = (await call(admin, 'GET', '/api/field/devices')).json();
      assert.equal(list.find((d: { id: string }) => d.id === device).state, 'erased');
      const unknown = await t.app.inject({ method: 'GET', url: `/api/field/devices/${randomUUID()}/state` });
      assert.deepEqual(unknown.json(), { state: 'revoked' });
    });
  });
}
