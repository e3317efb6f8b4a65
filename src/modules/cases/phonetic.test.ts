import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keyTriples, nameKeys, nameTerms, phoneticKey, searchTerm, withinOneEdit } from './phonetic';

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

  it('indexes a name under its keys, every two and every three of them, particles aside', () => {
    assert.deepEqual(nameTerms('Sisa', 'Quishpe'), ['sisa', 'kispi', 'kispi|sisa']);
    assert.deepEqual(nameTerms('Sisa Killa', 'Quishpe'), [
      'sisa',
      'kiya',
      'kispi',
      'kispi|kiya',
      'kispi|sisa',
      'kiya|sisa',
      'kispi|kiya|sisa',
    ]);
    assert.equal(keyTriples(nameKeys('María', 'de la Cruz Quishpe Lema')).length, 4, 'de and la make no triple');
    assert.equal(keyTriples(nameKeys('Uno Dos Tres Cuatro Cinco Seis Siete Ocho Nueve Diez')).length, 56);
  });

  it('searches by the most telling term a person with the typed keys is indexed under', () => {
    assert.deepEqual(searchTerm(nameKeys('Lema Quispe Sisa María')), { term: 'kispi|lima|sisa', rest: ['maria'] });
    assert.ok(nameTerms('Sisa María', 'Quishpe Lema').includes(searchTerm(nameKeys('Lema Quispe Sisa'))!.term));
    assert.deepEqual(searchTerm(nameKeys('Sisa de la Cruz')), { term: 'krus|sisa', rest: ['di', 'la'] });
    assert.deepEqual(searchTerm(nameKeys('de la Cruz')), { term: 'krus', rest: ['di', 'la'] });
    assert.deepEqual(searchTerm(nameKeys('Lema')), { term: 'lima', rest: [] });
    assert.equal(searchTerm([]), null);
  });

  it('tells words one typo apart', () => {
    for (const [a, b] of [
      ['quishpe', 'quisxpe'],
      ['lema', 'lemaa'],
      ['guaman', 'guman'],
    ])
      assert.ok(withinOneEdit(a!, b!), `${a} / ${b}`);
    for (const [a, b] of [
      ['quishpe', 'quispex'],
      ['lema', 'lara'],
    ])
      assert.ok(!withinOneEdit(a!, b!), `${a} / ${b}`);
  });
});
