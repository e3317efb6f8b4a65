import type { Transaction } from 'kysely';
import type { AuditInput, Auditor } from '../../platform/audit';
import { type Db, nowIso } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';
import { type ChainCheck, ChainVerifier, entryHash, genesisHash } from './chain';
import * as repo from './repo';

export type { AuditActor, AuditInput } from '../../platform/audit';

/** Appends to the hash-chained, append-only audit log and verifies it. */
export class AuditService implements Auditor {
  constructor(private readonly db: Db) {}

  /** Appends one entry inside `trx` when given (so the entry commits with the change it records), else in its own transaction. */
  async record(input: AuditInput, trx?: Transaction<Database>): Promise<number> {
    if (trx) return this.append(trx, input);
    return this.db.transaction().execute((t) => this.append(t, input));
  }

  private async append(q: Transaction<Database>, input: AuditInput): Promise<number> {
    const at = nowIso();
    const head = await repo.lockHead(q, at);
    const entry = {
      id: (head?.id ?? 0) + 1,
      at,
      actor_user_id: input.actor?.userId ?? null,
      actor_org_id: input.actor?.orgId ?? null,
      action: input.action,
      record_type: input.recordType ?? null,
      record_id: input.recordId ?? null,
      fields: input.fields ?? null,
      details: JSON.stringify(input.details ?? {}),
      request_id: input.requestId ?? null,
      prev_hash: head?.hash ?? genesisHash,
    };
    const hash = entryHash(entry);
    await repo.insertEntry(q, { ...entry, hash });
    await repo.writeHead(q, { id: entry.id, hash }, at, head !== null);
    return entry.id;
  }

  /** Checks the whole chain and names the first broken entry. */
  async verify(): Promise<ChainCheck> {
    const v = new ChainVerifier();
    let after = 0;
    for (;;) {
      const batch = await repo.batchAfter(this.db, after, 1000);
      if (!batch.length || !v.push(batch)) break;
      after = Number(batch[batch.length - 1]!.id);
    }
    return v.finish(await repo.readHead(this.db));
  }

  list(filter: repo.AuditFilter) {
    return repo.listEntries(this.db, filter);
  }
}
