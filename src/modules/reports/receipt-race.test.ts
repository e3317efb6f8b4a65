import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';
import { PublicReports } from './public';
import { newReceipt } from './receipt';

const report: Parameters<PublicReports['submit']>[0] = {
  what: 'Niños pidiendo dinero en el mercado (prueba)',
  division: '0603',
  forms: ['begging'],
  child: true,
  people: null,
  danger: false,
  language: 'es',
  channel: 'web',
  withReceipt: true,
};

for (const target of dbTargets()) {
  describe(`report receipts under a locator clash on ${target.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
    });
    after(() => t.close());

    it('draws another receipt instead of losing the report when two draw the same locator', async () => {
      const reports = new PublicReports(t.db.ctx);
      const first = await reports.submit(report);
      const taken = first.receipt!.slice(0, 6);
      // The race: a second report drew the same free locator before the first was stored.
      let clash = true;
      (reports as unknown as { uniqueReceipt: () => Promise<{ code: string; locator: string }> }).uniqueReceipt =
        async () => {
          if (clash) {
            clash = false;
            return { code: `${taken}${'7'.repeat(10)}`, locator: taken };
          }
          return newReceipt();
        };
      const second = await reports.submit(report);
      assert.ok(second.receipt, 'the reporter still gets a receipt');
      assert.notEqual(second.receipt!.slice(0, 6), taken);
      const stored = await t.db.handle.db.selectFrom('reports').select(['code', 'receipt_locator']).execute();
      assert.equal(stored.length, 2, 'both reports are kept');
      assert.ok(stored.some((r) => r.code === second.code && r.receipt_locator === second.receipt!.slice(0, 6)));
      assert.ok(await reports.signIn(second.receipt!), 'the new receipt opens the report');
    });
  });
}
