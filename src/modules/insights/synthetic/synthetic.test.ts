import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../../tests/support/app';
import { dbTargets } from '../../../../tests/support/db';
import { openCases } from '../../../../tests/support/open-data';
import { IntakeService } from '../../cases/intake';
import { seedGeoDemo } from '../../geo/demo';
import { GeoService } from '../../geo/service';
import { ctdcColumns } from '../ctdc/columns';

for (const target of dbTargets()) {
  describe(`synthetic data on ${target.name}`, () => {
    let t: TestApp;
    let researcher: Signed & { userId: string };
    let donor: Signed;
    const post = (s: Signed | null, payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/insights/synthetic', payload, headers: s?.headers ?? {} });
    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      await openCases(new IntakeService(t.db.ctx), '0603', 15);
      const org = await makeOrg(t.db.ctx, '0603', 'Universidad (prueba)');
      researcher = await signInNewUser(t.app, t.db.ctx, { role: 'researcher', scope: '0603', orgId: org });
      donor = await signInNewUser(t.app, t.db.ctx, { role: 'donor_viewer', scope: '0603', orgId: org });
    });
    after(() => t.close());

    it('refuses an epsilon out of range with a stable code', async () => {
      for (const epsilon of [0.01, 0, 11, -2]) {
        const res = await post(researcher, { epsilon });
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().code, 'epsilon_out_of_range');
      }
      const en = await t.app.inject({
        method: 'POST',
        url: '/api/insights/synthetic',
        payload: { epsilon: 20 },
        headers: { ...researcher.headers, 'accept-language': 'en' },
      });
      assert.match(en.json().message, /between 0\.1 and 10/);
      assert.equal((await post(researcher, { epsilon: 'high' })).json().code, 'validation_failed');
    });

    it('releases synthetic records as JSON with the CSV and a report of shares, and audits the epsilon', async () => {
      const res = await post(researcher, { epsilon: 10, format: 'json' });
      assert.equal(res.statusCode, 200, res.body);
      const { report, csv } = res.json();
      assert.equal(report.epsilon, 10);
      assert.equal(report.columns, ctdcColumns.length);
      assert.ok(Math.abs(report.budget.epsilonPerRelease * report.budget.releases - 10) < 1e-9);
      assert.ok(report.utility.attributes.some((a: { column: string }) => a.column === 'ageBroad'));
      assert.ok(csv.startsWith('\uFEFF'));
      const lines = csv.slice(1).trimEnd().split('\r\n');
      assert.deepEqual(lines[0].split(','), ctdcColumns);
      assert.equal(lines.length - 1, report.records);
      assert.ok(!/Zoila|Ficticia/.test(res.body));
      // No real count in the report: only shares and the synthetic (noisy) number of records.
      assert.deepEqual(Object.keys(report).sort(), [
        'budget',
        'columns',
        'epsilon',
        'fromYear',
        'records',
        'toYear',
        'utility',
      ]);
      assert.deepEqual(Object.keys(report.utility).sort(), ['attributes', 'averageTvd', 'worstTvd']);
      for (const a of report.utility.attributes)
        assert.deepEqual(Object.keys(a).sort(), ['column', 'maxShareDiff', 'tvd']);
      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select('details')
        .where('actor_user_id', '=', researcher.userId)
        .where('action', '=', 'insights.synthetic_released')
        .execute();
      assert.equal(audit.length, 1);
      assert.equal(JSON.parse(audit[0]!.details).epsilon, 10);
    });

    it('downloads CSV by default with epsilon 1', async () => {
      const res = await post(researcher, {});
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      assert.match(String(res.headers['content-disposition']), /minka-synthetic-/);
      assert.deepEqual(res.body.slice(1).split('\r\n')[0]!.split(','), ctdcColumns);
    });

    it('refuses roles without de-identified access, and anonymous callers', async () => {
      assert.equal((await post(donor, { epsilon: 1 })).statusCode, 403);
      assert.equal((await post(null, { epsilon: 1 })).statusCode, 401);
    });
  });
}
