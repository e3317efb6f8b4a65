import type { Context } from '../../platform/context';
import { AppError, notFound } from '../../platform/http/errors';
import { type Actor, userNames } from '../access/index';
import { AuditService } from '../audit/index';
import { maySupervise } from './policy';
import { RecordService } from './record';
import { fieldsSchema, type RecordType, recordFields } from './record-fields';
import * as repo from './repo-record';

// The case's history as people read it: field-level changes with old and new values (for those who reach the
// case directly), other actions in words, and reads grouped by day ("viewed 12 times by 3 people").

/**
 * Audit entries the history leaves out: reads (grouped by day instead) and the record changes themselves (shown
 * field by field from record_changes).
 */
const notShown = (action: string) =>
  action === 'case.read' ||
  action === 'case.list' ||
  action === 'case.history_read' ||
  /^case\.(case|person|event|perpetrator)_(updated|added|removed)$/.test(action) ||
  action === 'case.draft_opened';

type Value = string | number | boolean | string[] | null;
/** Fields an action moves, never restored by hand (the stage follows the draft being opened). */
const derivedOnly = new Set(['local_CaseStage']);

export class CaseHistory {
  private readonly record: RecordService;
  constructor(private readonly ctx: Context) {
    this.record = new RecordService(ctx);
  }

  async list(actor: Actor, caseId: string, requestId: string) {
    const { direct } = await this.record.access.reach(actor, caseId, 'cases:read', 'history');
    const db = this.ctx.db.db;
    // Old values are personal data too: reading them is audited like reading the case.
    await this.ctx.audit.record({
      actor,
      action: 'case.history_read',
      recordType: 'case',
      recordId: caseId,
      fields: direct ? 'values' : 'fields',
      requestId,
    });
    const changes = await repo.selectChangesOfCase(db, caseId, 300);
    const audit = await new AuditService(db).list({ recordType: 'case', recordId: caseId, limit: 1000 });
    const names = await userNames(this.ctx, [
      ...changes.map((c) => c.actor_user_id),
      ...audit.map((a) => a.actor_user_id ?? ''),
    ]);
    const who = (id: string | null) => (id ? (names.get(id) ?? '') : '');
    const latest = new Map<string, number>();
    for (const c of changes) latest.set(c.record_id, Math.max(latest.get(c.record_id) ?? 0, c.version));
    const supervisor = maySupervise(actor) && direct;
    const views = new Map<string, { count: number; readers: Set<string> }>();
    for (const a of audit.filter((e) => e.action === 'case.read')) {
      const day = a.at.slice(0, 10);
      const v = views.get(day) ?? { count: 0, readers: new Set<string>() };
      v.count++;
      v.readers.add(a.actor_user_id ?? '');
      views.set(day, v);
    }
    return {
      changes: changes.map((c) => {
        const values = direct
          ? (JSON.parse(
              this.ctx.crypto.decrypt(c.values_enc!, { table: 'record_changes', row: c.id, column: 'values' }),
            ) as [string, unknown, unknown][])
          : (JSON.parse(c.fields) as string[]).map((f) => [f, null, null] as [string, unknown, unknown]);
        return {
          id: c.id,
          at: c.at,
          actorName: who(c.actor_user_id),
          recordType: c.record_type,
          recordId: c.record_id,
          kind: c.kind,
          reason: direct
            ? this.ctx.crypto.decryptOptional(c.reason_enc, { table: 'record_changes', row: c.id, column: 'reason' })
            : null,
          fields: values.map(([field, from, to]) => ({
            field,
            from: (from ?? null) as Value,
            to: (to ?? null) as Value,
          })),
          restorable:
            supervisor && (c.kind === 'updated' || c.kind === 'restored') && !c.fields.includes('local_CaseStage'),
        };
      }),
      actions: audit
        .filter((a) => !notShown(a.action))
        .map((a) => ({ at: a.at, actorName: who(a.actor_user_id), action: a.action })),
      views: [...views.entries()].map(([day, v]) => ({
        day,
        count: v.count,
        readers: v.readers.size,
        // Named staff only (a system account or a removed user is counted, not named).
        people: [...v.readers].map(who).filter(Boolean).sort(),
      })),
    };
  }

  /** A supervisor puts back the values a change replaced (a new change, with the supervisor's reason). */
  async restore(actor: Actor, caseId: string, changeId: string, reason: string, requestId: string) {
    await this.record.writable(actor, caseId);
    if (!maySupervise(actor)) throw new AppError(403, 'forbidden');
    const change = await repo.selectChange(this.ctx.db.db, caseId, changeId);
    if (!change) throw notFound();
    if (change.kind !== 'updated' && change.kind !== 'restored') throw new AppError(409, 'change_not_restorable');
    const values = JSON.parse(
      this.ctx.crypto.decrypt(change.values_enc!, { table: 'record_changes', row: change.id, column: 'values' }),
    ) as [string, unknown, unknown][];
    const type = change.record_type as RecordType;
    const row = await repo.selectRecord(this.ctx.db.db, type, change.record_id);
    if (!row) throw new AppError(409, 'change_not_restorable');
    // A person change made before a merge belongs to the merged-away record: it cannot go onto the kept one.
    if (type === 'person') {
      const c = await repo.selectRecord(this.ctx.db.db, 'case', caseId);
      if (c?.person_id !== change.record_id) throw new AppError(409, 'change_not_restorable');
    }
    const fields = Object.fromEntries(values.filter(([f]) => !derivedOnly.has(f)).map(([f, from]) => [f, from]));
    // The values must still meet today's rules (a list may have lost a value since).
    if (!Object.keys(fields).length || !fieldsSchema(recordFields[type]).safeParse(fields).success)
      throw new AppError(409, 'change_not_restorable');
    return this.record.update({
      actor,
      caseId,
      type,
      sub: type === 'event' || type === 'perpetrator' ? change.record_id : undefined,
      fields,
      version: Number(row.version),
      reason,
      requestId,
      restores: change.id,
    });
  }
}
