import { createHash } from 'node:crypto';
import type { AuditLogTable } from '../../platform/db/types';

export const genesisHash = '0'.repeat(64);

/** The hash of one entry: SHA-256 over its id, content and the previous entry's hash, in a fixed order. */
export function entryHash(e: Omit<AuditLogTable, 'hash'>): string {
  const canonical = JSON.stringify([
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
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBroken?: { id: number; reason: string };
}

/** Walks entries in id order (a batch at a time) and names the first one that breaks the chain. */
export class ChainVerifier {
  private expectedId = 1;
  private prevHash = genesisHash;
  checked = 0;
  broken?: { id: number; reason: string };

  push(entries: AuditLogTable[]): boolean {
    for (const e of entries) {
      if (this.broken) return false;
      const id = Number(e.id);
      if (id !== this.expectedId) {
        this.broken = {
          id: this.expectedId,
          reason: id > this.expectedId ? 'entry is missing (deleted)' : 'entry is out of order',
        };
      } else if (e.prev_hash !== this.prevHash) {
        this.broken = {
          id,
          reason: 'previous-hash link does not match (an earlier entry was changed, removed or reordered)',
        };
      } else if (entryHash(e) !== e.hash) {
        this.broken = { id, reason: 'hash does not match the entry content (entry was changed)' };
      } else {
        this.prevHash = e.hash;
        this.expectedId++;
        this.checked++;
      }
    }
    return !this.broken;
  }

  /** Compares the end of the chain with the recorded head, which catches removal of the last entries. */
  finish(head: { id: number; hash: string } | null): ChainCheck {
    if (!this.broken && head && (head.id !== this.expectedId - 1 || head.hash !== this.prevHash)) {
      this.broken = {
        id: this.expectedId,
        reason: `chain ends before the recorded head (entry ${head.id}): entries were deleted`,
      };
    }
    return this.broken
      ? { ok: false, checked: this.checked, firstBroken: this.broken }
      : { ok: true, checked: this.checked };
  }
}
