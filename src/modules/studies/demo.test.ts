import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { seedAccessDemo } from '../access/demo';
import { actorByEmail } from '../access/index';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';
import { StudyCounts } from './analysis';
import { demoPlaces, seedStudiesDemo } from './demo';
import { StudiesService } from './service';

// The demo Cuenca study: open, 70 interviews by the demo interviewer in three parishes, one of them (Quingeo, 6)
// under the disclosure threshold, so its counts show as suppressed.
for (const target of dbTargets()) {
  describe(`demo study on ${target.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      await seedAccessDemo(t.db.ctx);
      await seedStudiesDemo(t.db.ctx);
    });
    after(() => t.close());

    it('is open to the demo interviewer in Cuenca and holds 70 valid interviews', async () => {
      const interviewer = (await actorByEmail(t.db.ctx, 'encuestadora.cuenca@minka.demo'))!;
      const list = await new StudiesService(t.db.ctx).list(interviewer);
      assert.equal(list.length, 1);
      assert.equal(list[0]!.title.es, 'Causas y formas de la trata infantil en Cuenca');
      assert.equal(list[0]!.abilities.collect, true);
      const rows = await t.db.handle.db.selectFrom('study_submissions').selectAll().execute();
      assert.equal(rows.length, 70);
      assert.ok(rows.every((r) => r.interviewer_id === interviewer.userId));
      assert.ok(rows.every((r) => /^CUE-\d{4}$/.test(r.respondent_code)));
    });

    it('shows the coordinator two parishes and Quingeo suppressed', async () => {
      const researcher = (await actorByEmail(t.db.ctx, 'investigacion@minka.demo'))!;
      const study = (await new StudiesService(t.db.ctx).list(researcher))[0]!;
      const p = await new StudyCounts(t.db.ctx).progress(researcher, study.id, 'es');
      const at = (code: string) => p.byPlace.find((x) => x.code === code)!.count;
      assert.deepEqual(at(demoPlaces.quingeo), { value: null, suppressed: true });
      // One more parish is hidden with it (or the total), so the total minus the shown parishes does not give it back.
      const hidden = p.byPlace.filter((x) => x.count.suppressed).length;
      assert.ok(p.total.suppressed || hidden >= 2);
      assert.ok(
        p.byPlace.some((x) => x.count.value === 32),
        'a parish with enough interviews is shown',
      );
      const a = await new StudyCounts(t.db.ctx).analysis(researcher, study.id, 'destination', 'qu-EC');
      for (const r of a.rows)
        for (const c of [...r.cells, r.total]) if (!c.suppressed && c.value) assert.ok(c.value >= 11);
    });
  });
}
