import type { Transaction } from 'kysely';
import { fileStoreOf } from '../../platform/blobs/index';
import { todayIso } from '../../platform/clock';
import type { Context } from '../../platform/context';
import { nowIso } from '../../platform/db/index';
import { flushErased } from '../../platform/db/repo';
import type { Database } from '../../platform/db/types';
import { anonymiseCase, anonymisePerson, caseHeld } from '../rights/index';
import { applyAttachments, applyReferral } from './apply';
import { addDays, addMonths, later } from './dates';
import * as repo from './repo';
import * as due from './repo-due';
import { type RetentionSchedule, RetentionSchedules } from './schedules';
import type { RetentionRecordType } from './vocabulary';

/** A record whose schedule runs out within its warning period (or already has). */
interface Due {
  id: string;
  /** The case named in the upcoming list (a person's latest case). */
  caseId: string | null;
  /** The date the schedule runs out. */
  scheduleDue: string;
}

/** What one run did, per record type. */
export type RetentionRun = Record<string, { warned: number; held: number; applied: number; failed: number }>;

type Trx = Transaction<Database>;

/** Applies one record's schedule inside `trx`; answers how many values or files it destroyed, and files to delete after. */
type Apply = (trx: Trx, id: string) => Promise<{ count: number; blobs?: string[] }>;

// The audit record type of each schedule's records.
const auditType: Record<string, string> = {
  closed_cases: 'case',
  persons: 'person',
  referrals: 'referral',
  attachments: 'case',
};

/**
 * The daily retention run: for each record whose schedule runs out within its warning period, skips it while a legal
 * hold or an open proceeding keeps its case (marked held), else warns once (audit `retention.warning`), else, once
 * the warning period has passed and the schedule ran out, anonymises or destroys it with cause 'retention' (audit
 * `retention.applied`, counts only). Idempotent and safe on several nodes: every step is a conditional update of the
 * record's notice, and only the run that made it writes its audit entry. Audit-trail and public-report retention are
 * not done here (see the module's README section in docs/administrator.md).
 */
export async function runRetention(ctx: Context): Promise<RetentionRun> {
  const schedules = new Map((await RetentionSchedules.all(ctx)).map((s) => [s.recordType, s]));
  const today = todayIso();
  const out: RetentionRun = {};
  const get = (t: RetentionRecordType) => schedules.get(t)!;
  const db = ctx.db.db;
  const window = (s: RetentionSchedule) => addDays(addMonths(addDays(today, s.warningDays), -Number(s.months)), 1);
  const scheduleDue = (at: string, s: RetentionSchedule) => addMonths(at.slice(0, 10), Number(s.months));
  const heldCase = (caseId: string) => caseHeld(ctx, caseId);

  // Closed cases: the case's records are anonymised; the person with them when it was their last live case and the
  // persons schedule does not keep people longer.
  {
    const s = get('closed_cases');
    const list = (await due.closedCasesBefore(db, window(s))).map((c) => ({
      id: c.id,
      caseId: c.id,
      scheduleDue: scheduleDue(c.closed_at!, s),
    }));
    const persons = get('persons');
    out.closed_cases = await step(ctx, 'closed_cases', s, today, list, heldCase, async (trx, id) => {
      const c = await due.caseOf(trx, id);
      if (!c || c.anonymised_at) return { count: 0 };
      const others = (await due.casesOfPerson(trx, c.person_id)).filter((o) => o.id !== id && !o.anonymised_at);
      const opts = { actor: null, cause: 'retention' as const };
      const r =
        !others.length && Number(persons.months) <= Number(s.months)
          ? await anonymisePerson(ctx, c.person_id, opts, trx)
          : await anonymiseCase(ctx, id, opts, trx);
      return { count: r.values + r.files };
    });
  }

  // Attachments of closed cases: the files are deleted (rows now, stored bytes after the commit).
  {
    const s = get('attachments');
    const list = (await due.closedCasesWithFilesBefore(db, window(s))).map((c) => ({
      id: c.id,
      caseId: c.id,
      scheduleDue: scheduleDue(c.closed_at!, s),
    }));
    out.attachments = await step(ctx, 'attachments', s, today, list, heldCase, applyAttachments);
  }

  // Referrals: their free text is destroyed once they ended long enough ago.
  {
    const s = get('referrals');
    const rows = await due.endedReferralsBefore(db, window(s));
    const caseOf = new Map(rows.map((r) => [r.id, r.case_id]));
    const list = rows.map((r) => ({ id: r.id, caseId: r.case_id, scheduleDue: scheduleDue(r.ended_at, s) }));
    out.referrals = await step(ctx, 'referrals', s, today, list, (id) => heldCase(caseOf.get(id)!), applyReferral);
  }

  // Persons: anonymised (with every case) once all their cases are closed and the latest closure is old enough.
  {
    const s = get('persons');
    const rows = await due.personsClosedBefore(db, window(s));
    const list: Due[] = [];
    for (const p of rows) {
      const cases = await due.casesOfPerson(db, p.person_id);
      list.push({ id: p.person_id, caseId: cases[0]?.id ?? null, scheduleDue: scheduleDue(p.last_closed, s) });
    }
    const held = async (personId: string) => {
      for (const c of await due.casesOfPerson(db, personId))
        if (!c.anonymised_at && (await heldCase(c.id))) return true;
      return false;
    };
    out.persons = await step(ctx, 'persons', s, today, list, held, async (trx, id) => {
      const r = await anonymisePerson(ctx, id, { actor: null, cause: 'retention' }, trx);
      return { count: r.values + r.files };
    });
  }

  if (Object.values(out).some((r) => r.applied)) await flushErased(ctx.db);
  const failed = Object.values(out).reduce((n, r) => n + r.failed, 0);
  // The runner logs the failure and retries; the records that worked are done (their notices say so).
  if (failed) throw new Error(`retention: ${failed} record(s) could not be applied; they are retried on the next run`);
  return out;
}

