import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import type { Transaction } from 'kysely';
import { KeyError, type MasterKey } from '../../platform/crypto/keys';
import type { Db } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';
import * as repo from './repo';

// PKCS#8 DER header of an Ed25519 private key; the 32-byte seed follows it.
const ed25519Pkcs8 = Buffer.from('302e020100300506032b657004220420', 'hex');
const derive = (ikm: Buffer, info: string) => Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), info, 32));

// AES-256-GCM under the master key, bound to the key id and master version (kept here so the audit keyring
// does not depend on how data keys are wrapped).
function wrapKey(master: MasterKey, kid: string, root: Buffer): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', master.key, iv).setAAD(Buffer.from(`audit:${kid}:v${master.version}`));
  return Buffer.concat([iv, c.update(root), c.final(), c.getAuthTag()]).toString('base64');
}

function unwrapKey(master: MasterKey, kid: string, wrapped: string): Buffer {
  const b = Buffer.from(wrapped, 'base64');
  try {
    const d = createDecipheriv('aes-256-gcm', master.key, b.subarray(0, 12));
    d.setAAD(Buffer.from(`audit:${kid}:v${master.version}`)).setAuthTag(b.subarray(b.length - 16));
    return Buffer.concat([d.update(b.subarray(12, b.length - 16)), d.final()]);
  } catch {
    throw new KeyError(`master key v${master.version} does not open audit key ${kid}`);
  }
}

/** The audit key id that belongs to a master key version. */
export const auditKeyId = (master: MasterKey) => `v${master.version}`;

/**
 * The audit keys of this installation: per key id, an HMAC key for the chain and an Ed25519 pair for checkpoints.
 * The current ones are derived (HKDF) from the master key; those of earlier master keys come from a keyring
 * stored wrapped under the current master key, so nothing in the database opens them without it.
 */
export class AuditKeyring {
  private constructor(
    readonly current: string,
    private readonly roots: Map<string, Buffer>,
  ) {}

  private readonly macKeys = new Map<string, Buffer>();

  /** The keyring for `master`: its own derived root and the earlier roots it can unwrap. */
  static async open(db: Db | Transaction<Database>, master: MasterKey): Promise<AuditKeyring> {
    const roots = new Map<string, Buffer>();
    const stored = await repo.readKeyring(db);
    for (const [slot, wrapped] of Object.entries(stored ?? {})) {
      const kid = slot.split('@')[0]!;
      if (wrapped.master !== master.version) continue;
      // A slot this key does not open (damaged, or written by someone without the key) leaves that key id
      // unreachable, which verification reports; it must not stop the audit trail from recording.
      try {
        roots.set(kid, unwrapKey(master, kid, wrapped.key));
      } catch {}
    }
    const kid = auditKeyId(master);
    roots.set(kid, derive(master.key, `minka:audit:${kid}`));
    return new AuditKeyring(kid, roots);
  }

  /** The HMAC-SHA256 key of a key id, or undefined when this master key cannot reach it. */
  macKey(kid: string): Buffer | undefined {
    let key = this.macKeys.get(kid);
    const root = this.roots.get(kid);
    if (!key && root) {
      key = derive(root, 'minka:audit-mac');
      this.macKeys.set(kid, key);
    }
    return key;
  }

  /** The Ed25519 signing key of a key id (its seed is derived, never stored). */
  signingKey(kid: string): KeyObject | undefined {
    const root = this.roots.get(kid);
    if (!root) return undefined;
    const seed = derive(root, 'minka:audit-checkpoint-ed25519');
    return createPrivateKey({ key: Buffer.concat([ed25519Pkcs8, seed]), format: 'der', type: 'pkcs8' });
  }

  /** The Ed25519 public key of a key id, as an auditor receives it. */
  publicKey(kid: string): KeyObject | undefined {
    const priv = this.signingKey(kid);
    return priv && createPublicKey(priv);
  }

  /** Every root this keyring holds, wrapped under `next`, in slots named `<key id>@v<master version>`. */
  wrapAll(next: MasterKey): Record<string, { master: number; key: string }> {
    return Object.fromEntries(
      [...this.roots].map(([kid, root]) => [
        `${kid}@v${next.version}`,
        { master: next.version, key: wrapKey(next, kid, root) },
      ]),
    );
  }
}

/**
 * Keeps the audit chain verifiable across a master-key rotation: every audit root reachable with `from` is added
 * to the keyring wrapped under `to` (the slots under `from` stay, so a rotation that fails afterwards loses
 * nothing); entries and checkpoints under earlier key ids still verify with `to`, and new entries use `to`'s key.
 * Call it before the data keys are rewrapped under `to`, or in the same step.
 */
export async function carryAuditKeys(db: Db, from: MasterKey, to: MasterKey): Promise<void> {
  const ring = await AuditKeyring.open(db, from);
  await repo.writeKeyring(db, { ...(await repo.readKeyring(db)), ...ring.wrapAll(to) });
}
