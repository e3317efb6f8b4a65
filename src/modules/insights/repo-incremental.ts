import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../platform/db/types';

type Q = Kysely<Database> | Transaction<Database>;

const chunk = 2000;
async function inChunks<T>(items: readonly T[], fn: (part: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += chunk) await fn(items.slice(i, i + chunk));
}
async function collect<T, R>(items: readonly T[], fn: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += chunk) out.push(...(await fn(items.slice(i, i + chunk))));
  return out;
}

export type StateRow = Database['insight_state'];

export const selectState = (q: Q) =>
  q.selectFrom('insight_state').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();

/** Raises the version by one and returns the row: the first statement of every write, so writers take turns. */
export const lockState = (trx: Transaction<Database>) =>
  trx
    .updateTable('insight_state')
    .set({ version: sql`version + 1` })
    .where('id', '=', 1)
    .returningAll()
    .executeTakeFirstOrThrow();

export const updateState = (q: Q, patch: Partial<Omit<StateRow, 'id'>>) =>
  q.updateTable('insight_state').set(patch).where('id', '=', 1).execute();

/** Extends a builder's lease; 0 rows when another process took the build over. */
export const renewLease = async (q: Q, owner: string, until: string) =>
  Number(
    (
      await q
        .updateTable('insight_state')
        .set({ lease_until: until })
        .where('id', '=', 1)
        .where('owner', '=', owner)
        .where('status', '=', 'building')
        .executeTakeFirst()
    ).numUpdatedRows,
  );

export const selectChanges = (q: Q, limit: number) =>
  q.selectFrom('insight_changes').select(['id', 'person_id']).orderBy('id').limit(limit).execute();

export const selectRebuildMarker = (q: Q) =>
  q.selectFrom('insight_changes').select('id').where('person_id', '=', '*').limit(1).executeTakeFirst();

export const countChanges = async (q: Q) =>
  Number((await q.selectFrom('insight_changes').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);

export const selectChangeIds = (q: Q, ids: readonly (number | string)[]) =>
  collect(ids, (part) => q.selectFrom('insight_changes').select('id').where('id', 'in', part).execute());

export const deleteChanges = (q: Q, ids: readonly (number | string)[]) =>
  inChunks(ids, (part) => q.deleteFrom('insight_changes').where('id', 'in', part).execute());

export const clearChanges = (q: Q) => q.deleteFrom('insight_changes').execute();

export const countFacts = async (q: Q) =>
  Number((await q.selectFrom('insight_facts').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);

export const selectFacts = (q: Q, personIds: readonly string[]) =>
  collect(personIds, (part) =>
    q.selectFrom('insight_facts').select(['person_id', 'cell', 'keys']).where('person_id', 'in', part).execute(),
  );

/** Every stored fact in person order, a page at a time (tests and checks). */
export const selectFactPage = (q: Q, after: string, limit: number) =>
  q
    .selectFrom('insight_facts')
    .select(['person_id', 'cell', 'keys'])
    .where('person_id', '>', after)
    .orderBy('person_id')
    .limit(limit)
    .execute();

export const insertFacts = (q: Q, rows: readonly Database['insight_facts'][]) =>
  inChunks(rows, (part) => q.insertInto('insight_facts').values(part).execute());

export const upsertFacts = (q: Q, rows: readonly Database['insight_facts'][]) =>
  inChunks(rows, (part) =>
    q
      .insertInto('insight_facts')
      .values(part)
      .onConflict((oc) =>
        oc.column('person_id').doUpdateSet((eb) => ({ cell: eb.ref('excluded.cell'), keys: eb.ref('excluded.keys') })),
      )
      .execute(),
  );

export const deleteFacts = (q: Q, personIds: readonly string[]) =>
  inChunks(personIds, (part) => q.deleteFrom('insight_facts').where('person_id', 'in', part).execute());

export const clearFacts = (q: Q) => q.deleteFrom('insight_facts').execute();

export const selectCells = (q: Q, cells: readonly string[]) =>
  collect(cells, (part) =>
    q.selectFrom('insight_cells').select(['cell', 'counts']).where('cell', 'in', part).execute(),
  );

export const selectCellsAfter = (q: Q, version: number) =>
  q.selectFrom('insight_cells').select(['cell', 'counts', 'version']).where('version', '>', version).execute();

export const upsertCells = (q: Q, rows: readonly Database['insight_cells'][]) =>
  inChunks(rows, (part) =>
    q
      .insertInto('insight_cells')
      .values(part)
      .onConflict((oc) =>
        oc
          .column('cell')
          .doUpdateSet((eb) => ({ counts: eb.ref('excluded.counts'), version: eb.ref('excluded.version') })),
      )
      .execute(),
  );

export const clearCells = (q: Q) => q.deleteFrom('insight_cells').execute();
