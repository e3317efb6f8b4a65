import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nameKeys, phoneticKey } from './phonetic';

describe('phonetic keys for Spanish and Kichwa spellings', () => {
  const same: [string, string][] = [
    ['Quishpe', 'Quispe'],
    ['Guamán', 'Huaman'],
    ['Guamán', 'Waman'],
    ['Yupanqui', 'Llupanqui'],
    ['Yupanqui', 'Yupanki'],
    ['Cuji', 'Kuji'],
    ['Vásquez', 'Basques'],
    ['Zambrano', 'Sambrano'],
    ['Hilda', 'Ilda'],
    ['Tenemaza', 'Tinimasa'],
    ['Chimbo', 'Chimbu'],
    ['Morocho', 'Murucho'],
  ];
  for (const [a, b] of same) it(`${a} ≈ ${b}`, () => assert.equal(phoneticKey(a), phoneticKey(b)));

  it('keeps different names apart', () => {
    const pairs: [string, string][] = [
      ['Quishpe', 'Guamán'],
      ['Chimbo', 'Simbo'],
      ['Cuji', 'Guji'],
      ['Lema', 'Lara'],
    ];
    for (const [a, b] of pairs) {
      assert.notEqual(phoneticKey(a), phoneticKey(b), `${a} / ${b}`);
    }
  });

  it('splits full names into unique keys', () => {
    assert.deepEqual(nameKeys('María José', 'Quishpe Quispe'), ['maria', 'jusi', 'kispi']);
    assert.deepEqual(nameKeys('Sisa', null, 'Guamán-Lema'), ['sisa', 'waman', 'lima']);
  });
});
