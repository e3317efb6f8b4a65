import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/types';

/** The database (or a transaction) seen with the chunk table only. */
export type Q = Kysely<Pick<Database, 'blob_chunks'>>;

/** Inserts chunks (numbered from `firstSeq`) of one blob. */
export const insertChunks = (q: Q, blobId: string, firstSeq: number, chunks: Buffer[]) =>
  q
    .insertInto('blob_chunks')
    .values(chunks.map((bytes, i) => ({ blob_id: blobId, seq: firstSeq + i, bytes })))
    .execute();

/** Inserts a blob's first chunk unless one is there; true when it was inserted. */
export const insertFirstIfAbsent = async (q: Q, blobId: string, bytes: Buffer) =>
  Number(
    (
      await q
        .insertInto('blob_chunks')
        .values({ blob_id: blobId, seq: 0, bytes })
        .onConflict((oc) => oc.columns(['blob_id', 'seq']).doNothing())
        .executeTakeFirst()
    ).numInsertedOrUpdatedRows ?? 0,
  ) > 0;

/** Deletes every chunk of one blob; how many were deleted. */
export const deleteBlob = async (q: Q, blobId: string) =>
  Number((await q.deleteFrom('blob_chunks').where('blob_id', '=', blobId).executeTakeFirst()).numDeletedRows);

/** Deletes every chunk of these blobs. */
export const deleteBlobs = (q: Q, ids: readonly string[]) =>
  q
    .deleteFrom('blob_chunks')
    .where('blob_id', 'in', [...ids])
    .execute();

/**
 * Up to `limit` chunks of a blob from `fromSeq` on, in order, each row also carrying the blob's chunk count and total
 * size (PostgreSQL and SQLite both read a value's length without reading the value).
 */
export const chunksFrom = (q: Q, blobId: string, fromSeq: number, limit: number) =>
  q
    .selectFrom('blob_chunks')
    .select(['seq', 'bytes', sql<number>`count(*) over ()`.as('n'), sql<number>`sum(length(bytes)) over ()`.as('size')])
    .where('blob_id', '=', blobId)
    .where('seq', '>=', fromSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();

/** The first `length` bytes of a blob's first chunk (null when there is no such blob). */
export const firstBytes = async (q: Q, blobId: string, length: number) => {
  const row = await q
    .selectFrom('blob_chunks')
    .select(['seq', sql<Buffer | null>`substr(bytes, 1, ${length})`.as('head')])
    .where('blob_id', '=', blobId)
    .where('seq', '=', 0)
    .executeTakeFirst();
  // SQLite answers null for part of an empty blob.
  return row ? (row.head ?? Buffer.alloc(0)) : null;
};

/** Up to `limit` blob ids after `after`, ascending. */
export const idsAfter = async (q: Q, after: string, limit: number) =>
  (
    await q
      .selectFrom('blob_chunks')
      .select('blob_id')
      .where('seq', '=', 0)
      .where('blob_id', '>', after)
      .orderBy('blob_id')
      .limit(limit)
      .execute()
  ).map((r) => r.blob_id);

/** How many blobs are stored. */
export const countBlobs = async (q: Q) =>
  Number(
    (
      await q
        .selectFrom('blob_chunks')
        .select(sql<number>`count(*)`.as('n'))
        .where('seq', '=', 0)
        .executeTakeFirstOrThrow()
    ).n,
  );
