import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import enWeb from '../../shared/i18n/web/en.json' with { type: 'json' };
import esWeb from '../../shared/i18n/web/es.json' with { type: 'json' };
import quWeb from '../../shared/i18n/web/qu-EC.json' with { type: 'json' };
import { withSharedLabels } from '../../shared/labels/index';
import { pickLanguage, t } from './index';
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };
import qu from './locales/qu-EC.json' with { type: 'json' };

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('i18n', () => {
  it('picks es by default, honours Accept-Language and ?lang', () => {
    assert.equal(pickLanguage(undefined), 'es');
    assert.equal(pickLanguage('fr-FR,fr'), 'es');
    assert.equal(pickLanguage('en-US,en;q=0.9'), 'en');
    assert.equal(pickLanguage('qu-EC'), 'qu-EC');
    assert.equal(pickLanguage('qug'), 'qu-EC');
    assert.equal(pickLanguage('en', 'es'), 'es');
  });

  it("answers in the reader's language", () => {
    assert.equal(t('qu-EC', 'errors.internal_error'), 'Pantaymi tiyan. Kutin ruray kipalla.');
    assert.equal(t('es', 'errors.not_found'), 'No se encontró lo que busca.');
    assert.notEqual(t('qu-EC', 'errors.not_found'), t('es', 'errors.not_found'));
    assert.equal(t('en', 'errors.query_too_short', { min: 2 }), 'Type at least 2 characters to search.');
  });

  for (const [name, esCat, enCat, quCat] of [
    ['server', es, en, qu],
    ['web', withSharedLabels(esWeb, 'es'), withSharedLabels(enWeb, 'en'), withSharedLabels(quWeb, 'qu-EC')],
  ] as const) {
    it(`${name} catalogues: English covers Spanish exactly, Kichwa only uses known keys`, () => {
      assert.deepEqual(keys(enCat).sort(), keys(esCat).sort());
      const known = new Set(keys(esCat));
      for (const k of keys(quCat)) assert.ok(known.has(k), `qu-EC key ${k} exists in es`);
      for (const k of keys(esCat))
        assert.ok(String(k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], esCat)).trim());
    });
  }
});
