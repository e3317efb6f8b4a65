import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dbTargets } from '../../../tests/support/db';
import {
  answersFor,
  banos,
  canary,
  openStudyWorld,
  quingeo,
  type StudyWorld,
  send,
  tarqui,
} from '../../../tests/support/studies';

// A study from creation to analysis through the API: the researcher creates it and imports the Cuenca form,
// interviewers send answers (validated, sealed), the coordinator follows progress with small counts suppressed.

for (const target of dbTargets()) {
  describe(`studies on ${target.name}`, () => {
    let w: StudyWorld;
    before(async () => {
      w = await openStudyWorld(target);
    });
    after(() => w.t.close());

    it('creates a draft study in the researcher’s jurisdiction and refuses places outside it', async () => {
      const detail = await w.call(w.researcher, 'GET', `/api/studies/${w.studyId}`);
      assert.equal(detail.statusCode, 200);
      const s = detail.json();
      assert.match(s.code, /^EST-\d{4}-\d{3}$/);
      assert.equal(s.status, 'open');
      assert.deepEqual(
        s.places.map((p: { label: string }) => p.label),
        ['Baños', 'Quingeo', 'Tarqui'],
      );
      assert.equal(s.form.number, 1);
      assert.equal(s.form.definition.formId, 'trata_infantil_cuenca');
      assert.deepEqual(s.abilities, { update: true, collect: false, analyse: true, exportRaw: true });
      const outside = await w.call(w.researcher, 'POST', '/api/studies', {
        title: { es: 'Fuera' },
        purpose: { es: 'Fuera' },
        consent: { es: 'Fuera' },
        places: ['060301'],
        respondents: 'anonymous',
      });
      assert.equal(outside.statusCode, 400);
      assert.equal(outside.json().code, 'scope_outside_jurisdiction');
      const canton = await w.call(w.researcher, 'POST', '/api/studies', {
        title: { es: 'Cantón' },
        purpose: { es: 'Cantón' },
        consent: { es: 'Cantón' },
        places: ['0101'],
        respondents: 'anonymous',
      });
      assert.equal(canton.statusCode, 200, 'a canton is a place a study may cover');
      const denied = await w.call(w.interviewer, 'POST', '/api/studies', {
        title: { es: 'x' },
        purpose: { es: 'x' },
        consent: { es: 'x' },
        places: [banos],
        respondents: 'anonymous',
      });
      assert.equal(denied.statusCode, 403);
    });

    it('lists the open study to an interviewer in its places and hides it from one outside', async () => {
      const mine = await w.call(w.interviewer, 'GET', '/api/studies');
      assert.deepEqual(
        mine.json().map((s: { id: string }) => s.id),
        [w.studyId],
      );
      assert.equal(mine.json()[0].abilities.collect, true);
      const theirs = await w.call(w.outsider, 'GET', '/api/studies');
      assert.deepEqual(theirs.json(), []);
      assert.equal((await w.call(w.outsider, 'GET', `/api/studies/${w.studyId}`)).statusCode, 404);
      const got = await w.call(w.interviewer, 'GET', `/api/studies/${w.studyId}`);
      assert.equal(got.json().submissions, null, 'an interviewer does not see the count of interviews');
      assert.equal(got.json().consent.qu, '¿Chaskinkichu?');
    });

    it('stores a valid interview sealed: the typed text is not in the table, the select choices are plain facts', async () => {
      const res = await send(w, w.interviewer, banos, answersFor('parent', canary));
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.match(body.respondentCode, /^R-\d{4}$/);
      assert.equal(body.code, body.respondentCode);
      const rows = await w.t.db.handle.db.selectFrom('study_submissions').selectAll().execute();
      assert.equal(rows.length, 1);
      assert.ok(!JSON.stringify(rows).includes(canary), 'the typed text is sealed');
      const facts = JSON.parse(rows[0]!.facts);
      assert.deepEqual(facts.role, ['parent']);
      assert.deepEqual(facts.destination, ['colombia', 'quito']);
      assert.equal(facts.age, undefined, 'numbers stay in the sealed answers only');
      const audit = await w.t.db.handle.db.selectFrom('audit_log').selectAll().execute();
      assert.ok(!JSON.stringify(audit).includes(canary));
      assert.ok(audit.some((a) => a.action === 'study.submitted'));
    });

    it('refuses invalid answers with each problem at its question and stores nothing', async () => {
      const before = await w.count();
      const bad = { ...answersFor(), age: 130, children: [{ child_age: 30, destination: 'quito' }], role: 'astronaut' };
      const res = await send(w, w.interviewer, banos, bad, {}, { 'accept-language': 'qu-EC' });
      assert.equal(res.statusCode, 422);
      const fields = res.json().fields as { path: string; problem: string; message: string }[];
      const at = (p: string) => fields.find((f) => f.path === p);
      assert.equal(at('answers.age')?.problem, 'constraint');
      assert.equal(at('answers.age')?.message, 'Watakunaka 0 manta 120 kamanmi kana');
      assert.equal(at('answers.children[0].child_age')?.problem, 'constraint');
      assert.equal(at('answers.role')?.problem, 'choice');
      const noConsent = await send(w, w.interviewer, banos, answersFor(), { consent: false });
      assert.equal(noConsent.statusCode, 400);
      assert.equal(await w.count(), before);
    });

    it('answers 404 to an interviewer outside the study and 422 for a parish it does not cover', async () => {
      const before = await w.count();
      assert.equal((await send(w, w.outsider, banos, answersFor())).statusCode, 404);
      const other = await send(w, w.interviewer, '010152', answersFor());
      assert.equal(other.statusCode, 422);
      assert.equal(other.json().code, 'division_outside_study');
      assert.equal(
        (await send(w, w.researcher, banos, answersFor())).statusCode,
        404,
        'a coordinator does not collect',
      );
      const unknown = await send(w, w.interviewer, banos, answersFor(), { formVersion: 9 });
      assert.equal(unknown.statusCode, 422);
      assert.equal(await w.count(), before);
    });

    it('stores a resent interview once (Idempotency-Key and instance id)', async () => {
      const before = await w.count();
      const headers = { 'idempotency-key': 'studies-test-key-0001' };
      const first = await send(w, w.interviewer, tarqui, answersFor('teacher'), {}, headers);
      assert.equal(first.statusCode, 200, first.body);
      const again = await send(w, w.interviewer, tarqui, answersFor('teacher'), {}, headers);
      assert.equal(again.statusCode, 200);
      assert.equal(again.json().code, first.json().code);
      const withId = { instanceId: 'uuid:device-interview-0002' };
      const a = await send(w, w.interviewer, tarqui, answersFor('teacher'), withId);
      const b = await send(w, w.interviewer, tarqui, answersFor('teacher'), withId);
      assert.equal(b.json().id, a.json().id);
      assert.equal(b.json().duplicate, true);
      assert.equal(await w.count(), before + 2);
      const taken = await send(w, w.interviewer, tarqui, answersFor(), { respondentCode: a.json().respondentCode });
      assert.equal(taken.statusCode, 409);
    });

    it('shows progress by parish with a parish under k suppressed and a total that does not give it back', async () => {
      // Now: Baños 1, Tarqui 2. Bring Baños to 5 and Tarqui to 4; Quingeo gets 1 (under k = 3).
      for (let i = 0; i < 4; i++)
        assert.equal((await send(w, w.interviewer, banos, answersFor(i % 2 ? 'leader' : 'parent'))).statusCode, 200);
      for (let i = 0; i < 2; i++)
        assert.equal((await send(w, w.interviewer, tarqui, answersFor('young'))).statusCode, 200);
      assert.equal((await send(w, w.interviewer, quingeo, answersFor('parent'))).statusCode, 200);
      const res = await w.call(w.researcher, 'GET', `/api/studies/${w.studyId}/progress`);
      assert.equal(res.statusCode, 200, res.body);
      const p = res.json();
      const place = (code: string) => p.byPlace.find((x: { code: string }) => x.code === code);
      assert.deepEqual(place(quingeo).count, { value: null, suppressed: true });
      assert.equal(place(quingeo).label, 'Quingeo');
      const hidden = p.byPlace.filter((x: { count: { suppressed: boolean } }) => x.count.suppressed);
      assert.ok(p.total.suppressed || hidden.length >= 2, 'the total minus the shown parishes does not give Quingeo');
      for (const x of p.byPlace) if (!x.count.suppressed && x.count.value) assert.ok(x.count.value >= 3);
      assert.equal((await w.call(w.interviewer, 'GET', `/api/studies/${w.studyId}/progress`)).statusCode, 404);
      assert.equal((await w.call(w.donor, 'GET', `/api/studies/${w.studyId}/progress`)).statusCode, 404);
    });

    it('analyses by place × choice for the owner and for other analysts, never a count under k', async () => {
      for (const who of [w.researcher, w.donor]) {
        const res = await w.call(who, 'GET', `/api/studies/${w.studyId}/analysis?question=role&lang=qu-EC`);
        assert.equal(res.statusCode, 200, res.body);
        const a = res.json();
        assert.equal(a.question.label, 'Runapak ruray');
        assert.ok(a.choices.some((c: { label: string }) => c.label === 'Mama yaya'));
        assert.ok(a.questions.some((q: { name: string }) => q.name === 'destination'));
        for (const r of a.rows)
          for (const c of [...r.cells, r.total]) if (!c.suppressed && c.value) assert.ok(c.value >= 3);
        const q = a.rows.find((r: { code: string }) => r.code === quingeo);
        assert.equal(q.total.suppressed, true);
      }
      const none = await w.call(w.donor, 'GET', `/api/studies/${w.studyId}/analysis`);
      assert.equal(none.json().question, null);
      assert.equal((await w.call(w.interviewer, 'GET', `/api/studies/${w.studyId}/analysis`)).statusCode, 404);
      assert.equal((await w.call(w.donor, 'GET', `/api/studies/${w.studyId}/analysis?question=nope`)).statusCode, 400);
    });
  });
}
