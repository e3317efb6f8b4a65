import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/types';
import { DatabaseStore } from './database';
import { DirectoryStore } from './directory';
import type { BlobStore } from './store';

export { chunkBytes, DatabaseStore } from './database';
export { DirectoryStore } from './directory';
export { type BlobStore, blobId, isBlobId } from './store';

export type FilesConfig = Pick<Config, 'dataDir' | 'MINKA_FILE_STORE' | 'MINKA_FILES_DIR'>;

/** The folder where each node kept attachments before the store existed (<data dir>/attachments). */
export const localFilesDir = (config: Pick<Config, 'dataDir'>) => path.join(config.dataDir, 'attachments');

/** The directory of MINKA_FILE_STORE=directory: MINKA_FILES_DIR, or the old attachments folder. */
export const filesDir = (config: FilesConfig) =>
  config.MINKA_FILES_DIR ? path.resolve(config.MINKA_FILES_DIR) : localFilesDir(config);

/**
 * The configured store, plus this node's attachments folder from before the store (when the store is somewhere
 * else): files there are still read (a fallback) and deleted with the rest, until `moveLocalFiles` moves them in.
 */
export class FileStore implements BlobStore {
  readonly kind: BlobStore['kind'];
  constructor(
    readonly store: BlobStore,
    /** The old local folder, or null when the store is that folder. */
    readonly local: DirectoryStore | null,
  ) {
    this.kind = store.kind;
  }
  put = (id: string, bytes: Buffer) => this.store.put(id, bytes);
  add = (id: string, bytes: Buffer) => this.store.add(id, bytes);
  replace = (id: string, bytes: Buffer) => this.store.replace(id, bytes);
  list = (after: string, limit: number) => this.store.list(after, limit);
  count = () => this.store.count();

  async get(id: string): Promise<Buffer | null> {
    return (await this.store.get(id)) ?? (this.local ? this.local.get(id) : null);
  }

  async head(id: string, length: number): Promise<Buffer | null> {
    return (await this.store.head(id, length)) ?? (this.local ? this.local.head(id, length) : null);
  }

  async delete(ids: readonly string[]): Promise<void> {
    await this.store.delete(ids);
    await this.local?.delete(ids);
  }

  /**
   * Moves every file of the old local folder into the store, then removes it there. Idempotent and safe when several
   * nodes run it at once (even over one shared folder): a file already in the store is not written again, and the
   * store's copy wins. Files not named like attachments are left alone.
   */
  async moveLocalFiles(): Promise<{ moved: number; present: number }> {
    const r = { moved: 0, present: 0 };
    if (!this.local) return r;
    for (const id of await this.local.ids()) {
      const bytes = await this.local.get(id);
      if (!bytes) continue; // moved by another node meanwhile
      if (await this.store.add(id, bytes)) r.moved++;
      else r.present++;
      await this.local.delete([id]);
    }
    return r;
  }
}

/** The store MINKA_FILE_STORE names (the database by default), with this node's old attachments folder behind it. */
export function openFileStore(config: FilesConfig, db: Kysely<Database>): FileStore {
  const local = new DirectoryStore(localFilesDir(config));
  if (config.MINKA_FILE_STORE === 'directory') {
    const dir = filesDir(config);
    return new FileStore(new DirectoryStore(dir), dir === local.dir ? null : local);
  }
  return new FileStore(new DatabaseStore(db), local);
}

/** The attachments store of a running context (cheap: stores hold no state beyond their settings). */
export const fileStoreOf = (ctx: { config: FilesConfig; db: { db: Kysely<Database> } }) =>
  openFileStore(ctx.config, ctx.db.db);
