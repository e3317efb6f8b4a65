import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/index';
import { nowIso } from '../db/index';
import { KeyError, type MasterKey } from './keys';
import * as repo from './repo';

/** Where a ciphertext belongs; bound into the AAD so a value copied to another row or column fails to decrypt. */
export interface FieldContext {
  table: string;
  row: string;
  column: string;
}

type Purpose = 'field' | 'index';

const prefix = 'enc1';
const aadOf = (c: FieldContext) => Buffer.from(`${c.table}\u0000${c.row}\u0000${c.column}`, 'utf8');

function seal(key: Buffer, plain: Buffer, aad: Buffer): { iv: Buffer; data: Buffer } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const data = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return { iv, data };
}

function open(key: Buffer, iv: Buffer, data: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
}

/** Wraps a data key under the master key (AAD: the data key's id and version). */
export function wrapKey(master: MasterKey, id: string, dataKey: Buffer): string {
  const { iv, data } = seal(master.key, dataKey, Buffer.from(`datakey:${id}:v${master.version}`));
  return `${iv.toString('base64')}.${data.toString('base64')}`;
}

/** Unwraps a data key; throws KeyError when this master key does not open it. */
export function unwrapKey(master: MasterKey, id: string, wrapped: string): Buffer {
  const [iv, data] = wrapped.split('.');
  try {
    return open(
      master.key,
      Buffer.from(iv ?? '', 'base64'),
      Buffer.from(data ?? '', 'base64'),
      Buffer.from(`datakey:${id}:v${master.version}`),
    );
  } catch {
    throw new KeyError(`master key v${master.version} does not open data key ${id}`);
  }
}

/**
 * Envelope encryption for personal fields and files (AES-256-GCM), and blind indexes (HMAC-SHA256 with
 * an HKDF-derived key) for exact lookups. Data keys live in `data_keys`, wrapped by the master key.
 */
export class FieldCrypto {
  private keys = new Map<string, Buffer>();
  private active: Partial<Record<Purpose, string>> = {};
  // HKDF-derived HMAC keys per blind-index purpose; derived once, as they never change for a data key.
  private readonly indexKeys = new Map<string, Buffer>();

  private constructor(
    private readonly db: Db,
    private master: MasterKey,
  ) {}

  /** Opens every data key with the master key, creating the first ones on a new database; refuses a wrong key. */
  static async open(db: Db, master: MasterKey): Promise<FieldCrypto> {
    const fc = new FieldCrypto(db, master);
    const rows = await repo.allKeys(db);
    for (const r of rows) {
      if (Number(r.master_version) !== master.version) {
        throw new KeyError(
          `data key ${r.id} is wrapped by master key v${r.master_version}, but the key given is v${master.version}`,
        );
      }
      fc.keys.set(r.id, unwrapKey(master, r.id, r.wrapped));
      if (!r.retired_at) fc.active[r.purpose as Purpose] = r.id;
    }
    for (const purpose of ['field', 'index'] as const) if (!fc.active[purpose]) await fc.createDataKey(purpose);
    return fc;
  }

  private async createDataKey(purpose: Purpose): Promise<void> {
    const id = randomUUID();
    const key = randomBytes(32);
    await repo.insertKey(this.db, {
      id,
      purpose,
      master_version: this.master.version,
      wrapped: wrapKey(this.master, id, key),
      created_at: nowIso(),
      retired_at: null,
    });
    this.keys.set(id, key);
    this.active[purpose] = id;
  }

  /** Encrypts a string for one row and column; the output names its data key and never contains the plain text. */
  encrypt(plain: string, ctx: FieldContext): string {
    const id = this.active.field!;
    const { iv, data } = seal(this.keys.get(id)!, Buffer.from(plain, 'utf8'), aadOf(ctx));
    return `${prefix}.${id}.${iv.toString('base64')}.${data.toString('base64')}`;
  }

  /** Decrypts what encrypt() produced for the same row and column; throws on tampering or a moved value. */
  decrypt(sealed: string, ctx: FieldContext): string {
    const [p, id, iv, data] = sealed.split('.');
    const key = id ? this.keys.get(id) : undefined;
    if (p !== prefix || !key || !iv || !data) throw new KeyError('not a value this installation encrypted');
    return open(key, Buffer.from(iv, 'base64'), Buffer.from(data, 'base64'), aadOf(ctx)).toString('utf8');
  }

  encryptOptional = (plain: string | null | undefined, ctx: FieldContext) =>
    plain == null || plain === '' ? null : this.encrypt(plain, ctx);
  decryptOptional = (sealed: string | null | undefined, ctx: FieldContext) =>
    sealed ? this.decrypt(sealed, ctx) : null;

  /** Encrypts a file's bytes (attachments) with the same envelope. */
  encryptBytes(plain: Buffer, ctx: FieldContext): Buffer {
    const id = this.active.field!;
    const { iv, data } = seal(this.keys.get(id)!, plain, aadOf(ctx));
    return Buffer.concat([Buffer.from(`${prefix}.${id}.`, 'utf8'), iv, data]);
  }

  decryptBytes(sealed: Buffer, ctx: FieldContext): Buffer {
    const head = `${prefix}.`;
    const idEnd = sealed.indexOf('.', head.length);
    const id = sealed.subarray(head.length, idEnd).toString('utf8');
    const key = this.keys.get(id);
    if (!key) throw new KeyError('not a file this installation encrypted');
    return open(key, sealed.subarray(idEnd + 1, idEnd + 13), sealed.subarray(idEnd + 13), aadOf(ctx));
  }

  /** Keyed HMAC of a normalised value for exact lookups (e.g. identity numbers); stable across master-key rotation. */
  blindIndex(purpose: string, value: string): string {
    let k = this.indexKeys.get(purpose);
    if (!k) {
      const base = this.keys.get(this.active.index!)!;
      k = Buffer.from(hkdfSync('sha256', base, Buffer.alloc(0), Buffer.from(`minka:blind:${purpose}`), 32));
      this.indexKeys.set(purpose, k);
    }
    return createHmac('sha256', k).update(value, 'utf8').digest('base64url');
  }

  /** Rewraps every data key under a new master key in one transaction; the old key no longer opens them. */
  async rewrap(next: MasterKey): Promise<number> {
    const ids = [...this.keys.keys()];
    await repo.rewrapKeys(
      this.db,
      ids.map((id) => ({ id, wrapped: wrapKey(next, id, this.keys.get(id)!), masterVersion: next.version })),
    );
    this.master = next;
    return ids.length;
  }
}
