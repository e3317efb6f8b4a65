import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Migrator, sql } from 'kysely';
import { dbTargets, type TestDb } from '../../../tests/support/db';
import { migrateToLatest } from './index';
import { migrations } from './migrations/index';

for (const target of dbTargets()) {
  describe(`migrations on ${target.name}`, () => {
    let db: TestDb;
    before(async () => {
      db = await target.open();
    });
    after(() => db.cleanup());
    const migrator = () => new Migrator({ db: db.handle.db, provider: { getMigrations: async () => migrations } });
    const hasUserColumn = async () =>
      (await db.handle.db.introspection.getTables())
        .find((t) => t.name === 'referrals')!
        .columns.some((c) => c.name === 'to_user_id');

    it('brings a database migrated before 0012 up to date, whether or not it got the columns from an early 0006', async () => {
      // As shipped: 0006 without the named caseworker.
      assert.equal((await migrator().migrateTo('0011_epsilon_ledger')).error, undefined);
      assert.equal(await hasUserColumn(), false);
      await migrateToLatest(db.handle.db);
      assert.equal(await hasUserColumn(), true);
      // As created in between, when 0006 already added both: 0012 adds nothing and does not fail.
      assert.equal((await migrator().migrateTo('0011_epsilon_ledger')).error, undefined);
      await db.handle.db.schema.alterTable('referrals').addColumn('to_user_id', 'varchar(36)').execute();
      await db.handle.db.schema
        .createIndex('closure_requests_one_pending')
        .on('case_closure_requests')
        .column('case_id')
        .unique()
        .where(sql<boolean>`status = 'pending'`)
        .execute();
      assert.deepEqual(await migrateToLatest(db.handle.db), [
        '0012_referral_user',
        '0013_living_record',
        '0014_field_reach',
        '0015_field_devices',
        '0016_signin_hardening',
        '0017_audit_mac',
        '0018_need_to_know',
        '0019_key_rotation',
        '0020_device_secret',
        '0021_blobs',
        '0022_shared_limits',
        '0023_jobs',
        '0024_insights_incremental',
        '0025_national_indexes',
        '0026_forms',
        '0027_studies',
        '0028_catalogues',
        '0029_board',
        '0030_returns',
        '0031_prosecution',
        '0032_protection_facts',
        '0033_rights',
        '0034_anonymisation',
        '0035_retention',
        '0036_ctdc_batches',
        '0037_releases',
      ]);
      assert.equal(await hasUserColumn(), true);
    });
  });
}
