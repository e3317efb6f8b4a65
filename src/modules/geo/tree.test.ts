import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import { dbTargets, type TestDb } from '../../../tests/support/db';
import { type DbHandle, openDb } from '../../platform/db/index';
import { demoDivisions, seedGeoDemo } from './demo';
import { defaultRecheckMs } from './freshness';
import { GeoService } from './service';

const parish = (code: string, name: string, parentCode = '0603') => ({
  country: 'EC',
  countryName: 'ECUADOR',
  divisions: [{ code, name, parentCode, level: 3 }],
});

// Ancestry, labels, levels and "everything under" come from this process's copy of the divisions, except inside a
// transaction, where they are read from the database: both must answer alike, and the copy must follow imports.
for (const target of dbTargets()) {
  describe(`divisions kept in memory on ${target.name}`, () => {
    let t: TestDb;
    let other: DbHandle;
    let geo: GeoService;
    const fromDatabase = <T>(ask: (g: GeoService) => Promise<T>) =>
      t.handle.db.transaction().execute((trx) => ask(new GeoService(trx as never)));

    before(async () => {
      t = await target.open();
      geo = new GeoService(t.handle.db);
      await seedGeoDemo(geo);
      other = openDb({ DATABASE_URL: t.config.DATABASE_URL, sqlitePath: t.config.sqlitePath });
    });
    after(async () => {
      mock.timers.reset();
      await other.close();
      await t.cleanup();
    });

    it('answers as the database does', async () => {
      const codes = ['EC', ...demoDivisions.map((d) => d.code), 'NOPE'];
      for (const code of codes) {
        assert.deepEqual(await geo.ancestry('EC', code), await fromDatabase((g) => g.ancestry('EC', code)), code);
        assert.equal(await geo.levelOf('EC', code), await fromDatabase((g) => g.levelOf('EC', code)), code);
        assert.deepEqual(
          (await geo.descendantCodes('EC', code)).sort(),
          (await fromDatabase((g) => g.descendantCodes('EC', code))).sort(),
          code,
        );
      }
      assert.deepEqual(await geo.labels('EC', codes), await fromDatabase((g) => g.labels('EC', codes)));
      assert.deepEqual(await geo.ancestry('PE', '0603'), null, 'a country with no divisions');
      assert.deepEqual(await geo.ancestry('EC', '060352'), ['060352', '0603', '06', 'EC']);
    });

    it('follows an import in this process at once', async () => {
      assert.ok(!(await geo.descendantCodes('EC', '06')).includes('060397'));
      await geo.import(parish('060397', 'PARROQUIA DE PRUEBA'));
      assert.ok((await geo.descendantCodes('EC', '06')).includes('060397'));
      assert.deepEqual(await geo.ancestry('EC', '060397'), ['060397', '0603', '06', 'EC']);
      assert.equal((await geo.labels('EC', ['060397'])).get('060397'), 'Parroquia de Prueba');
      await geo.import(parish('060397', 'PARROQUIA MOVIDA', '0606'));
      assert.deepEqual(await geo.ancestry('EC', '060397'), ['060397', '0606', '06', 'EC']);
      assert.ok(!(await geo.descendantCodes('EC', '0603')).includes('060397'));
    });

    it("follows another process's import once the copy is rechecked", async () => {
      mock.timers.enable({ apis: ['Date'], now: Date.now() });
      try {
        assert.equal(await geo.ancestry('EC', '060396'), null);
        await new GeoService(other.db).import(parish('060396', 'OTRA PARROQUIA'));
        mock.timers.tick(defaultRecheckMs + 1);
        assert.deepEqual(await geo.ancestry('EC', '060396'), ['060396', '0603', '06', 'EC']);
        assert.equal(await geo.levelOf('EC', '060396'), 3);
      } finally {
        mock.timers.reset();
      }
    });
  });
}
