import type { Db } from '../../platform/db/index';

const lastKey = 'audit_checkpoint_at';

/** When the last checkpoint was signed (by any node or command), or null. */
export async function lastCheckpointAt(db: Db): Promise<string | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', lastKey).executeTakeFirst();
  return row?.value ?? null;
}

/** Remembers when a checkpoint was signed. */
export async function rememberCheckpoint(db: Db, at: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key: lastKey, value: at, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: at, updated_at: at }))
    .execute();
}
