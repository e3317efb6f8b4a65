import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { sharedData } from '../../../tests/support/app';
import { ImportFileError, parseBoundaries, parseDivisionCsv, parseDivisionsFile, parseInecTree } from './parse';
import { escapeLike, searchForm, titleCase } from './text';

const inecText = readFileSync(`${sharedData}ecuador/dpa_provincias_cantones_parroquias.json`, 'utf8');
const geojsonText = readFileSync(`${sharedData}ecuador/cantones_simplified.geojson`, 'utf8');

describe('INEC DPA tree parser', () => {
  const { divisions, skipped } = parseInecTree(inecText, 'EC');
  const byLevel = (l: number) => divisions.filter((d) => d.level === l);

  it('reads 24 provinces, 221 cantons and every parish, and skips the non-delimited zone 90', () => {
    assert.equal(byLevel(1).length, 24);
    assert.equal(byLevel(2).length, 221);
    const parishesInFile = Object.values(
      JSON.parse(inecText) as Record<string, { cantones: Record<string, { parroquias: object | null }> }>,
    )
      .flatMap((p) => Object.values(p.cantones))
      .reduce((n, c) => n + Object.keys(c.parroquias ?? {}).length, 0);
    assert.equal(byLevel(3).length, parishesInFile);
    assert.equal(skipped.length, 1);
    assert.match(skipped[0] ?? '', /^90: 3 non-delimited/);
  });

  it('restores the accents INEC leaves off six province names', () => {
    const name = (code: string) => divisions.find((d) => d.code === code)?.name;
    assert.equal(name('02'), 'BOLÍVAR');
    assert.equal(name('20'), 'GALÁPAGOS');
    assert.equal(name('23'), 'SANTO DOMINGO DE LOS TSÁCHILAS');
    assert.equal(name('06'), 'CHIMBORAZO');
  });

  it('pads codes to 2, 4 and 6 digits and links each to its parent', () => {
    const colta = divisions.find((d) => d.code === '0603');
    assert.deepEqual(colta, { code: '0603', name: 'COLTA', parentCode: '06', level: 2 });
    assert.deepEqual(
      divisions.find((d) => d.code === '010101'),
      { code: '010101', name: 'BELLAVISTA', parentCode: '0101', level: 3 },
    );
    assert.equal(divisions.find((d) => d.code === '01')?.parentCode, 'EC');
    for (const d of divisions) assert.equal(d.code.length, d.level * 2, d.code);
  });

  it('rejects text that is not JSON or not a tree', () => {
    assert.throws(() => parseInecTree('{', 'EC'), ImportFileError);
    assert.throws(() => parseInecTree('[1,2]', 'EC'), /expected an object/);
    assert.throws(() => parseInecTree('{"1":{"provincia":"X"}}', 'EC'), /missing "cantones"/);
  });
});

describe('CSV division parser', () => {
  it('reads code, name, parent_code, level with a BOM and any column order', () => {
    const csv = '\uFEFFname,code,level,parent_code\nProvincia Uno,P1,1,\nCantón Uno,C1,2,P1\n';
    assert.deepEqual(parseDivisionCsv(csv, 'ZZ').divisions, [
      { code: 'P1', name: 'Provincia Uno', parentCode: 'ZZ', level: 1 },
      { code: 'C1', name: 'Cantón Uno', parentCode: 'P1', level: 2 },
    ]);
  });

  it('names every bad row by line', () => {
    const csv = 'code,name,parent_code,level\nP1,Uno,,1\nbad code,Dos,P1,2\nC3,,P1,7\nC4,Cuatro,,2\n';
    try {
      parseDivisionCsv(csv, 'ZZ');
      assert.fail('expected an error');
    } catch (e) {
      assert.ok(e instanceof ImportFileError);
      assert.deepEqual(e.problems, [
        'line 3: code "bad code" is not a valid code',
        'line 4: level must be 1, 2 or 3',
        'line 4: name is empty',
        'line 5: parent_code is empty',
      ]);
    }
  });

  it('reports missing columns and empty files', () => {
    assert.throws(() => parseDivisionCsv('code,name\nA,B\n', 'ZZ'), /missing column\(s\): parent_code, level/);
    assert.throws(() => parseDivisionCsv('code,name,parent_code,level\n', 'ZZ'), /no rows/);
    assert.throws(() => parseDivisionsFile('x.xml', '', 'ZZ'), /unknown divisions format/);
  });
});

describe('GeoJSON boundary parser', () => {
  it('finds DPA_CANTON and reads all 221 canton boundaries with 4-digit codes', () => {
    const b = parseBoundaries(geojsonText);
    assert.equal(b.length, 221);
    assert.equal(new Set(b.map((x) => x.code)).size, 221);
    assert.ok(b.every((x) => /^\d{4}$/.test(x.code)));
    assert.ok(b.some((x) => x.code === '0606' && x.geometry.type === 'Polygon'));
  });

  it('uses a named code property and pads INEC codes given as numbers', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [{ properties: { DPA_PROVIN: 6 }, geometry: { type: 'Polygon', coordinates: [] } }],
    };
    assert.equal(parseBoundaries(JSON.stringify(fc))[0]?.code, '06');
    const other = {
      type: 'FeatureCollection',
      features: [{ properties: { id: 'X9' }, geometry: { type: 'MultiPolygon', coordinates: [] } }],
    };
    assert.throws(() => parseBoundaries(JSON.stringify(other)), /--code-property/);
    assert.equal(parseBoundaries(JSON.stringify(other), 'id')[0]?.code, 'X9');
  });

  it('rejects non-polygon geometry and non-collections', () => {
    const bad = {
      type: 'FeatureCollection',
      features: [{ properties: { DPA_CANTON: '0101' }, geometry: { type: 'Point', coordinates: [0, 0] } }],
    };
    assert.throws(() => parseBoundaries(JSON.stringify(bad)), /feature 1 \(0101\): geometry must be a Polygon/);
    assert.throws(() => parseBoundaries('{"type":"Feature"}'), /FeatureCollection/);
  });
});

describe('name helpers', () => {
  it('searchForm drops accents and case', () => {
    assert.equal(searchForm('  CAÑAR  Ñuño '), 'canar nuno');
    assert.equal(searchForm('Cajabamba'), searchForm('CAJABAMBA'));
  });
  it('titleCase keeps Spanish particles lowercase', () => {
    assert.equal(
      titleCase('SANTIAGO DE QUITO (CAB. EN SAN ANTONIO DE QUITO)'),
      'Santiago de Quito (Cab. en San Antonio de Quito)',
    );
    assert.equal(titleCase('LA TRONCAL'), 'La Troncal');
    assert.equal(titleCase('VILLA LA UNIÓN (CAJABAMBA)'), 'Villa La Unión (Cajabamba)');
    assert.equal(titleCase('SAN JOSÉ DE LA FLORESTA'), 'San José de la Floresta');
  });
  it('escapeLike escapes wildcards', () => {
    assert.equal(escapeLike('50%_a\\'), '50\\%\\_a\\\\');
  });
});
