import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../../tests/support/app';
import { dbTargets } from '../../../../tests/support/db';
import { openCases } from '../../../../tests/support/open-data';
import { seedGeoDemo } from '../../geo/demo';
import { GeoService } from '../../geo/service';
import { ctdcColumns, quasiIdentifiers } from './columns';

/** Parses the export: strips the BOM, splits CRLF rows (no cell here holds a comma or a line break). */
const parse = (body: string) => {
  assert.ok(body.startsWith('\uFEFF'), 'starts with a BOM');
  const [head, ...rows] = body.slice(1).trimEnd().split('\r\n');
  const columns = head!.split(',');
  return { columns, rows: rows.map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i]!, v]))) };
};

for (const target of dbTargets()) {
  describe(`CTDC export on ${target.name}`, () => {
    let t: TestApp;
    let colta: Signed & { userId: string };
    let country: Signed;
    let donor: Signed;
    before(async () => {
      t = await openTestApp(target, { MINKA_DISCLOSURE_K: 3 });
      await seedGeoDemo(new GeoService(t.db.handle.db));
      await openCases(t.db.ctx, '0603', 12);
      await openCases(t.db.ctx, '0603', 1, { gender: 'Masculine', age: 40, citizenship: 'VE' });
      await openCases(t.db.ctx, '0101', 4, { gender: 'Masculine', age: 30 });
      const org = await makeOrg(t.db.ctx, '0603', 'Universidad (prueba)');
      colta = await signInNewUser(t.app, t.db.ctx, { role: 'researcher', scope: '0603', orgId: org });
      country = await signInNewUser(t.app, t.db.ctx, { role: 'researcher', scope: 'EC', orgId: org });
      donor = await signInNewUser(t.app, t.db.ctx, { role: 'donor_viewer', scope: '0603', orgId: org });
    });
    after(() => t.close());

    it('downloads the k-anonymous CSV of my canton only, in CTDC columns, with no personal field', async () => {
      const res = await t.app.inject({ url: '/api/insights/ctdc.csv', headers: colta.headers });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      assert.match(String(res.headers['content-disposition']), /attachment; filename="minka-ctdc-0603-/);
      const { columns, rows } = parse(res.body);
      assert.deepEqual(columns, ctdcColumns);
      // Twelve alike in Colta; the one different person is suppressed, and two of the twelve with them, so that
      // the dashboards' total (13) minus the rows of the file is never 1 or 2; Cuenca's four are out of reach.
      assert.equal(rows.length, 10);
      assert.ok(!/Zoila|Ficticia|0603|0101|Indigena/.test(res.body));
      const classes = new Map<string, number>();
      for (const r of rows) {
        const key = quasiIdentifiers.map((q) => r[q]).join('|');
        classes.set(key, (classes.get(key) ?? 0) + 1);
        assert.equal(r.majorityStatus, 'Minor');
        assert.equal(r.isForcedLabour, '1');
        assert.equal(r.typeOfLabourBegging, '1');
        assert.equal(r.meansOfControlDebtBondage, '1');
        assert.equal(r.recruiterRelationFamily, '1');
        assert.equal(r.traffickMonths, '12--24 (1-2 yrs)');
        assert.equal(r.CountryOfExploitation, 'CO');
      }
      for (const size of classes.values()) assert.ok(size >= 3);
      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('actor_user_id', '=', colta.userId)
        .where('action', '=', 'insights.ctdc_exported')
        .execute();
      assert.equal(audit.length, 1);
      assert.equal(JSON.parse(audit[0]!.details).published, 10);
    });

    it('reports what was generalised and suppresses at least k records, so no figure gives 1..k-1 people', async () => {
      const res = await t.app.inject({ url: '/api/insights/ctdc/report', headers: colta.headers });
      assert.equal(res.statusCode, 200, res.body);
      const r = res.json();
      assert.equal(r.k, 3);
      assert.equal(r.published, 10);
      assert.equal(r.suppressed, 3);
      assert.equal(r.records, 13);
      assert.equal(r.suppressedUnderK, false);
      assert.equal(r.smallestClass, 10);
      assert.equal(r.classes, 1);
      // One outlier is suppressed rather than coarsening everyone else's record.
      assert.deepEqual(r.generalised, []);
    });

    it('gives a country-wide researcher the whole country', async () => {
      const res = await t.app.inject({ url: '/api/insights/ctdc/report', headers: country.headers });
      assert.equal(res.statusCode, 200, res.body);
      // 17 people: the outlier and two of Colta's twelve are suppressed, Cuenca's four are published.
      assert.deepEqual([res.json().records, res.json().published, res.json().suppressed], [17, 14, 3]);
    });

    it('refuses roles without de-identified access, and anonymous callers', async () => {
      for (const url of ['/api/insights/ctdc.csv', '/api/insights/ctdc/report']) {
        assert.equal((await t.app.inject({ url, headers: donor.headers })).statusCode, 403);
        assert.equal((await t.app.inject({ url })).statusCode, 401);
      }
    });
  });
}
