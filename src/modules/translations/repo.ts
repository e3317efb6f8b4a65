import type { Kysely, Transaction } from 'kysely';
import type { Database, TranslationTable } from '../../platform/db/types';

/** Strings an installation reviewed, by language. */
export class TranslationRepo {
  constructor(private readonly db: Kysely<Database>) {}

  list(lang: string): Promise<TranslationTable[]> {
    return this.db.selectFrom('translations').selectAll().where('lang', '=', lang).execute();
  }

  async save(trx: Transaction<Database>, rows: TranslationTable[]): Promise<void> {
    for (const row of rows)
      await trx
        .insertInto('translations')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['lang', 'key']).doUpdateSet({
            value: row.value,
            note: row.note,
            reviewed_by: row.reviewed_by,
            reviewed_at: row.reviewed_at,
          }),
        )
        .execute();
  }
}
