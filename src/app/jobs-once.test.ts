import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../tests/support/access';
import type { TestApp } from '../../tests/support/app';
import { dbTargets, type TestDb } from '../../tests/support/db';
import { bossStates, fastBoss, memoryLog, until } from '../../tests/support/jobs';
import { openTestCase } from '../../tests/support/requests';
import { decodeMail, smtpSink } from '../../tests/support/smtp';
import { FollowUps } from '../modules/cases/index';
import { seedGeoDemo } from '../modules/geo/demo';
import { GeoService } from '../modules/geo/service';
import { PublicReports } from '../modules/reports/public';
import { RetentionService } from '../modules/reports/retention';
import type { Context } from '../platform/context';
import { type JobRunner, startJobs } from '../platform/jobs/index';
import { buildApp, modules, openContext } from './index';

// Jobs whose effects must happen once: a reminder e-mail, a purge's audit entries. Two job runners on one database
// (PostgreSQL: two nodes, each with its own pg-boss) and, on both engines, two runs of the same job at once.

const day = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

for (const target of dbTargets()) {
  describe(`jobs that run once on ${target.name}`, () => {
    let db: TestDb;
    let t: TestApp;
    let other: Context;
    let sink: Awaited<ReturnType<typeof smtpSink>>;
    let worker: Signed;
    let caseId = '';
    const reminders = () => sink.messages.filter((m) => /tarea vencida/.test(decodeMail(m)));

    /** A follow-up already overdue, assigned to the caseworker. */
    const overdueTask = async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/tasks`,
        headers: worker.headers,
        payload: { dueAt: ago(3_600_000) },
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().id as string;
    };
    /** A report past retention (and one a few days from it), never linked to a case. */
    const staleReports = async () => {
      const pub = new PublicReports(db.ctx);
      const base = { forms: ['other'], child: null, people: null, danger: false, language: 'es', withReceipt: false };
      const old = await pub.submit({ ...base, channel: 'web', what: 'Vieja prueba' });
      const soon = await pub.submit({ ...base, channel: 'web', what: 'Casi vieja prueba' });
      for (const [id, age] of [
        [old.id, 100 * day],
        [soon.id, 85 * day],
      ] as const)
        await db.ctx.db.db
          .updateTable('reports')
          .set({ updated_at: ago(age), reporter_activity_at: ago(age) })
          .where('id', '=', id)
          .execute();
      return { old: old.id, soon: soon.id };
    };
    const audited = async (action: string, recordId: string) =>
      (
        await db.ctx.db.db
          .selectFrom('audit_log')
          .select('id')
          .where('action', '=', action)
          .where('record_id', '=', recordId)
          .execute()
      ).length;

    before(async () => {
      sink = await smtpSink();
      db = await target.open({ MINKA_SMTP_URL: sink.url, MINKA_REPORT_RETENTION_DAYS: '90' });
      const app = await buildApp({ ...db.ctx, webDir: null, logLevel: 'silent' });
      await app.ready();
      t = { app, db, close: () => app.close() };
      // Two connections to one SQLite file in one process would wait on each other synchronously: on SQLite the
      // two runs share the context (and its connection), as two timers of the one node would.
      other = target.name === 'postgres' ? await openContext(db.config) : db.ctx;
      await seedGeoDemo(new GeoService(db.ctx.db.db));
      const org = await makeOrg(db.ctx, '0606');
      worker = await signInNewUser(app, db.ctx, { role: 'caseworker', scope: '0606', orgId: org });
      caseId = await openTestCase(t, worker, {
        code: '0606',
        first: 'Recordatorio',
        second: 'Prueba Ficticia',
        age: 30,
      });
    });
    after(async () => {
      await t.app.close();
      if (other !== db.ctx) await other.db.close();
      await db.cleanup();
      await sink.close();
    });

    it('two runs of the reminders at once send each reminder once, and two purges audit each report once', async () => {
      const task = await overdueTask();
      const sent = reminders().length;
      const claimed = await Promise.all([new FollowUps(db.ctx).remind(), new FollowUps(other).remind()]);
      assert.equal(claimed[0]! + claimed[1]!, 1);
      await until('the e-mail arrives', () => reminders().length > sent);
      assert.equal(reminders().length, sent + 1);
      const notes = await db.ctx.db.db.selectFrom('notifications').select('id').where('task_id', '=', task).execute();
      assert.equal(notes.length, 1);

      const r = await staleReports();
      const runs = await Promise.all([new RetentionService(db.ctx).purge(), new RetentionService(other).purge()]);
      assert.equal(runs[0]!.purged + runs[1]!.purged, 1);
      assert.equal(runs[0]!.warned + runs[1]!.warned, 1);
      assert.equal(await audited('report.purged', r.old), 1);
      assert.equal(await audited('report.purge_warning', r.soon), 1);
    });

    if (target.name === 'postgres')
      it('two nodes starting together run each start-up job once: one reminder e-mail, one audit entry per purged report', async () => {
        const task = await overdueTask();
        const r = await staleReports();
        const sent = reminders().length;
        const runners: JobRunner[] = await Promise.all(
          [db.ctx, other].map((ctx) => startJobs(ctx, modules, memoryLog(), { boss: fastBoss })),
        );
        try {
          const settled = async (queue: string) => {
            const s = await bossStates(db.ctx, queue);
            return (s.completed ?? 0) >= 1 && !s.created && !s.active && !s.retry;
          };
          await until(
            'the start-up runs complete',
            async () => (await settled('follow-up-reminders')) && (await settled('report-retention')),
          );
        } finally {
          await Promise.all(runners.map((x) => x.stop()));
        }
        assert.deepEqual(await bossStates(db.ctx, 'follow-up-reminders'), { completed: 1 });
        assert.deepEqual(await bossStates(db.ctx, 'report-retention'), { completed: 1 });
        assert.equal(reminders().length, sent + 1);
        const notes = await db.ctx.db.db.selectFrom('notifications').select('id').where('task_id', '=', task).execute();
        assert.equal(notes.length, 1);
        assert.equal(await audited('report.purged', r.old), 1);
        assert.equal(await audited('report.purge_warning', r.soon), 1);
      });
  });
}
