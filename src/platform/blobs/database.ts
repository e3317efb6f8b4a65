import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import * as repo from './repo';
import { type BlobStore, blobId } from './store';

/** Bytes per chunk row: small enough for any driver and for PostgreSQL's out-of-line storage, few rows per file. */
export const chunkBytes = 256 * 1024;
// Chunks read per query: a file up to this many chunks (2 MiB) is read in one statement.
const page = 8;
// Chunks written per insert statement.
const perInsert = 4;

/** Views of `bytes` (no copy) of at most `chunkBytes` each; an empty blob is one empty chunk. */
function split(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length || out.length === 0; at += chunkBytes)
    out.push(bytes.subarray(at, at + chunkBytes));
  return out;
}

/**
 * Attachments in the `blob_chunks` table: every node reads what any node wrote. A blob is written in one
 * transaction, so a reader sees all of its chunks or none; it is read back into one buffer of its exact size.
 */
export class DatabaseStore implements BlobStore {
  readonly kind = 'database';
  private readonly db: repo.Q;
  constructor(db: Kysely<Database>) {
    this.db = db as unknown as repo.Q;
  }

  private async write(q: repo.Q, id: string, chunks: Buffer[], from: number) {
    for (let i = from; i < chunks.length; i += perInsert)
      await repo.insertChunks(q, id, i, chunks.slice(i, i + perInsert));
  }

  async put(id: string, bytes: Buffer): Promise<void> {
    blobId(id);
    await this.db.transaction().execute(async (trx) => {
      await repo.deleteBlob(trx, id);
      await this.write(trx, id, split(bytes), 0);
    });
  }

  async add(id: string, bytes: Buffer): Promise<boolean> {
    blobId(id);
    const chunks = split(bytes);
    return this.db.transaction().execute(async (trx) => {
      // Two nodes adding the same id at once: the second waits on the first's row, then finds it and stops.
      if (!(await repo.insertFirstIfAbsent(trx, id, chunks[0]!))) return false;
      await this.write(trx, id, chunks, 1);
      return true;
    });
  }

  async replace(id: string, bytes: Buffer): Promise<boolean> {
    blobId(id);
    return this.db.transaction().execute(async (trx) => {
      // A blob deleted meanwhile (say by retention) stays deleted.
      if ((await repo.deleteBlob(trx, id)) === 0) return false;
      await this.write(trx, id, split(bytes), 0);
      return true;
    });
  }

  async get(id: string): Promise<Buffer | null> {
    blobId(id);
    const first = await repo.chunksFrom(this.db, id, 0, page);
    if (!first.length) return null;
    const n = Number(first[0]!.n);
    if (n === 1) return first[0]!.bytes;
    if (n <= page) return assemble(id, first, n, Number(first[0]!.size));
    // Larger: read page by page from one snapshot, so that a replacement committed meanwhile cannot mix in.
    return this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const head = await repo.chunksFrom(trx, id, 0, page);
        if (!head.length) return null;
        const total = Number(head[0]!.n);
        const out = Buffer.allocUnsafe(Number(head[0]!.size));
        let at = 0;
        let seq = 0;
        for (let rows = head; rows.length; rows = seq < total ? await repo.chunksFrom(trx, id, seq, page) : []) {
          for (const r of rows) {
            if (r.seq !== seq || at + r.bytes.length > out.length) throw incomplete(id);
            r.bytes.copy(out, at);
            at += r.bytes.length;
            seq++;
          }
        }
        if (seq !== total || at !== out.length) throw incomplete(id);
        return out;
      });
  }

  async head(id: string, length: number): Promise<Buffer | null> {
    blobId(id);
    const head = await repo.firstBytes(this.db, id, Math.min(length, chunkBytes));
    return head ? Buffer.from(head) : null;
  }

  async delete(ids: readonly string[]): Promise<void> {
    for (const id of ids) blobId(id);
    for (let i = 0; i < ids.length; i += 500) await repo.deleteBlobs(this.db, ids.slice(i, i + 500));
  }

  list(after: string, limit: number): Promise<string[]> {
    return repo.idsAfter(this.db, after, limit);
  }

  count(): Promise<number> {
    return repo.countBlobs(this.db);
  }
}

const incomplete = (id: string) => new Error(`attachment ${id} is incomplete in the database`);

function assemble(id: string, rows: { seq: number; bytes: Buffer }[], n: number, size: number): Buffer {
  const sum = rows.reduce((a, r) => a + r.bytes.length, 0);
  if (rows.length !== n || sum !== size || rows.some((r, i) => r.seq !== i)) throw incomplete(id);
  return Buffer.concat(
    rows.map((r) => r.bytes),
    size,
  );
}
