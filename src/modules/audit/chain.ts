import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { AuditLogTable } from '../../platform/db/types';
import type { breakCodes } from './schema';

export const genesisHash = '0'.repeat(64);

type Content = Omit<AuditLogTable, 'hash'>;

const fieldsOf = (e: Content) => [
  Number(e.id),
  e.at,
  e.actor_user_id,
  e.actor_org_id,
  e.action,
  e.record_type,
  e.record_id,
  e.fields,
  e.details,
  e.request_id,
  e.prev_hash,
];

/** The plain hash of an entry from before the keyed chain: SHA-256 over its id, content and previous hash. */
export function entryHash(e: Content): string {
  return createHash('sha256')
    .update(JSON.stringify(fieldsOf(e)), 'utf8')
    .digest('hex');
}

/** The MAC of a keyed entry: HMAC-SHA256 under the audit key over the same fields and the key id. */
export function entryMac(key: Buffer, e: Content): string {
  return createHmac('sha256', key)
    .update(JSON.stringify([...fieldsOf(e), e.key_id]), 'utf8')
    .digest('hex');
}

const sameHex = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** Why verification stops at an entry: a stable code (the UI words it) and a sentence for the command line. */
export type BreakCode = (typeof breakCodes)[number];

export interface Broken {
  id: number;
  at: string | null;
  code: BreakCode;
  reason: string;
}

/** A signed head the chain must still contain (from a checkpoint file). */
export interface Anchor {
  entryId: number;
  mac: string;
  keyId: string;
  keyedFrom: number;
  file: string;
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  /** Entries from before the keyed chain (plain SHA-256, anchored by the first keyed entry's MAC). */
  legacy: number;
  /** The first entry chained with a MAC, or null when there is none yet. */
  keyedFrom: number | null;
  firstBroken?: Broken;
}

/**
 * Walks entries in id order (a batch at a time) and names the first one that is not provably unchanged: a wrong
 * MAC, a broken link, a plain hash where the keyed chain (or a signed checkpoint) says there was a MAC, or an
 * entry whose MAC differs from the one a checkpoint signed.
 */
export class ChainVerifier {
  private expectedId = 1;
  private prevHash = genesisHash;
  private keyedFrom: number | null = null;
  private legacy = 0;
  checked = 0;
  broken?: Broken;
  private readonly anchors = new Map<number, Anchor[]>();
  private readonly signedKeyedFrom: number | null;

  constructor(
    private readonly macKey: (kid: string) => Buffer | undefined,
    anchors: Anchor[] = [],
  ) {
    for (const a of anchors) this.anchors.set(a.entryId, [...(this.anchors.get(a.entryId) ?? []), a]);
    this.signedKeyedFrom = anchors.length ? Math.min(...anchors.map((a) => a.keyedFrom)) : null;
  }

  private check(e: AuditLogTable, id: number): Omit<Broken, 'id' | 'at'> | null {
    if (id !== this.expectedId)
      return id > this.expectedId
        ? { code: 'missing', reason: 'entry is missing (deleted)' }
        : { code: 'out_of_order', reason: 'entry is out of order' };
    if (e.prev_hash !== this.prevHash)
      return {
        code: 'link',
        reason: 'previous-hash link does not match (an earlier entry was changed, removed or reordered)',
      };
    if (!e.key_id) {
      if (this.keyedFrom !== null || (this.signedKeyedFrom !== null && id >= this.signedKeyedFrom))
        return { code: 'downgraded', reason: 'entry carries a plain hash where the keyed chain requires a MAC' };
      if (!sameHex(entryHash(e), e.hash))
        return { code: 'changed', reason: 'hash does not match the entry content (entry was changed)' };
      return null;
    }
    const key = this.macKey(e.key_id);
    if (!key)
      return {
        code: 'unknown_key',
        reason: `entry is chained under audit key ${e.key_id}, which this master key cannot reach`,
      };
    if (!sameHex(entryMac(key, e), e.hash))
      return { code: 'changed', reason: 'MAC does not match the entry content (entry was changed)' };
    for (const a of this.anchors.get(id) ?? [])
      if (a.mac !== e.hash || a.keyId !== e.key_id)
        return { code: 'checkpoint_mismatch', reason: `entry differs from the head signed in checkpoint ${a.file}` };
    return null;
  }

  push(entries: AuditLogTable[]): boolean {
    for (const e of entries) {
      if (this.broken) return false;
      const id = Number(e.id);
      const problem = this.check(e, id);
      if (problem) {
        const at = id === this.expectedId ? e.at : null;
        this.broken = { id: Math.min(id, this.expectedId), at, ...problem };
        return false;
      }
      if (e.key_id && this.keyedFrom === null) this.keyedFrom = id;
      if (!e.key_id) this.legacy++;
      this.prevHash = e.hash;
      this.expectedId++;
      this.checked++;
    }
    return true;
  }

  /** Compares the end of the chain with the recorded head and the signed checkpoints, which catches removed entries. */
  finish(head: { id: number; hash: string } | null): ChainCheck {
    const last = this.expectedId - 1;
    const beyond = [...this.anchors.keys()].filter((id) => id > last).sort((a, b) => a - b)[0];
    if (!this.broken && beyond !== undefined) {
      this.broken = {
        id: this.expectedId,
        at: null,
        code: 'truncated',
        reason: `chain ends at entry ${last} but checkpoint ${this.anchors.get(beyond)![0]!.file} signed entry ${beyond}: entries were deleted`,
      };
    }
    if (!this.broken && head && (head.id !== last || head.hash !== this.prevHash)) {
      this.broken = {
        id: this.expectedId,
        at: null,
        code: 'truncated',
        reason: `chain ends before the recorded head (entry ${head.id}): entries were deleted`,
      };
    }
    const base = { checked: this.checked, legacy: this.legacy, keyedFrom: this.keyedFrom };
    return this.broken ? { ok: false, ...base, firstBroken: this.broken } : { ok: true, ...base };
  }
}
