import { type Kysely, sql } from 'kysely';
import type { Db } from '../db/index';
import type { DataKeyTable, KeyRotationTable } from '../db/types';

export type { KeyRotationTable };

type RotDb = Kysely<
  { key_rotations: KeyRotationTable; data_keys: DataKeyTable } & Record<string, Record<string, unknown>>
>;
/** The database seen with the rotation table and any table by name (rotation walks every table). */
export const rotDb = (db: Db | Kysely<never>) => db as unknown as RotDb;
export type Q = RotDb;

/** The unfinished rotation of this kind, if any. */
export const unfinished = (db: Q, kind: KeyRotationTable['kind']) =>
  db
    .selectFrom('key_rotations')
    .selectAll()
    .where('kind', '=', kind)
    .where('finished_at', 'is', null)
    .executeTakeFirst();

/** Every unfinished rotation (the status command). */
export const allUnfinished = (db: Q) =>
  db.selectFrom('key_rotations').selectAll().where('finished_at', 'is', null).execute();

/** Retires the old keys, stores the new one and the rotation record, all or none. */
export const begin = (db: Q, key: DataKeyTable, oldIds: string[], row: KeyRotationTable) =>
  db.transaction().execute(async (trx) => {
    if (oldIds.length)
      await trx.updateTable('data_keys').set({ retired_at: row.started_at }).where('id', 'in', oldIds).execute();
    await trx.insertInto('data_keys').values(key).execute();
    await trx.insertInto('key_rotations').values(row).execute();
  });

/** Records progress after a batch (inside the batch's transaction). */
export const saveProgress = (
  q: Q,
  id: string,
  set: { phase: KeyRotationTable['phase']; progress: string; addChanged: number },
) =>
  q
    .updateTable('key_rotations')
    .set({
      phase: set.phase,
      progress: set.progress,
      batches: sql<number>`batches + 1`,
      changed: sql<number>`changed + ${set.addChanged}`,
    })
    .where('id', '=', id)
    .execute();

/** Destroys the replaced keys and closes the rotation, all or none. */
export const finish = (db: Q, id: string, oldIds: string[], at: string) =>
  db.transaction().execute(async (trx) => {
    if (oldIds.length) await trx.deleteFrom('data_keys').where('id', 'in', oldIds).execute();
    await trx.updateTable('key_rotations').set({ phase: 'done', finished_at: at }).where('id', '=', id).execute();
  });

/**
 * Tables and their columns, from the database itself (Kysely's own bookkeeping left out, and pg-boss's queue, which
 * lives in its own schema `pgboss` of the same PostgreSQL database: src/platform/jobs).
 */
export async function tablesWithColumns(db: Q): Promise<{ name: string; columns: string[]; text: string[] }[]> {
  const tables = await db.introspection.getTables();
  return tables
    .filter((t) => !t.name.startsWith('kysely_') && t.schema !== 'pgboss')
    .map((t) => ({
      name: t.name,
      columns: t.columns.map((c) => c.name),
      text: t.columns.filter((c) => /char|text/i.test(c.dataType)).map((c) => c.name),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The first text column outside the sealed (`_enc`) ones that still holds a value sealed with one of `keyIds`. */
export async function sealedElsewhere(q: Q, keyIds: string[]): Promise<string | null> {
  for (const t of await tablesWithColumns(q))
    for (const c of t.text.filter((x) => !x.endsWith('_enc')))
      for (const id of keyIds) {
        const hit = await q
          .selectFrom(t.name)
          .select(sql`1`.as('x'))
          .where(c as never, 'like', `%enc1.${id}.%` as never)
          .limit(1)
          .executeTakeFirst();
        if (hit) return `${t.name}.${c}`;
      }
  return null;
}

/** Rows of a table after `afterId` (id order) having a sealed value in one of `columns` not under `keyId`. */
export const rowsNotUnder = (q: Q, table: string, columns: string[], keyId: string, afterId: string, limit: number) =>
  q
    .selectFrom(table)
    .select(['id', ...columns] as never[])
    .where('id' as never, '>', afterId as never)
    .where((eb) =>
      eb.or(
        columns.map((c) =>
          eb.and([eb(c as never, 'like', 'enc1.%' as never), eb(c as never, 'not like', `enc1.${keyId}.%` as never)]),
        ),
      ),
    )
    .orderBy('id' as never)
    .limit(limit)
    .execute() as Promise<Record<string, string | null>[]>;

/** Rows of a table after `afterId`, in id order, with the given columns. */
export const rowsAfter = (q: Q, table: string, columns: string[], afterId: string, limit: number) =>
  q
    .selectFrom(table)
    .select(['id', ...columns] as never[])
    .where('id' as never, '>', afterId as never)
    .orderBy('id' as never)
    .limit(limit)
    .execute() as Promise<Record<string, string | null>[]>;

/** Sets columns of one row. */
export const updateRow = (q: Q, table: string, id: string, set: Record<string, string | null>) =>
  q
    .updateTable(table)
    .set(set as never)
    .where('id' as never, '=', id as never)
    .execute();

/** Replaces the set of index rows that belong to one owner row (e.g. a person's phonetic name keys). */
export async function replaceSet(q: Q, table: string, ref: string, column: string, owner: string, values: string[]) {
  await q
    .deleteFrom(table)
    .where(ref as never, '=', owner as never)
    .execute();
  if (values.length)
    await q
      .insertInto(table)
      .values(values.map((v) => ({ [ref]: owner, [column]: v })) as never)
      .execute();
}
