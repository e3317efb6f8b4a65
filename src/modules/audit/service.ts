import { existsSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Transaction } from 'kysely';
import type { AuditInput, Auditor } from '../../platform/audit';
import type { MasterKey } from '../../platform/crypto/keys';
import { type Db, nowIso } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';
import { type ChainCheck, ChainVerifier, entryMac, genesisHash } from './chain';
import { type CheckpointBody, type CheckpointScan, scanCheckpoints, writeCheckpoint } from './checkpoints';
import { AuditKeyring } from './keys';
import * as repo from './repo';

export type { AuditActor, AuditInput } from '../../platform/audit';

/** A chain check together with the signed checkpoints it was held against. */
export interface Verification extends ChainCheck {
  checkpoints: Omit<CheckpointScan, 'anchors'> & { dir: string | null };
}

/** The chain is broken: nothing is signed over it. */
export class AuditChainBroken extends Error {
  override name = 'AuditChainBroken';
  constructor(readonly result: Verification) {
    super(
      `audit chain broken at entry ${result.firstBroken?.id ?? '?'}: ${result.firstBroken?.reason ?? 'checkpoint problem'}`,
    );
  }
}

/**
 * Appends to the append-only audit log, each entry chained to the previous one with HMAC-SHA256 under a key
 * derived from the master key (so someone who can only write the database cannot recompute it), verifies it,
 * and signs checkpoints of its head.
 */
export class AuditService implements Auditor {
  private ring?: Promise<AuditKeyring>;

  /** Without a master key the service can only list entries. */
  constructor(
    private readonly db: Db,
    private readonly master?: MasterKey,
  ) {}

  // Opened on first use through the caller's transaction when there is one: on SQLite a query on the pool
  // while a transaction holds the only connection would wait forever.
  private keyring(q: Db | Transaction<Database> = this.db): Promise<AuditKeyring> {
    if (!this.master) throw new Error('the audit trail needs the master key to chain or verify entries');
    this.ring ??= AuditKeyring.open(q, this.master);
    return this.ring;
  }

  /** Appends one entry inside `trx` when given (so the entry commits with the change it records), else in its own transaction. */
  async record(input: AuditInput, trx?: Transaction<Database>): Promise<number> {
    const ring = await this.keyring(trx);
    if (trx) return this.append(trx, input, ring);
    return this.db.transaction().execute((t) => this.append(t, input, ring));
  }

  private async append(q: Transaction<Database>, input: AuditInput, ring: AuditKeyring): Promise<number> {
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
      key_id: ring.current,
    };
    const hash = entryMac(ring.macKey(ring.current)!, entry);
    await repo.insertEntry(q, { ...entry, hash });
    await repo.writeHead(q, { id: entry.id, hash, keyId: ring.current }, at, head !== null);
    return entry.id;
  }

  /**
   * Checks every MAC and link of the chain, and that each well-signed checkpoint in `checkpointDir` is still in
   * it with the same MAC; names the first entry that is not provably unchanged. A missing directory counts as
   * holding no checkpoints unless `requireDir` is set (then it throws).
   */
  async verify(opts: { checkpointDir?: string | null; requireDir?: boolean } = {}): Promise<Verification> {
    const ring = await this.keyring();
    const dir = opts.checkpointDir ?? null;
    const scan: CheckpointScan =
      dir && (opts.requireDir || existsSync(dir))
        ? scanCheckpoints(dir, ring)
        : { anchors: [], checked: 0, latest: null, problems: [] };
    const v = new ChainVerifier((kid) => ring.macKey(kid), scan.anchors);
    let after = 0;
    for (;;) {
      const batch = await repo.batchAfter(this.db, after, 1000);
      if (!batch.length || !v.push(batch)) break;
      after = Number(batch[batch.length - 1]!.id);
      // better-sqlite3 answers synchronously: without this turn a long chain (~0.6 s per 50,000 entries) holds
      // the server's event loop for the whole walk, at start-up and at every daily checkpoint.
      await nextTurn();
    }
    const chain = v.finish(await repo.readHead(this.db));
    const { anchors: _, ...seen } = scan;
    return { ...chain, ok: chain.ok && !scan.problems.length, checkpoints: { dir, ...seen } };
  }

  /**
   * Verifies the chain (refusing, with AuditChainBroken, to sign over a broken one), records the checkpoint as an
   * entry and writes that head, signed with Ed25519, to `dir`. The first checkpoint after an upgrade also records
   * where the keyed chain starts.
   */
  async checkpoint(dir: string): Promise<{ file: string; body: CheckpointBody }> {
    const ring = await this.keyring();
    const check = await this.verify({ checkpointDir: dir });
    if (!check.ok) throw new AuditChainBroken(check);
    if (check.keyedFrom === null && check.legacy > 0) {
      const head = await repo.readHead(this.db);
      await this.record({
        actor: null,
        action: 'audit.chain_keyed',
        details: { legacyEntries: check.legacy, legacyHead: head?.hash ?? null },
      });
    }
    await this.record({ actor: null, action: 'audit.checkpoint' });
    const last = (await repo.lastEntry(this.db))!;
    const body: CheckpointBody = {
      format: 'minka-audit-checkpoint/1',
      entryId: Number(last.id),
      mac: last.hash,
      keyId: last.key_id!,
      count: Number(last.id),
      keyedFrom: check.keyedFrom ?? check.checked + 1,
      entryAt: last.at,
      signedAt: nowIso(),
      signingKeyId: ring.current,
    };
    return { file: writeCheckpoint(dir, ring, body), body };
  }

  list(filter: repo.AuditFilter) {
    return repo.listEntries(this.db, filter);
  }
}
