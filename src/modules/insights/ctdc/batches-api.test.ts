import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../../tests/support/app';
import { dbTargets } from '../../../../tests/support/db';
import { openCases } from '../../../../tests/support/open-data';
import { setClockOffsetDays } from '../../../platform/clock';
import { seedGeoDemo } from '../../geo/demo';
import { GeoService } from '../../geo/service';

/** The data lines of a CSV download (BOM and header dropped). */
const lines = (body: string) => body.slice(1).trimEnd().split('\r\n').slice(1);
/** Days from today to the 2nd of next month: the business clock then stands in the next monthly release period. */
const toNextMonth = () => {
  const d = new Date();
  return Math.ceil((Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 2) - d.getTime()) / 86_400_000);
};

for (const target of dbTargets()) {
  describe(`CTDC batches across release periods on ${target.name}`, () => {
    let t: TestApp;
    let colta: Signed;
    let country: Signed;
    const csv = () => t.app.inject({ url: '/api/insights/ctdc.csv', headers: colta.headers });
    const report = async () =>
      (await t.app.inject({ url: '/api/insights/ctdc/report', headers: colta.headers })).json();
    before(async () => {
      t = await openTestApp(target, { MINKA_DISCLOSURE_K: 3, MINKA_RELEASE_MONTHS: 1 });
      await seedGeoDemo(new GeoService(t.db.handle.db));
      await openCases(t.db.ctx, '0603', 12);
      await openCases(t.db.ctx, '0603', 1, { gender: 'Masculine', age: 40, citizenship: 'VE' });
      const org = await makeOrg(t.db.ctx, '0603', 'Universidad (prueba)');
      colta = await signInNewUser(t.app, t.db.ctx, { role: 'researcher', scope: '0603', orgId: org });
      country = await signInNewUser(t.app, t.db.ctx, { role: 'researcher', scope: 'EC', orgId: org });
    });
    after(async () => {
      setClockOffsetDays(0);
      await t.close();
    });

    it('publishes the first batch once and gives the same file on every download of the period', async () => {
      const first = await csv();
      assert.equal(first.statusCode, 200, first.body);
      // Twelve alike and one outlier: the outlier waits, and two of the twelve with them (never 1..k-1 held back).
      assert.equal(lines(first.body).length, 10);
      const again = await csv();
      assert.equal(again.body, first.body);
      const r = await report();
      assert.deepEqual([r.records, r.published, r.suppressed], [13, 10, 3]);
      assert.equal(r.batches.length, 1);
      assert.equal(r.batches[0].rows, 10);
      const stored = await t.db.handle.db.selectFrom('ctdc_batches').selectAll().execute();
      assert.equal(stored.length, 1);
      assert.deepEqual([stored[0]!.rows_published, stored[0]!.held_back, stored[0]!.k], [10, 3, 3]);
    });

    it('adds only whole k-anonymous batches in later periods, never changing a published row', async () => {
      const before = lines((await csv()).body);
      // Next period: two more alike are registered; with the three held back that is 4 alike and the outlier.
      // Publishing the 4 would hold back 1 person: too few to spare, so the whole batch waits.
      setClockOffsetDays(toNextMonth());
      await openCases(t.db.ctx, '0603', 2);
      const second = lines((await csv()).body);
      assert.deepEqual(second, before);
      let r = await report();
      assert.deepEqual([r.records, r.published, r.suppressed, r.batches.length], [15, 10, 5, 1]);
      // The period after: three more. Now 7 alike and the outlier: 5 are published, the outlier and the 2 newest wait.
      setClockOffsetDays(toNextMonth() + 31);
      await openCases(t.db.ctx, '0603', 3);
      const third = lines((await csv()).body);
      assert.equal(third.length, 15);
      assert.deepEqual(third.slice(0, 10), before, 'the earlier rows are exactly as published');
      const added = third.slice(10);
      assert.equal(new Set(added).size, 1, 'the new batch is one class of 5 alike rows');
      r = await report();
      assert.deepEqual([r.records, r.published, r.suppressed], [18, 15, 3]);
      assert.deepEqual(
        r.batches.map((b: { rows: number }) => b.rows),
        [10, 5],
      );
      assert.ok(r.smallestClass >= 3);
    });

    it('stores rows under opaque ids, with no link to the person', async () => {
      const db = t.db.handle.db;
      const persons = new Set((await db.selectFrom('persons').select('id').execute()).map((p) => p.id));
      const rows = await db.selectFrom('ctdc_rows').selectAll().execute();
      assert.equal(rows.length, 15);
      for (const r of rows) {
        assert.ok(!persons.has(r.id));
        for (const p of persons) assert.ok(!r.row.includes(p));
      }
      const published = await db.selectFrom('ctdc_published').selectAll().execute();
      assert.equal(published.length, 15);
      assert.ok(published.every((p) => persons.has(p.person_id)));
    });

    it('decides a period once when two first downloads come together', async () => {
      const both = await Promise.all([
        t.app.inject({ url: '/api/insights/ctdc.csv', headers: country.headers }),
        t.app.inject({ url: '/api/insights/ctdc.csv', headers: country.headers }),
      ]);
      assert.deepEqual(
        both.map((r) => r.statusCode),
        [200, 200],
      );
      assert.equal(both[0]!.body, both[1]!.body);
      const batches = await t.db.handle.db
        .selectFrom('ctdc_batches')
        .selectAll()
        .where('scope', '=', 'EC:EC')
        .execute();
      assert.equal(batches.length, 1);
      const rows = await t.db.handle.db.selectFrom('ctdc_rows').select('id').where('scope', '=', 'EC:EC').execute();
      assert.equal(rows.length, batches[0]!.rows_published);
      assert.equal(lines(both[0]!.body).length, rows.length);
    });
  });
}
