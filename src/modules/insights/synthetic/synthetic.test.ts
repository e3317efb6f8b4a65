import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../../tests/support/app';
import { dbTargets } from '../../../../tests/support/db';
import { openCases } from '../../../../tests/support/open-data';
import { seedGeoDemo } from '../../geo/demo';
import { GeoService } from '../../geo/service';
import { toCsv } from '../csv';
import { ctdcColumns } from '../ctdc/columns';
import { prng } from '../generate';
import { storeFor } from '../store';
import { sample } from './model';
import { fitReleased, publishedReader, releasedAttributes } from './released';
import { SyntheticData, yearWindow } from './service';

for (const target of dbTargets()) {
  describe(`synthetic data on ${target.name}`, () => {
    let t: TestApp;
    let researcher: Signed & { userId: string; orgId: string };
    let donor: Signed;
    const post = (s: Signed | null, payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/insights/synthetic', payload, headers: s?.headers ?? {} });
    before(async () => {
      // A large budget here: these tests release several times; the budget has its own suite below.
      t = await openTestApp(target, { MINKA_DP_BUDGET: 100 });
      await seedGeoDemo(new GeoService(t.db.handle.db));
      await openCases(t.db.ctx, '0603', 15);
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
        'privacyBudget',
        'records',
        'toYear',
        'utility',
      ]);
      assert.deepEqual(Object.keys(report.utility).sort(), [
        'attributes',
        'averageTvd',
        'comparedWith',
        'noiseStdDev',
        'worstTvd',
      ]);
      assert.equal(report.utility.comparedWith, 'noisy-tables');
      assert.deepEqual(report.privacyBudget, {
        period: String(new Date().getUTCFullYear()),
        budget: 100,
        spent: 10,
        remaining: 90,
      });
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

    it('draws only from the published release: new cases in the period change nothing', async () => {
      // Seeded draws: the same release of the dashboards gives the same records. The real data change below
      // (twelve more people, registered last period) does not reach the release of the current period, and the
      // synthetic data read nothing else.
      const ctx = { ...t.db.ctx, config: { ...t.db.ctx.config, MINKA_DP_BUDGET: 100 } };
      const synthetic = new SyntheticData(ctx, () => prng(11));
      const before = await synthetic.release(actorOf(researcher), 1, 'same-release-1');
      await openCases(t.db.ctx, '0603', 12, { gender: 'Masculine', age: 35, citizenship: 'VE' });
      const after = await synthetic.release(actorOf(researcher), 1, 'same-release-2');
      assert.deepEqual(after.report.utility, before.report.utility);
      assert.equal(after.csv, before.csv);
      // And they are exactly the records drawn from the stored release's published values.
      const release = await storeFor(ctx).published(ctx.config.MINKA_DISCLOSURE_K, ctx.config.MINKA_RELEASE_MONTHS);
      const year = new Date().getUTCFullYear();
      const rng = prng(11);
      const model = fitReleased(
        publishedReader(release, { country: 'EC', code: '0603' }),
        1,
        releasedAttributes({ home: 'EC', fromYear: year - yearWindow, toYear: year }),
        rng,
      );
      assert.equal(toCsv(ctdcColumns, sample(model, rng)), before.csv);
    });
  });

  describe(`privacy budget of synthetic releases on ${target.name}`, () => {
    let t: TestApp;
    const users: Record<string, Signed & { userId: string }> = {};
    const post = (who: string, epsilon: number, lang = 'es') =>
      t.app.inject({
        method: 'POST',
        url: '/api/insights/synthetic',
        payload: { epsilon, format: 'json' },
        headers: { ...users[who]!.headers, 'accept-language': lang },
      });
    const ledger = () => t.db.handle.db.selectFrom('dp_epsilon_ledger').selectAll().execute();
    before(async () => {
      t = await openTestApp(target, { MINKA_DP_BUDGET: 2 });
      await seedGeoDemo(new GeoService(t.db.handle.db));
      await openCases(t.db.ctx, '0603', 15);
      await openCases(t.db.ctx, '0101', 15);
      const org = await makeOrg(t.db.ctx, '0603', 'Universidad (prueba)');
      for (const scope of ['0603', '06', '0101', 'EC', '0606'])
        users[scope] = await signInNewUser(t.app, t.db.ctx, { role: 'researcher', scope, orgId: org });
    });
    after(() => t.close());

    it('records each release and refuses one past the yearly budget with 409, releasing nothing', async () => {
      const first = await post('0603', 1.5);
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual(first.json().report.privacyBudget.remaining, 0.5);
      const refused = await post('0603', 1);
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().code, 'privacy_budget_exhausted');
      assert.match(refused.json().message, /presupuesto de privacidad/);
      assert.ok(!refused.body.includes('csv'));
      const en = await post('0603', 0.6, 'en');
      assert.equal(en.statusCode, 409);
      assert.match(en.json().message, /privacy budget.*0\.5 of 2 left/);
      // The province holds Colta's people, who have spent 1.5 already.
      assert.equal((await post('06', 0.6)).statusCode, 409);
      // Cuenca's people are others: their own budget is whole.
      assert.equal((await post('0101', 2)).statusCode, 200);
      const rows = await ledger();
      assert.deepEqual(rows.map((r) => [r.scope_path, Number(r.epsilon_micro)]).sort(), [
        ['EC/01/0101', 2_000_000],
        ['EC/06/0603', 1_500_000],
      ]);
      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select('actor_user_id')
        .where('action', '=', 'insights.synthetic_released')
        .execute();
      assert.equal(audit.length, 2);
    });

    it('counts every release a person is in: country, province and canton together', async () => {
      // Colta's people have 0.5 left, Cuenca's none: a country-wide release would pass Cuenca's budget.
      assert.equal((await post('EC', 0.1)).statusCode, 409);
      assert.equal((await post('0603', 0.5)).statusCode, 200);
      assert.equal((await post('0603', 0.1)).statusCode, 409);
      assert.equal((await ledger()).length, 3);
    });

    it('lets only one of two simultaneous releases spend the same remainder', async () => {
      // Guamote's people have spent nothing (Colta's releases are not theirs): 2 left, and two ask 1.5 at once.
      const both = await Promise.all([post('0606', 1.5), post('0606', 1.5)]);
      assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409]);
      assert.equal((await ledger()).filter((r) => r.scope_code === '0606').length, 1);
    });
  });
}

/** The actor behind a signed-in test user (researcher of canton 0603 in these tests). */
function actorOf(u: { userId: string; orgId: string }) {
  return {
    userId: u.userId,
    orgId: u.orgId,
    roles: ['researcher'],
    permissions: new Set(['insights:deidentified']),
    scope: { country: 'EC', code: '0603' },
    sessionId: '',
  };
}
