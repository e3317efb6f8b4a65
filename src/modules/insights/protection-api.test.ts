import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';
import { seedInsightsDemo } from './demo';
import { loadFacts } from './facts';
import { inRelease, releasePeriod } from './release';

interface Block {
  kinds: string[];
  rows: { year: number; cells: { kind: string; value: number | null; suppressed: boolean }[] }[];
}

for (const target of dbTargets()) {
  describe(`protection and justice figures on ${target.name}`, () => {
    let t: TestApp;
    let donor: Signed;
    let caseworker: Signed;
    let planner: Signed;
    const get = (s: Signed, url: string) => t.app.inject({ url, headers: s.headers });
    const block = async (s: Signed, query = ''): Promise<Block> => {
      const res = await get(s, `/api/insights/dashboard${query}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().protection;
    };
    const value = (b: Block, year: number, kind: string) =>
      b.rows.find((r) => r.year === year)?.cells.find((c) => c.kind === kind);

    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      await seedInsightsDemo(t.db.ctx);
      const donorOrg = await makeOrg(t.db.ctx, 'EC', 'Donante (prueba)');
      donor = await signInNewUser(t.app, t.db.ctx, { role: 'donor_viewer', scope: 'EC', orgId: donorOrg });
      const board = await makeOrg(t.db.ctx, '0603', 'Junta Colta (prueba)');
      caseworker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0603', orgId: board });
      const gad = await makeOrg(t.db.ctx, '0603', 'GAD Colta (prueba)');
      planner = await signInNewUser(t.app, t.db.ctx, { role: 'municipal_planner', scope: '0603', orgId: gad });
    });
    after(() => t.close());

    it('gives the donor prosecutions and convictions by year, counts under k suppressed, the rest exact', async () => {
      const b = await block(donor);
      const period = releasePeriod(new Date(), 3);
      const facts = (await loadFacts(t.db.handle.db)).filter((f) => inRelease(f, period));
      for (const kind of ['MeasureDecided', 'Returned', 'Complaint', 'Prosecution', 'Conviction'])
        assert.ok(b.kinds.includes(kind), `${kind} in ${b.kinds}`);
      let shown = 0;
      let hidden = 0;
      for (const r of b.rows)
        for (const c of r.cells) {
          const truth = facts.filter((f) => f.protection.includes(`${r.year}:${c.kind}`)).length;
          if (c.suppressed) {
            assert.equal(c.value, null);
            hidden++;
          } else {
            assert.equal(c.value, truth, `${r.year} ${c.kind}`);
            assert.ok(truth >= 11);
            shown++;
          }
        }
      assert.ok(shown > 0 && hidden > 0, JSON.stringify(b));
      // Convictions are published for at least one year; a year's row is the same cell in a year's response.
      const convicted = b.rows.filter((r) => !value(b, r.year, 'Conviction')?.suppressed);
      assert.ok(convicted.length >= 1, JSON.stringify(b));
      for (const r of b.rows) assert.deepEqual((await block(donor, `?year=${r.year}`)).rows, [r]);
      // A canton: every cell the release shows is at least k.
      for (const c of (await block(donor, '?division=0606')).rows.flatMap((r) => r.cells))
        assert.ok(c.suppressed ? c.value === null : c.value! >= 11, JSON.stringify(c));
    });

    it('gives a caseworker exact counts in their canton, and follows a recorded conviction at once', async () => {
      const colta = (await loadFacts(t.db.handle.db)).filter((f) => f.canton === '0603');
      const b = await block(caseworker);
      for (const r of b.rows)
        for (const c of r.cells) {
          assert.equal(c.suppressed, false);
          assert.equal(c.value, colta.filter((f) => f.protection.includes(`${r.year}:${c.kind}`)).length);
        }
      const donorBefore = (await get(donor, '/api/insights/dashboard')).body;
      // A Colta person without a complaint: the prosecutor records one, charged and convicted in 2025.
      const person = colta.find((f) => !f.protection.some((p) => /Complaint|Prosecution|Conviction/.test(p)))!;
      const db = t.db.handle.db;
      const { id: caseId } = await db
        .selectFrom('cases')
        .select('id')
        .where('person_id', '=', person.key)
        .executeTakeFirstOrThrow();
      const count = async (kind: string) => value(await block(caseworker), 2025, kind)?.value ?? 0;
      const [complaints, convictions, acquittals] = [
        await count('Complaint'),
        await count('Conviction'),
        await count('Acquittal'),
      ];
      const id = randomUUID();
      await db
        .insertInto('complaints')
        .values({
          id,
          case_id: caseId,
          filed_on: '2025-02-03',
          institution: null,
          institution_org_id: null,
          prosecutor_office: null,
          prosecutor_org_id: null,
          file_number_enc: null,
          stage: 'trial',
          charged_on: '2025-03-01',
          outcome: 'conviction',
          outcome_on: '2025-11-20',
          sentence_months: 120,
          fine_amount: null,
          reparation_enc: null,
          reparation_amount: null,
          created_by: 'test',
          created_at: '2025-02-03T10:00:00.000Z',
          updated_at: '2025-02-03T10:00:00.000Z',
        })
        .execute();
      assert.deepEqual([await count('Complaint'), await count('Conviction')], [complaints + 1, convictions + 1]);
      // Overturned on appeal: an acquittal instead; then the record removed: back where it was.
      await db.updateTable('complaints').set({ outcome: 'acquittal' }).where('id', '=', id).execute();
      assert.deepEqual([await count('Conviction'), await count('Acquittal')], [convictions, acquittals + 1]);
      await db.deleteFrom('complaints').where('id', '=', id).execute();
      assert.deepEqual(
        [await count('Complaint'), await count('Conviction'), await count('Acquittal')],
        [complaints, convictions, acquittals],
      );
      // The donor's figures are the release's: one conviction never shows.
      assert.equal((await get(donor, '/api/insights/dashboard')).body, donorBefore);
    });

    it("publishes a plan's protection indicators as the dashboard publishes the same cells", async () => {
      const send = (url: string, payload: object) =>
        t.app.inject({ method: 'POST', url, payload, headers: planner.headers });
      const year = new Date().getUTCFullYear() - 1;
      const plan = await send('/api/local-plans', {
        title: 'Plan Colta protección (prueba)',
        division: { country: 'EC', code: '0603' },
        yearFrom: year,
        yearTo: year,
      });
      assert.equal(plan.statusCode, 200, plan.body);
      const sources: [string, string][] = [
        ['P1', 'cases_measures_decided'],
        ['P2', 'cases_complaints'],
        ['P3', 'cases_prosecutions'],
        ['P4', 'cases_convictions'],
      ];
      for (const [code, source] of sources) {
        const ind = { code, name: `Indicador ${code}`, kind: 'outcome', unit: 'count', source };
        const res = await send(`/api/local-plans/${plan.json().id}/indicators`, ind);
        assert.equal(res.statusCode, 200, res.body);
      }
      const kinds: Record<string, string> = {
        P1: 'MeasureDecided',
        P2: 'Complaint',
        P3: 'Prosecution',
        P4: 'Conviction',
      };
      const donorPlan = (await get(donor, `/api/local-plans/${plan.json().id}`)).json().indicators;
      const dash = await block(donor, '?division=0603');
      const colta = (await loadFacts(t.db.handle.db)).filter((f) => f.canton === '0603');
      const exactPlan = (await get(caseworker, `/api/local-plans/${plan.json().id}`)).json().indicators;
      for (const [code] of sources) {
        type Value = { period: string; value: number | null; suppressed: boolean };
        const yearValue = (list: { code: string; values: Value[] }[]) =>
          list.find((i) => i.code === code)!.values.find((v) => v.period === String(year))!;
        const d = value(dash, year, kinds[code]!);
        const got = yearValue(donorPlan);
        assert.deepEqual(
          { value: got.value, suppressed: got.suppressed },
          d ? { value: d.value, suppressed: d.suppressed } : { value: null, suppressed: true },
          code,
        );
        // A case reader sees the canton's exact count of the year.
        const exact = yearValue(exactPlan);
        assert.equal(exact.value, colta.filter((f) => f.protection.includes(`${year}:${kinds[code]}`)).length, code);
        // Its quarters come from the case tables: each at most the year, together at least the year (a person with
        // events in two quarters counts in both).
        const quarters = exactPlan
          .find((i: { code: string }) => i.code === code)!
          .values.filter((v: Value) => v.period.startsWith(`${year}-Q`))
          .map((v: Value) => v.value ?? 0);
        assert.equal(quarters.length, 4, code);
        assert.ok(Math.max(...quarters) <= exact.value!, code);
        assert.ok(quarters.reduce((a: number, b: number) => a + b, 0) >= exact.value!, code);
      }
    });
  });
}
