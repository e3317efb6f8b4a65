import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { extractText, getDocumentProxy } from 'unpdf';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { callAs, multipart, openTestCase } from '../../../tests/support/requests';
import { setClockOffsetDays, todayIso } from '../../platform/clock';
import { renderPdf } from '../../platform/pdf/index';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';
import { addDays } from './dates';

const pdfText = async (bytes: Buffer) =>
  (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text;

interface BoardView {
  notifications: {
    id: string;
    dueAt: string | null;
    deliveredAt: string | null;
    late: boolean;
    method: string | null;
  }[];
  measures: {
    id: string;
    type: string;
    source: string;
    decidedBy: string;
    reviewOn: string | null;
    status: string;
    ratification: string | null;
    ratificationDueOn: string | null;
    reviewOverdue: boolean;
    reviews: { nextReviewOn: string | null }[];
    responsible: string;
    endedOn: string | null;
    abilities: { review: boolean; ratify: boolean; end: boolean };
  }[];
  hearings: { id: string; kind: string; outcome: string | null }[];
  abilities: { write: boolean };
}

for (const target of dbTargets()) {
  describe(`protection board on ${target.name}`, () => {
    let t: TestApp;
    let worker: Signed & { userId: string; orgId: string };
    let boss: Signed;
    let admin: Signed;
    const call = callAs(() => t);
    const board = async (s: Signed, caseId: string) => {
      const r = await call(s, 'GET', `/api/cases/${caseId}/board`);
      assert.equal(r.statusCode, 200, r.body);
      return r.json() as BoardView;
    };
    const tasks = (caseId: string, kind: string) =>
      t.db.handle.db
        .selectFrom('case_tasks')
        .select(['id', 'due_at', 'done_at', 'done_by', 'assignee_user_id'])
        .where('case_id', '=', caseId)
        .where('kind', '=', kind)
        .orderBy('created_at')
        .execute();
    const child = (first: string) =>
      openTestCase(t, worker, { code: '060650', first, second: 'Junta Prueba', age: 14 });
    const proof = async (caseId: string) => {
      const m = await multipart(await renderPdf({ content: ['Fe de recepción (prueba)'] }), 'recepcion.pdf');
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/files`,
        payload: m.payload,
        headers: { ...worker.headers, 'content-type': m.type },
      });
      assert.equal(r.statusCode, 200, r.body);
      return r.json().id as string;
    };
    const notify = async (caseId: string) => {
      const r = await call(worker, 'POST', `/api/cases/${caseId}/board/notifications`, {
        facts: 'Encontrada pidiendo caridad en Riobamba (hechos de prueba)',
        request: 'Dictar medidas de protección urgentes (pedido de prueba)',
      });
      assert.equal(r.statusCode, 200, r.body);
      return (r.json() as BoardView).notifications[0]!;
    };

    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, '0606', 'Fundación Junta (prueba)');
      worker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0606', orgId: org });
      boss = await signInNewUser(t.app, t.db.ctx, { role: 'supervisor', scope: '0606', orgId: org });
      admin = await signInNewUser(t.app, t.db.ctx, { role: 'administrator', scope: 'EC', orgId: org });
    });
    after(async () => {
      setClockOffsetDays(0);
      await t.close();
    });

    it('generates the notification as a PDF with the case code and never the name; delivery with proof closes the 24-hour task', async () => {
      const caseId = await child('Rosalinda');
      const code = (await call(worker, 'GET', `/api/cases/${caseId}`)).json().code as string;
      const [task] = await tasks(caseId, 'notify_child_protection');
      assert.ok(task && !task.done_at);
      const n = await notify(caseId);
      // Due 24 hours (the catalogue's deadline board_notification) after the child's task was opened.
      const opened = await t.db.handle.db
        .selectFrom('case_tasks')
        .select('created_at')
        .where('id', '=', task.id)
        .executeTakeFirstOrThrow();
      assert.equal(n.dueAt, new Date(Date.parse(opened.created_at) + 24 * 3_600_000).toISOString());

      const pdf = await call(worker, 'GET', `/api/cases/${caseId}/board/notifications/${n.id}/pdf`);
      assert.equal(pdf.statusCode, 200, pdf.body);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.match(String(pdf.headers['content-disposition']), new RegExp(`notificacion-junta-${code}\\.pdf`));
      assert.ok(!String(pdf.headers['content-disposition']).includes('Rosalinda'));
      const text = await pdfText(pdf.rawPayload);
      for (const expected of [
        'Notificación a la Junta Cantonal de Protección de Derechos',
        // The board with the case's canton, and the date written out in the document's language.
        'Junta Cantonal de Protección de Derechos — Guamote',
        new Intl.DateTimeFormat('es', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${todayIso()}T00:00Z`)),
        code,
        'Encontrada pidiendo caridad en Riobamba (hechos de prueba)',
        'Dictar medidas de protección urgentes (pedido de prueba)',
        'Fundación Junta (prueba)',
        'Persona Prueba caseworker',
        'CONA art. 72',
        '14',
      ])
        assert.ok(text.includes(expected), `missing "${expected}" in: ${text}`);
      assert.ok(!text.includes('Rosalinda') && !text.includes('Junta Prueba'), text);
      const english = await pdfText(
        (await call(worker, 'GET', `/api/cases/${caseId}/board/notifications/${n.id}/pdf?lang=en`)).rawPayload,
      );
      assert.ok(english.includes('Notification to the Cantonal Board for the Protection of Rights'), english);
      assert.ok(english.includes('Cantonal Board for the Protection of Rights — Guamote'), english);
      const [y, mo, da] = todayIso().split('-').map(Number) as [number, number, number];
      const month = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(
        new Date(Date.UTC(y, mo - 1, da)),
      );
      assert.ok(english.includes(`${month} ${da}, ${y}`), english);
      // Kichwa: the title and the "Pimanmi" row name the board by the same catalogue label; dates in Spanish's form.
      const kichwa = (
        await pdfText(
          (
            await call(worker, 'GET', `/api/cases/${caseId}/board/notifications/${n.id}/pdf?lang=qu-EC`)
          ).rawPayload,
        )
      ).replace(/\s+/g, ' ');
      assert.ok(kichwa.includes('Kitipak hayñikunata kamak junta — Guamoteman willay'), kichwa);
      assert.ok(kichwa.includes('Pimanmi Kitipak hayñikunata kamak junta — Guamote'), kichwa);
      assert.ok(!kichwa.includes('Junta Cantonal de Protección de Derechosman'), kichwa);
      assert.ok(
        kichwa.includes(
          ` de ${new Intl.DateTimeFormat('es', { month: 'long' }).format(new Date(Date.UTC(y, mo - 1, da)))} de ${y}`,
        ),
        kichwa,
      );

      const fileId = await proof(caseId);
      const delivered = await call(worker, 'POST', `/api/cases/${caseId}/board/notifications/${n.id}/delivery`, {
        deliveredAt: new Date().toISOString(),
        method: 'official_letter',
        receiver: 'Secretaria de la Junta (prueba)',
        proofFileId: fileId,
      });
      assert.equal(delivered.statusCode, 200, delivered.body);
      const d = (delivered.json() as BoardView).notifications[0]!;
      assert.equal(d.method, 'official_letter');
      assert.equal(d.late, false);
      const [closed] = await tasks(caseId, 'notify_child_protection');
      assert.ok(closed?.done_at);
      assert.equal(closed.done_by, worker.userId);
      const again = await call(worker, 'POST', `/api/cases/${caseId}/board/notifications/${n.id}/delivery`, {
        deliveredAt: new Date().toISOString(),
        method: 'email',
        receiver: 'Otra persona (prueba)',
        proofFileId: fileId,
      });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().code, 'board_already_delivered');

      // The audit keeps ids, codes and types: never the facts, the receiver or the child's name.
      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('record_id', '=', caseId)
        .where('action', 'like', 'board.%')
        .execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), [
        'board.notification_delivered',
        'board.notification_downloaded',
        'board.notification_downloaded',
        'board.notification_downloaded',
        'board.notification_generated',
      ]);
      for (const a of audit)
        assert.ok(!/Rosalinda|Riobamba|Secretaria|medidas de protección/.test(String(a.details)), String(a.details));
    });

    it('shows a delivery after the deadline as late, and a notification not delivered in time as overdue', async () => {
      const caseId = await child('Tardía');
      const n = await notify(caseId);
      try {
        setClockOffsetDays(2);
        const view = await board(worker, caseId);
        assert.equal((view as unknown as { notifications: { overdue: boolean }[] }).notifications[0]!.overdue, true);
        const r = await call(worker, 'POST', `/api/cases/${caseId}/board/notifications/${n.id}/delivery`, {
          deliveredAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
          method: 'in_person',
          receiver: 'Recepción de la Junta (prueba)',
          proofFileId: await proof(caseId),
        });
        assert.equal(r.statusCode, 200, r.body);
        assert.equal((r.json() as BoardView).notifications[0]!.late, true);
      } finally {
        setClockOffsetDays(0);
      }
    });

    it('defaults the review date from the catalogue; the measure is overdue after it, for the supervisor too; a review opens the next', async () => {
      const caseId = await child('Revisada');
      const today = todayIso();
      const r = await call(worker, 'POST', `/api/cases/${caseId}/board/measures`, {
        type: 'family_support',
        decidedOn: today,
        startOn: today,
        responsible: 'MIES Guamote (prueba)',
      });
      assert.equal(r.statusCode, 200, r.body);
      const m = (r.json() as BoardView).measures[0]!;
      const days = (await call(worker, 'GET', '/api/catalogues/measure_type')).json() as {
        key: string;
        data: { reviewDays: number };
      }[];
      const reviewDays = days.find((e) => e.key === 'family_support')!.data.reviewDays;
      assert.equal(m.reviewOn, addDays(today, reviewDays));
      assert.equal(m.source, 'CONA art. 217 num. 1');
      assert.equal(m.decidedBy, 'board');
      assert.equal(m.ratification, null);
      assert.equal(m.reviewOverdue, false);
      const [task] = await tasks(caseId, 'measure_review');
      assert.equal(task?.due_at.slice(0, 10), m.reviewOn);
      assert.equal(task?.assignee_user_id, worker.userId);
      const overdueOf = async (s: Signed) =>
        ((await call(s, 'GET', '/api/supervision/overdue')).json() as { caseId: string; kind: string }[]).filter(
          (x) => x.caseId === caseId && x.kind === 'measure_review',
        );
      assert.equal((await overdueOf(boss)).length, 0);
      try {
        setClockOffsetDays(reviewDays);
        assert.equal((await board(worker, caseId)).measures[0]!.reviewOverdue, false, 'due today is on time');
        setClockOffsetDays(reviewDays + 1);
        assert.equal((await board(worker, caseId)).measures[0]!.reviewOverdue, true);
        assert.equal((await overdueOf(boss)).length, 1);
        const mine = (await call(worker, 'GET', '/api/me/work')).json() as {
          caseId: string;
          kind: string;
          overdue: boolean;
        }[];
        assert.ok(mine.some((w) => w.caseId === caseId && w.kind === 'measure_review' && w.overdue));
        const reviewed = await call(worker, 'POST', `/api/cases/${caseId}/board/measures/${m.id}/reviews`, {
          reviewedOn: todayIso(),
          outcome: 'maintained',
          notes: 'La familia cumple (prueba)',
          nextReviewOn: addDays(todayIso(), 60),
        });
        assert.equal(reviewed.statusCode, 200, reviewed.body);
        const after = (reviewed.json() as BoardView).measures[0]!;
        assert.equal(after.reviewOverdue, false);
        assert.equal(after.reviewOn, addDays(todayIso(), 60));
        assert.equal(after.reviews[0]?.nextReviewOn, addDays(todayIso(), 60));
        const all = await tasks(caseId, 'measure_review');
        assert.equal(all.length, 2);
        assert.ok(all[0]?.done_at);
        assert.equal(all[1]?.done_at, null);
        assert.equal((await overdueOf(boss)).length, 0);
      } finally {
        setClockOffsetDays(0);
      }
    });

    it('a measure that needs ratification is due for it; the judge’s answer is recorded; a refusal revokes it', async () => {
      const caseId = await child('Ratificada');
      const today = todayIso();
      const known = new Set<string>();
      const add = async () => {
        const r = await call(worker, 'POST', `/api/cases/${caseId}/board/measures`, {
          type: 'emergency_custody',
          decidedOn: today,
          startOn: today,
          responsible: 'Casa de acogida (prueba)',
        });
        assert.equal(r.statusCode, 200, r.body);
        const m = (r.json() as BoardView).measures.find((x) => !known.has(x.id))!;
        known.add(m.id);
        return m;
      };
      const m = await add();
      assert.equal(m.ratification, 'pending');
      assert.equal(m.ratificationDueOn, addDays(today, 3));
      assert.equal(m.reviewOn, addDays(today, 30));
      const [task] = await tasks(caseId, 'measure_ratification');
      assert.equal(task?.due_at.slice(0, 10), addDays(today, 3));
      const ratified = await call(worker, 'POST', `/api/cases/${caseId}/board/measures/${m.id}/ratification`, {
        answer: 'ratified',
        on: today,
        courtReference: 'Unidad Judicial de Guamote, causa 0000-prueba',
      });
      assert.equal(ratified.statusCode, 200, ratified.body);
      const done = (ratified.json() as BoardView).measures.find((x) => x.id === m.id)!;
      assert.equal(done.ratification, 'ratified');
      assert.equal(done.status, 'active');
      assert.ok((await tasks(caseId, 'measure_ratification'))[0]?.done_at);
      const twice = await call(worker, 'POST', `/api/cases/${caseId}/board/measures/${m.id}/ratification`, {
        answer: 'refused',
        on: today,
        courtReference: 'otra (prueba)',
      });
      assert.equal(twice.statusCode, 409);

      const other = await add();
      const refused = await call(worker, 'POST', `/api/cases/${caseId}/board/measures/${other.id}/ratification`, {
        answer: 'refused',
        on: today,
        courtReference: 'Unidad Judicial (prueba)',
      });
      const gone = (refused.json() as BoardView).measures.find((x) => x.id === other.id)!;
      assert.equal(gone.status, 'revoked');
      assert.equal(gone.ratification, 'refused');
      // The refused measure's own tasks close; the first measure's review stays open.
      const reviews = await tasks(caseId, 'measure_review');
      assert.equal(reviews.filter((x) => !x.done_at).length, 1);
    });

    it('refuses bad input at the field with a 4xx, and nothing changes', async () => {
      const caseId = await child('Errónea');
      const today = todayIso();
      const count = async () =>
        Number(
          (
            await t.db.handle.db
              .selectFrom('board_measures')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('case_id', '=', caseId)
              .executeTakeFirstOrThrow()
          ).n,
        );
      const base = { decidedOn: today, startOn: today, responsible: 'Institución (prueba)' };
      const bad = async (body: object, code: string, field: string | null, lang = 'es') => {
        const r = await call(worker, 'POST', `/api/cases/${caseId}/board/measures`, body, { 'accept-language': lang });
        assert.equal(r.statusCode, 400, r.body);
        assert.equal(r.json().code, code);
        if (field) assert.equal(r.json().fields[0].path, `body.${field}`);
        return r.json().message as string;
      };
      await bad({ ...base, type: 'no_such_measure' }, 'board_unknown_measure_type', 'type');
      const en = await bad(
        { ...base, type: 'family_support', reviewOn: today },
        'board_review_before_start',
        'reviewOn',
        'en',
      );
      assert.equal(en, 'The review date must be after the start of the measure.');
      await bad({ ...base, type: 'foster_care' }, 'board_court_reference_required', 'courtReference');
      await bad({ ...base, type: 'family_support', decidedOn: addDays(today, 2) }, 'board_date_in_future', 'decidedOn');
      await bad({ ...base, type: 'family_support', startOn: 'mañana' }, 'validation_failed', null);
      assert.equal(await count(), 0);
      assert.equal((await tasks(caseId, 'measure_review')).length, 0);
      const n = await notify(caseId);
      const r = await call(worker, 'POST', `/api/cases/${caseId}/board/notifications/${n.id}/delivery`, {
        deliveredAt: new Date().toISOString(),
        method: 'in_person',
        receiver: 'Recepción (prueba)',
        proofFileId: '00000000-0000-4000-8000-000000000000',
      });
      assert.equal(r.statusCode, 400);
      assert.equal(r.json().fields[0].path, 'body.proofFileId');
      assert.equal((await tasks(caseId, 'notify_child_protection'))[0]?.done_at, null);
      // A judge's order carries its court reference and no ratification.
      const judge = await call(worker, 'POST', `/api/cases/${caseId}/board/measures`, {
        ...base,
        type: 'foster_care',
        courtReference: 'Unidad Judicial (prueba), auto 1',
      });
      assert.equal(judge.statusCode, 200, judge.body);
      const j = (judge.json() as BoardView).measures[0]!;
      assert.equal(j.decidedBy, 'judge');
      assert.equal(j.ratification, null);
      const ended = await call(worker, 'POST', `/api/cases/${caseId}/board/measures/${j.id}/end`, {
        status: 'ended',
        on: today,
      });
      assert.equal((ended.json() as BoardView).measures[0]!.status, 'ended');
      assert.ok((await tasks(caseId, 'measure_review'))[0]?.done_at);
    });

    it('a receiver without the measures section gets 404; with it, reads only', async () => {
      const caseId = await child('Compartida');
      await call(worker, 'POST', `/api/cases/${caseId}/board/hearings`, {
        heldOn: todayIso(),
        kind: 'initial',
        outcome: 'Custodia (prueba)',
      });
      const agree = async (sections: string[]) => {
        const orgB = await makeOrg(t.db.ctx, '0606', `Receptora ${sections.join('-')} (prueba)`);
        const s = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0606', orgId: orgB });
        const r = await call(admin, 'POST', '/api/admin/sharing-agreements', {
          fromOrgId: worker.orgId,
          toOrgId: orgB,
          sections,
          places: ['0606'],
          startsOn: '2026-01-01',
          endsOn: '2099-12-31',
          legalBasis: 'Convenio de prueba',
        });
        assert.equal(r.statusCode, 200, r.body);
        return s;
      };
      const without = await agree(['identity']);
      assert.equal((await call(without, 'GET', `/api/cases/${caseId}`)).statusCode, 200);
      assert.equal((await call(without, 'GET', `/api/cases/${caseId}/board`)).statusCode, 404);
      const reader = await agree(['measures']);
      const view = await board(reader, caseId);
      assert.equal(view.hearings[0]?.outcome, 'Custodia (prueba)');
      assert.equal(view.abilities.write, false);
      assert.equal((await board(worker, caseId)).abilities.write, true);
      const refused = await call(reader, 'POST', `/api/cases/${caseId}/board/hearings`, {
        heldOn: todayIso(),
        kind: 'review',
      });
      assert.equal(refused.statusCode, 403);
      assert.equal((await board(worker, caseId)).hearings.length, 1);
    });

    it('seals who is responsible for a measure (a relative, a foster family) and shows it decrypted', async () => {
      const caseId = await child('Sellada');
      const today = todayIso();
      const r = await call(worker, 'POST', `/api/cases/${caseId}/board/measures`, {
        type: 'family_support',
        decidedOn: today,
        startOn: today,
        responsible: 'Tía Ficticia Prueba, familia ampliada',
      });
      assert.equal(r.statusCode, 200, r.body);
      const m = (r.json() as BoardView).measures[0]!;
      assert.equal(m.responsible, 'Tía Ficticia Prueba, familia ampliada');
      const row = await t.db.handle.db
        .selectFrom('board_measures')
        .selectAll()
        .where('id', '=', m.id)
        .executeTakeFirstOrThrow();
      assert.ok(!JSON.stringify(row).includes('Ficticia'), JSON.stringify(row));
      assert.equal(
        t.db.ctx.crypto.decryptOptional(row.responsible_enc, {
          table: 'board_measures',
          row: m.id,
          column: 'responsible',
        }),
        'Tía Ficticia Prueba, familia ampliada',
      );
      // Bound to its row and column: the same ciphertext does not open as another column.
      assert.throws(() =>
        t.db.ctx.crypto.decryptOptional(row.responsible_enc, { table: 'board_measures', row: m.id, column: 'notes' }),
      );
    });

    it('an ended measure cannot be ratified or refused afterwards (409): its end stays, its ratification task closed', async () => {
      const caseId = await child('Terminada');
      const today = todayIso();
      const r = await call(worker, 'POST', `/api/cases/${caseId}/board/measures`, {
        type: 'emergency_custody',
        decidedOn: today,
        startOn: today,
        responsible: 'Casa de acogida (prueba)',
      });
      const m = (r.json() as BoardView).measures[0]!;
      assert.deepEqual(m.abilities, { review: true, ratify: true, end: true });
      const ended = await call(worker, 'POST', `/api/cases/${caseId}/board/measures/${m.id}/end`, {
        status: 'ended',
        on: today,
        reason: 'La familia la recibe (prueba)',
      });
      assert.equal(ended.statusCode, 200, ended.body);
      const e = (ended.json() as BoardView).measures[0]!;
      // The judge never answered: 'pending' stays as a fact, but nothing more can be recorded on it.
      assert.equal(e.ratification, 'pending');
      assert.deepEqual(e.abilities, { review: false, ratify: false, end: false });
      const [task] = await tasks(caseId, 'measure_ratification');
      assert.ok(task?.done_at, 'ending closed the ratification task');
      const before = await t.db.handle.db
        .selectFrom('board_measures')
        .selectAll()
        .where('id', '=', m.id)
        .executeTakeFirstOrThrow();
      const messages: string[] = [];
      for (const [lang, answer] of [
        ['es', 'refused'],
        ['en', 'ratified'],
        ['qu-EC', 'refused'],
      ] as const) {
        const late = await call(
          worker,
          'POST',
          `/api/cases/${caseId}/board/measures/${m.id}/ratification`,
          { answer, on: today, courtReference: 'Unidad Judicial (prueba)' },
          { 'accept-language': lang },
        );
        assert.equal(late.statusCode, 409, late.body);
        assert.equal(late.json().code, 'board_measure_not_active');
        messages.push(late.json().message);
      }
      assert.equal(new Set(messages).size, 3, messages.join(' | '));
      assert.ok(
        messages.every((x) => x && !x.includes('board_measure_not_active')),
        messages.join(' | '),
      );
      const after = await t.db.handle.db
        .selectFrom('board_measures')
        .selectAll()
        .where('id', '=', m.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(after, before);
      assert.equal(after.status, 'ended');
      assert.equal(after.ended_on, today);
      assert.equal(after.ratified_on, null);
      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('record_id', '=', caseId)
        .where('action', '=', 'board.measure_ratification')
        .execute();
      assert.equal(audit.length, 0);
    });

    it("refuses a measure or a hearing on an adult's case (409) the way it refuses the notification", async () => {
      const caseId = await openTestCase(t, worker, {
        code: '060650',
        first: 'Adulta',
        second: 'Junta Prueba',
        age: 30,
      });
      const today = todayIso();
      const measure = await call(worker, 'POST', `/api/cases/${caseId}/board/measures`, {
        type: 'family_support',
        decidedOn: today,
        startOn: today,
        responsible: 'MIES (prueba)',
      });
      const hearing = await call(worker, 'POST', `/api/cases/${caseId}/board/hearings`, {
        heldOn: today,
        kind: 'initial',
      });
      const notice = await call(worker, 'POST', `/api/cases/${caseId}/board/notifications`, {
        facts: 'Hechos (prueba)',
        request: 'Pedido (prueba)',
      });
      for (const r of [measure, hearing, notice]) {
        assert.equal(r.statusCode, 409, r.body);
        assert.equal(r.json().code, 'board_not_a_child');
      }
      const view = await board(worker, caseId);
      assert.equal(view.measures.length + view.hearings.length + view.notifications.length, 0);
      assert.equal((await tasks(caseId, 'measure_review')).length, 0);
    });

    it("names the authority of a measure's tasks from the authority catalogue (former keys when none is active)", async () => {
      const caseId = await child('Autoridad');
      const today = todayIso();
      const add = (type: string, extra: object = {}) =>
        call(worker, 'POST', `/api/cases/${caseId}/board/measures`, {
          type,
          decidedOn: today,
          startOn: today,
          responsible: 'Institución (prueba)',
          ...extra,
        });
      const authorities = async (kind: string) =>
        (
          await t.db.handle.db
            .selectFrom('case_tasks')
            .select('authority')
            .where('case_id', '=', caseId)
            .where('kind', '=', kind)
            .orderBy('created_at')
            .execute()
        ).map((x) => x.authority);
      assert.equal((await add('emergency_custody')).statusCode, 200);
      assert.equal((await add('foster_care', { courtReference: 'Unidad Judicial (prueba), auto 2' })).statusCode, 200);
      assert.deepEqual(await authorities('measure_review'), ['jcpd', 'family_judge']);
      assert.deepEqual(await authorities('measure_ratification'), ['family_judge']);
      const active = (key: string, on: boolean) =>
        t.db.handle.db
          .updateTable('legal_catalogue')
          .set({ active: on ? 1 : 0 })
          .where('list', '=', 'authority')
          .where('key', '=', key)
          .execute();
      await active('jcpd', false);
      await active('family_judge', false);
      try {
        assert.equal((await add('emergency_custody')).statusCode, 200);
        assert.deepEqual((await authorities('measure_review')).slice(2), ['JuntaCantonalProteccionDerechos']);
        assert.deepEqual((await authorities('measure_ratification')).slice(1), ['FamilyJudge']);
      } finally {
        await active('jcpd', true);
        await active('family_judge', true);
      }
    });

    it('a hearing more than a year ahead has its own message at the field; one within the year is recorded', async () => {
      const caseId = await child('Agendada');
      const far = await call(
        worker,
        'POST',
        `/api/cases/${caseId}/board/hearings`,
        { heldOn: addDays(todayIso(), 400), kind: 'review' },
        { 'accept-language': 'es' },
      );
      assert.equal(far.statusCode, 400, far.body);
      assert.equal(far.json().code, 'board_hearing_too_far_ahead');
      assert.equal(far.json().fields[0].path, 'body.heldOn');
      assert.match(far.json().message, /un año/);
      assert.doesNotMatch(far.json().message, /futuro/);
      assert.equal((await board(worker, caseId)).hearings.length, 0);
      const near = await call(worker, 'POST', `/api/cases/${caseId}/board/hearings`, {
        heldOn: addDays(todayIso(), 300),
        kind: 'review',
      });
      assert.equal(near.statusCode, 200, near.body);
    });
  });
}
