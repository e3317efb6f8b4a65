import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Context } from '../../platform/context';
import { nowIso } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';
import type { Actor } from '../access/index';
import type { RecordType } from './record-fields';
import * as repo from './repo-record';
import type { FieldChange } from './versioning';

/** One change of one record, as the history keeps it. */
export interface ChangeEntry {
  actor: Actor;
  caseId: string;
  type: RecordType;
  recordId: string;
  kind: 'created' | 'updated' | 'removed' | 'restored' | 'derived';
  /** The record's version after the change. */
  version: number;
  changes: FieldChange[];
  reason?: string;
  /** The change a supervisor restored. */
  restores?: string;
}

/** Keeps a change in the record's history: the fields in clear; old and new values and the reason sealed for this row. */
export async function rememberChange(ctx: Pick<Context, 'crypto'>, trx: Transaction<Database>, e: ChangeEntry) {
  const id = randomUUID();
  await repo.insertRecordChange(trx, {
    id,
    case_id: e.caseId,
    record_type: e.type,
    record_id: e.recordId,
    kind: e.kind,
    version: e.version,
    fields: JSON.stringify(e.changes.map((x) => x.field)),
    values_enc: ctx.crypto.encrypt(JSON.stringify(e.changes.map((x) => [x.field, x.from, x.to])), {
      table: 'record_changes',
      row: id,
      column: 'values',
    }),
    reason_enc: ctx.crypto.encryptOptional(e.reason, { table: 'record_changes', row: id, column: 'reason' }),
    restores_id: e.restores ?? null,
    actor_user_id: e.actor.userId,
    actor_org_id: e.actor.orgId,
    at: nowIso(),
  });
}
