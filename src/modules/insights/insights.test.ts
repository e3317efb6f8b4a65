import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { openTestCase } from '../../../tests/support/requests';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';
import { seedInsightsDemo } from './demo';
import { loadFacts } from './facts';
import { inRelease, releasePeriod } from './release';

for (const target of dbTargets()) {
  describe(`insights dashboard on ${target.name}`, () => {
    let t: TestApp;
    let researcher: Signed;
    let caseworker: Signed;
    const get = (s: Signed, url: string) => t.app.inject({ url, headers: s.headers });

    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, 'EC', 'Universidad (prueba)');
      await seedInsightsDemo(t.db.ctx);
      researcher = await signInNewUser(t.app, t.db.ctx, { role: 'researcher', scope: 'EC', orgId: org });
      const board = await makeOrg(t.db.ctx, '0603', 'Junta Colta (prueba)');
      caseworker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0603', orgId: board });
    });
    after(() => t.close());

    it('gives a researcher Chimborazo 2026 under disclosure control, with no personal data', async () => {
      const res = await get(researcher, '/api/insights/dashboard?division=06&year=2026');
      assert.equal(res.statusCode, 200, res.body);
      const d = res.json();
      assert.equal(d.exact, false);
      assert.equal(d.k, 11);
      // Protected figures come from the release of the current quarter (the default), which covers the quarters before.
      const period = releasePeriod(new Date(), 3);
      assert.equal(d.asOf, `${period}-01`);
      const facts = (await loadFacts(t.db.handle.db)).filter(
        (f) => f.province === '06' && f.year === 2026 && inRelease(f, period),
      );
      assert.equal(d.total.value, facts.length);
      assert.ok(facts.length >= 11);
      // Every number received is at least k or suppressed.
      const numbers: { value: number | null; suppressed: boolean }[] = [
        d.total,
        ...d.series.points,
        ...d.breakdowns.flatMap((b: { cells: [] }) => b.cells),
        ...d.map.areas,
        ...d.routes,
      ];
      assert.ok(numbers.some((c) => c.suppressed) && numbers.some((c) => !c.suppressed));
      for (const c of numbers) assert.ok(c.suppressed ? c.value === null : (c.value ?? 0) >= 11, JSON.stringify(c));
      // The map covers the cantons of Chimborazo in the geography, labelled.
      assert.deepEqual(
        d.map.areas.map((a: { code: string }) => a.code),
        ['0603', '0606'],
      );
      assert.equal(d.map.areas[0].label, 'Colta');
      const begging = d.breakdowns.find((b: { dimension: string }) => b.dimension === 'exploitation');
      // What is shown is exact; what is not is suppressed.
      const shown = begging.cells.filter((c: { suppressed: boolean }) => !c.suppressed);
      assert.ok(shown.length >= 1, JSON.stringify(begging.cells));
      for (const c of shown) assert.equal(c.value, facts.filter((f) => f.exploitation.includes(c.key)).length, c.key);
      assert.doesNotMatch(res.body, /Simulad|SIM-\d|prs_|Demo \d/);
    });

    it('gives a caseworker exact counts in their own canton, and nothing outside it', async () => {
      const res = await get(caseworker, '/api/insights/dashboard');
      assert.equal(res.statusCode, 200, res.body);
      const d = res.json();
      assert.equal(d.exact, true);
      assert.equal(d.filters.division, '0603');
      const colta = (await loadFacts(t.db.handle.db)).filter((f) => f.canton === '0603');
      assert.equal(d.total.value, colta.length);
      assert.equal((await get(caseworker, '/api/insights/dashboard?division=06')).statusCode, 404);
      assert.equal((await get(caseworker, '/api/insights/dashboard?division=0101')).statusCode, 404);
    });

    it('counts a new case on the next query (the store follows the case tables)', async () => {
      const before = (await get(caseworker, '/api/insights/dashboard?minor=true')).json().total.value;
      const id = await openTestCase(t, caseworker, { code: '060301', first: 'Prueba', second: 'Ficticia', age: 12 });
      assert.ok(id);
      const now = (await get(caseworker, '/api/insights/dashboard?minor=true')).json().total.value;
      assert.equal(now, before + 1);
    });

    it('keeps protected figures still until the release period closes, the same in every process', async () => {
      const before = (await get(researcher, '/api/insights/dashboard?division=06')).body;
      await openTestCase(t, caseworker, { code: '060301', first: 'Prueba', second: 'Ficticia Dos', age: 13 });
      // A second app on the same database (another process) reads the same snapshot.
      const { buildApp } = await import('../../app/index');
      const other = await buildApp({ ...t.db.ctx, webDir: null, logLevel: 'silent' });
      try {
        const again = await other.inject({ url: '/api/insights/dashboard?division=06', headers: researcher.headers });
        assert.equal(again.statusCode, 200);
        assert.equal(again.body, before);
      } finally {
        await other.close();
      }
      assert.equal((await get(researcher, '/api/insights/dashboard?division=06')).body, before);
      const rows = await t.db.handle.db.selectFrom('insight_snapshots').select('period').execute();
      assert.deepEqual(
        rows.map((r) => r.period),
        [releasePeriod(new Date(), 3)],
      );
    });

    it("publishes a plan's people counts as the dashboards publish them, so the two cannot be subtracted", async () => {
      const gad = await makeOrg(t.db.ctx, '0603', 'GAD Colta (prueba)');
      const planner = await signInNewUser(t.app, t.db.ctx, { role: 'municipal_planner', scope: '0603', orgId: gad });
      const donorOrg = await makeOrg(t.db.ctx, 'EC', 'Donante (prueba)');
      const donor = await signInNewUser(t.app, t.db.ctx, { role: 'donor_viewer', scope: 'EC', orgId: donorOrg });
      const send = (url: string, payload: object) =>
        t.app.inject({ method: 'POST', url, payload, headers: planner.headers });
      const plan = await send('/api/local-plans', {
        title: 'Plan Colta 2024-2025 (prueba)',
        division: { country: 'EC', code: '0603' },
        yearFrom: 2024,
        yearTo: 2025,
      });
      assert.equal(plan.statusCode, 200, plan.body);
      for (const [code, source] of [
        ['C1', 'cases_minors_assisted'],
        ['C2', 'cases_victims_identified'],
      ]) {
        const ind = { code, name: `Indicador ${code}`, kind: 'outcome', unit: 'count', source };
        const res = await send(`/api/local-plans/${plan.json().id}/indicators`, ind);
        assert.equal(res.statusCode, 200, res.body);
      }
      const indicators = (await get(donor, `/api/local-plans/${plan.json().id}`)).json().indicators;
      for (const [code, minor] of [
        ['C1', '&minor=true'],
        ['C2', ''],
      ]) {
        const values = indicators.find((i: { code: string }) => i.code === code).values;
        const dash = (await get(donor, `/api/insights/dashboard?division=0603&year=2025${minor}`)).json();
        const year = values.find((v: { period: string }) => v.period === '2025');
        assert.deepEqual({ value: year.value, suppressed: year.suppressed }, dash.total, code);
        if (code === 'C2') assert.ok((dash.total.value ?? 0) >= 11, 'Colta 2025 is published');
        assert.ok(
          values
            .filter((v: { period: string }) => v.period.includes('-Q'))
            .every((v: { suppressed: boolean }) => v.suppressed),
        );
      }
    });

    it('refuses bad filters with a clear code and never crashes', async () => {
      const cases: [string, number, string][] = [
        ['/api/insights/dashboard?division=060352', 400, 'division_too_fine'],
        ['/api/insights/dashboard?year=dos-mil', 400, 'validation_failed'],
        ['/api/insights/dashboard?year=1800', 400, 'validation_failed'],
        ['/api/insights/dashboard?minor=quizas', 400, 'validation_failed'],
        ['/api/insights/dashboard?division=%27%3B--', 400, 'validation_failed'],
        ['/api/insights/dashboard?name=Ana', 400, 'validation_failed'],
        ['/api/insights/dashboard?division=99', 404, 'not_found'],
      ];
      for (const [url, status, code] of cases) {
        const res = await get(researcher, url);
        assert.equal(res.statusCode, status, `${url}: ${res.body}`);
        assert.equal(res.json().code, code, url);
      }
    });
  });
}
