import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogueNames, kichwaProvenance, placeholders, shipped, sources } from './catalogues';

// Kichwa everywhere: every string of every catalogue (staff app, server messages, e-mails, documents, report pages,
// vocabularies) has a Kichwa value, and every Kichwa value says where it comes from.
describe('Kichwa coverage and provenance', () => {
  const es = shipped('es');
  const qu = shipped('qu-EC');

  it('every key of every catalogue has a Kichwa value', () => {
    const missing = Object.keys(es).filter((k) => !qu[k]?.trim());
    assert.deepEqual(missing, []);
    for (const name of catalogueNames)
      assert.ok(
        Object.keys(es).some((k) => k.startsWith(`${name}:`)),
        name,
      );
  });

  it('every Kichwa value has a provenance entry, and every entry a Kichwa value', () => {
    assert.deepEqual(
      Object.keys(qu).filter((k) => !kichwaProvenance[k]),
      [],
    );
    assert.deepEqual(
      Object.keys(kichwaProvenance).filter((k) => !(k in qu)),
      [],
    );
    const wrong = Object.entries(kichwaProvenance).filter(([, p]) => !sources.includes(p.source));
    assert.deepEqual(wrong, []);
  });

  it('Kichwa values keep the placeholders of the Spanish ones', () => {
    const broken = Object.keys(qu).filter(
      (k) => es[k] && placeholders(qu[k]!).join('|') !== placeholders(es[k]!).join('|'),
    );
    assert.deepEqual(broken, []);
  });

  it('Kichwa values are Kichwa: no Spanish sentence copied as is', () => {
    // One loanword (Fiscalía, ONG), placeholders or an institution's name may stay; a sentence may not.
    const names = new Set(['Junta Cantonal de Protección de Derechos']);
    const words = (s: string) => s.replace(/\{\{[^}]+\}\}/g, '').match(/\p{L}+/gu) ?? [];
    const copied = Object.keys(qu).filter((k) => qu[k] === es[k] && !names.has(es[k]!) && words(es[k]!).length >= 3);
    assert.deepEqual(copied, []);
  });
});
