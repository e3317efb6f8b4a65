import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/index';
import { nowIso } from '../db/index';
import type { DataKeyTable } from '../db/types';
import { KeyError, type MasterKey } from './keys';
import * as repo from './repo';

/** Where a ciphertext belongs; bound into the AAD so a value copied to another row or column fails to decrypt. */
export interface FieldContext {
  table: string;
  row: string;
  column: string;
}

export type Purpose = 'field' | 'index';

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
  private purposes = new Map<string, Purpose>();
  private active: Partial<Record<Purpose, string>> = {};
  // HKDF-derived HMAC keys per index key and purpose; derived once, as they never change for a data key.
  private readonly indexKeys = new Map<string, Buffer>();

  private constructor(
    private readonly db: Db,
    private master: MasterKey,
  ) {}

  /** Opens every data key with the master key, creating the first ones on a new database; refuses a wrong key. */
  static async open(db: Db, master: MasterKey): Promise<FieldCrypto> {
    const fc = new FieldCrypto(db, master);
    await fc.refresh();
    for (const purpose of ['field', 'index'] as const) if (!fc.active[purpose]) await fc.createDataKey(purpose);
    return fc;
  }

  /**
   * Loads data keys added since (a rotation run by another process) and forgets destroyed ones; the newest
   * unretired key of each purpose becomes the active one. Throws KeyError when the master key does not open a key.
   */
  async refresh(): Promise<void> {
    const rows = await repo.allKeys(this.db);
    const seen = new Set<string>();
    const active: Partial<Record<Purpose, string>> = {};
    let unopened: string | null = null;
    for (const r of rows) {
      seen.add(r.id);
      if (!r.retired_at) active[r.purpose as Purpose] = r.id;
      if (this.keys.has(r.id)) continue;
      try {
        if (Number(r.master_version) !== this.master.version) {
          throw new KeyError(
            `data key ${r.id} is wrapped by master key v${r.master_version}, but the key given is v${this.master.version}`,
          );
        }
        this.keys.set(r.id, unwrapKey(this.master, r.id, r.wrapped));
        this.purposes.set(r.id, r.purpose as Purpose);
      } catch (err) {
        unopened ??= (err as Error).message;
      }
    }
    for (const id of [...this.keys.keys()]) if (!seen.has(id)) this.forget(id);
    // A key this process cannot open still becomes the active one (e.g. after a master-key rotation it was not
    // restarted for): sealing then fails loudly instead of going on under a retired key a rotation will destroy.
    this.active = active;
    if (unopened) throw new KeyError(unopened);
  }

  private forget(id: string): void {
    this.keys.delete(id);
    this.purposes.delete(id);
    for (const k of [...this.indexKeys.keys()]) if (k.startsWith(`${id}:`)) this.indexKeys.delete(k);
  }

  /** A new data key wrapped under the current master key, not yet stored (a rotation stores it in its transaction). */
  newDataKey(purpose: Purpose): DataKeyTable {
    const id = randomUUID();
    return {
      id,
      purpose,
      master_version: this.master.version,
      wrapped: wrapKey(this.master, id, randomBytes(32)),
      created_at: nowIso(),
      retired_at: null,
    };
  }

  private async createDataKey(purpose: Purpose): Promise<void> {
    await repo.insertKey(this.db, this.newDataKey(purpose));
    await this.refresh();
  }

  /** The id of the key new values of this purpose are sealed or indexed with. */
  activeKey = (purpose: Purpose): string => this.active[purpose]!;

  /** Ids of every loaded key of a purpose, the active one first. */
  keysOf(purpose: Purpose): string[] {
    const ids = [...this.purposes].filter(([, p]) => p === purpose).map(([id]) => id);
    return [this.active[purpose]!, ...ids.filter((id) => id !== this.active[purpose])];
  }

  private sealingKey(): [string, Buffer] {
    const id = this.active.field!;
    const key = this.keys.get(id);
    if (!key) throw new KeyError(`data key ${id} is not open: restart with the current master key`);
    return [id, key];
  }

  /** Encrypts a string for one row and column; the output names its data key and never contains the plain text. */
  encrypt(plain: string, ctx: FieldContext): string {
    const [id, key] = this.sealingKey();
    const { iv, data } = seal(key, Buffer.from(plain, 'utf8'), aadOf(ctx));
    return `${prefix}.${id}.${iv.toString('base64')}.${data.toString('base64')}`;
  }

  /** Decrypts what encrypt() produced for the same row and column under any loaded key; throws on tampering or a moved value. */
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
    const [id, key] = this.sealingKey();
    const { iv, data } = seal(key, plain, aadOf(ctx));
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

  /** Seals again under the active key what another key sealed; null when it already is under the active key. */
  reseal(sealed: string, ctx: FieldContext): string | null {
    return keyIdOf(sealed) === this.active.field ? null : this.encrypt(this.decrypt(sealed, ctx), ctx);
  }

  /** reseal() for a file's bytes. */
  resealBytes(sealed: Buffer, ctx: FieldContext): Buffer | null {
    return keyIdOf(sealed) === this.active.field ? null : this.encryptBytes(this.decryptBytes(sealed, ctx), ctx);
  }

  /** Keyed HMAC of a normalised value for exact lookups (e.g. identity numbers), under the active index key. */
  blindIndex(purpose: string, value: string): string {
    return this.blindIndexWith(this.active.index!, purpose, value);
  }

  /**
   * The value's blind index under every index key still kept, the active one first: while an index rotation
   * rebuilds, a row may still carry the old one, so a lookup matches any of these.
   */
  blindIndexes(purpose: string, value: string): string[] {
    return this.keysOf('index').map((id) => this.blindIndexWith(id, purpose, value));
  }

  /** The blind index under one given index key (rotation rebuilds with the new one). */
  blindIndexWith(keyId: string, purpose: string, value: string): string {
    const cacheKey = `${keyId}:${purpose}`;
    let k = this.indexKeys.get(cacheKey);
    if (!k) {
      const base = this.keys.get(keyId);
      if (!base || this.purposes.get(keyId) !== 'index') throw new KeyError(`no index key ${keyId}`);
      k = Buffer.from(hkdfSync('sha256', base, Buffer.alloc(0), Buffer.from(`minka:blind:${purpose}`), 32));
      this.indexKeys.set(cacheKey, k);
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

/** The id of the data key a value or file was sealed with (null for anything else). */
export function keyIdOf(sealed: string | Buffer): string | null {
  const head = typeof sealed === 'string' ? sealed.slice(0, 64) : sealed.subarray(0, 64).toString('latin1');
  const m = head.match(/^enc1\.([0-9a-f-]{36})\./);
  return m ? m[1]! : null;
}
