import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openTestApp, sharedData, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { parseBoundaries, parseDivisionCsv, parseInecTree } from './parse';
import { GeoService } from './service';

const inec = parseInecTree(readFileSync(`${sharedData}ecuador/dpa_provincias_cantones_parroquias.json`, 'utf8'), 'EC');
const boundaries = parseBoundaries(readFileSync(`${sharedData}ecuador/cantones_simplified.geojson`, 'utf8'));

for (const target of dbTargets()) {
  describe(`geography on ${target.name}`, () => {
    let t: TestApp;
    let geo: GeoService;
    let firstReport: Awaited<ReturnType<GeoService['import']>>;
    const get = async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url });
      return { status: res.statusCode, body: res.json() };
    };

    before(async () => {
      t = await openTestApp(target);
      geo = new GeoService(t.db.handle.db);
      firstReport = await geo.import({ country: 'EC', countryName: 'ECUADOR', divisions: inec.divisions, boundaries });
    });
    after(() => t.close());

    it('imports 24 provinces, 221 cantons, every parish and 221 canton boundaries', async () => {
      assert.equal(firstReport.added, 1 + 24 + 221 + inec.divisions.filter((d) => d.level === 3).length);
      assert.equal(firstReport.boundaries.added, 221);
      const [ec] = (await get('/api/geo/countries')).body;
      assert.deepEqual(ec.counts, { country: 1, level1: 24, level2: 221, level3: 1396 });
      const fc = (await get('/api/geo/boundaries/EC?level=2')).body;
      assert.equal(fc.type, 'FeatureCollection');
      assert.equal(fc.features.length, 221);
    });

    it('changes nothing on a second import of the same files', async () => {
      const again = await geo.import({ country: 'EC', countryName: 'ECUADOR', divisions: inec.divisions, boundaries });
      assert.equal(again.added, 0);
      assert.equal(again.updated, 0);
      assert.equal(again.unchanged, firstReport.added);
      assert.deepEqual(again.boundaries, { added: 0, updated: 0, unchanged: 221, unmatched: [] });
    });

    it('reports a rename from a CSV and keeps divisions missing from the file', async () => {
      const csv = 'code,name,parent_code,level\n0606,GUAMOTE (RENOMBRADO),06,2\n';
      const r = await geo.import({
        country: 'EC',
        countryName: 'ECUADOR',
        divisions: parseDivisionCsv(csv, 'EC').divisions,
      });
      assert.equal(r.updated, 1);
      assert.equal(r.added, 0);
      assert.ok(r.notInFile > 1600);
      assert.equal((await get('/api/geo/divisions/EC/0606')).body.name, 'GUAMOTE (RENOMBRADO)');
      const back = await geo.import({ country: 'EC', countryName: 'ECUADOR', divisions: inec.divisions });
      assert.equal(back.updated, 1);
    });

    it('rejects an import whose parent is unknown, writing nothing', async () => {
      const csv = 'code,name,parent_code,level\nZ1,Huérfana,NOPE,2\n';
      await assert.rejects(
        geo.import({ country: 'EC', countryName: 'ECUADOR', divisions: parseDivisionCsv(csv, 'EC').divisions }),
        /parent NOPE is neither in the file nor loaded/,
      );
      assert.equal((await get('/api/geo/divisions/EC/Z1')).status, 404);
    });

    it('lists children in name order with their boundary flag', async () => {
      const { status, body } = await get('/api/geo/divisions/EC/06/children');
      assert.equal(status, 200);
      assert.equal(body.length, 10);
      const colta = body.find((d: { code: string }) => d.code === '0603');
      assert.deepEqual(colta, {
        country: 'EC',
        code: '0603',
        level: 2,
        parentCode: '06',
        name: 'COLTA',
        label: 'Colta',
        hasBoundary: true,
      });
      const names = body.map((d: { name: string }) => d.name);
      assert.deepEqual(
        names,
        [...names].sort((a: string, b: string) => a.localeCompare(b, 'es')),
      );
      const parishes = (await get('/api/geo/divisions/EC/0603/children')).body;
      assert.deepEqual(parishes.map((p: { code: string }) => p.code).sort(), [
        '060301',
        '060302',
        '060350',
        '060351',
        '060352',
        '060353',
        '060354',
      ]);
      assert.equal((await get('/api/geo/divisions/EC')).body.length, 24);
    });

    it('returns a division with its ancestors', async () => {
      const { body } = await get('/api/geo/divisions/EC/060352');
      assert.equal(body.label, 'Columbe');
      assert.deepEqual(
        body.ancestors.map((a: { code: string }) => a.code),
        ['EC', '06', '0603'],
      );
      assert.equal(body.childCount, 0);
    });

    it('searches names ignoring accents and case', async () => {
      const hits = (await get('/api/geo/search?q=canar&level=1')).body;
      assert.deepEqual(
        hits.map((h: { name: string }) => h.name),
        ['CAÑAR'],
      );
      const guamote = (await get('/api/geo/search?q=GUAMOTE')).body;
      assert.deepEqual(
        guamote.map((h: { code: string }) => h.code),
        ['0606', '060650'],
      );
      const sicalpa = (await get('/api/geo/search?q=sícalpa&country=EC')).body;
      assert.equal(sicalpa[0].code, '060302');
      assert.equal((await get('/api/geo/search?q=%25%25')).body.length, 0, 'LIKE wildcards are literal');
      assert.equal((await get('/api/geo/search?q=a&limit=5')).status, 400);
      assert.equal((await get('/api/geo/search?q=san&limit=5')).body.length, 5);
    });

    it('filters boundaries by parent', async () => {
      const fc = (await get('/api/geo/boundaries/EC?parent=06')).body;
      assert.equal(fc.features.length, 10);
      assert.ok(fc.features.every((f: { properties: { code: string } }) => f.properties.code.startsWith('06')));
      assert.ok(['Polygon', 'MultiPolygon'].includes(fc.features[0].geometry.type));
    });

    it('answers 404 for unknown divisions and countries, 400 for malformed codes', async () => {
      assert.deepEqual(await get('/api/geo/divisions/EC/9999'), {
        status: 404,
        body: { code: 'not_found', message: 'No se encontró lo que busca.' },
      });
      assert.equal((await get('/api/geo/boundaries/PE')).body.code, 'unknown_country');
      const bad = await get('/api/geo/divisions/ec/06');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.code, 'validation_failed');
      assert.equal((await get('/api/geo/search?q=colta&level=9')).body.code, 'validation_failed');
      assert.equal((await get('/api/geo/search?q=colta&extra=1')).body.code, 'validation_failed');
    });
  });
}