/** One record type's due records through hold → warning → application; forgets notices no longer due. */
async function step(
  ctx: Context,
  type: RetentionRecordType,
  s: RetentionSchedule,
  today: string,
  list: Due[],
  isHeld: (id: string) => Promise<boolean>,
  apply: Apply,
) {
  const db = ctx.db.db;
  const r = { warned: 0, held: 0, applied: 0, failed: 0 };
  // Within the warning period (or past the schedule): never applied before both the schedule and the warning ran out.
  const current = list.filter((d) => addDays(d.scheduleDue, -s.warningDays) <= today);
  const ids = new Set(current.map((d) => d.id));
  const stale = (await repo.openNotices(db, type)).filter((n) => !ids.has(n.record_id)).map((n) => n.record_id);
  await repo.deleteOpenNotices(db, type, stale);
  for (const d of current) {
    try {
      const at = nowIso();
      await repo.ensureNotice(db, {
        record_type: type,
        record_id: d.id,
        case_id: d.caseId,
        due_on: d.scheduleDue,
        updated_at: at,
      });
      if (await isHeld(d.id)) {
        if ((await repo.markHeld(db, type, d.id, at)).length) r.held++;
        continue;
      }
      const notice = await repo.selectNotice(db, type, d.id);
      if (!notice || notice.done_at) continue;
      if (!notice.warned_at) {
        const dueOn = later(d.scheduleDue, addDays(today, s.warningDays));
        await db.transaction().execute(async (trx) => {
          if (!(await repo.markWarned(trx, type, d.id, dueOn, at)).length) return;
          r.warned++;
          await ctx.audit.record(
            {
              actor: null,
              action: 'retention.warning',
              recordType: auditType[type],
              recordId: d.id,
              details: { schedule: type, dueOn },
            },
            trx,
          );
        });
        continue;
      }
      if (notice.due_on > today) continue;
      const blobs = await db.transaction().execute(async (trx) => {
        if (!(await repo.markDone(trx, type, d.id, nowIso())).length) return null;
        const done = await apply(trx, d.id);
        r.applied++;
        await ctx.audit.record(
          {
            actor: null,
            action: 'retention.applied',
            recordType: auditType[type],
            recordId: d.id,
            details: { schedule: type, count: done.count },
          },
          trx,
        );
        return done.blobs ?? [];
      });
      // Stored bytes go only after the rows are gone for good, so a failed commit loses nothing.
      if (blobs?.length) await fileStoreOf(ctx).delete(blobs);
    } catch {
      // Nothing of this record changed (its transaction rolled back); the run goes on and reports the failure.
      r.failed++;
    }
  }
  return r;
}
