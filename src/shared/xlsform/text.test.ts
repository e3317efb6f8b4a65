import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type FormDef, textFor } from './index';

const form = (languages: FormDef['languages'], defaultLanguage: string): FormDef => ({
  formatVersion: 1,
  formId: 'f',
  title: {},
  version: '',
  defaultLanguage,
  languages,
  children: [],
  choices: {},
});

describe('textFor', () => {
  const coded = form(
    [
      { code: 'es', name: 'Español' },
      { code: 'qu', name: 'Kichwa' },
      { code: 'en', name: 'English' },
    ],
    'es',
  );
  const texts = { es: 'Edad', qu: 'Wiñay', en: 'Age' };

  test('picks the interface language by code', () => {
    assert.equal(textFor(texts, coded, 'es'), 'Edad');
    assert.equal(textFor(texts, coded, 'en'), 'Age');
    assert.equal(textFor(texts, coded, 'qu-EC'), 'Wiñay');
  });

  test('by language name when the columns have no code', () => {
    const named = form(
      [
        { code: 'español', name: 'Español' },
        { code: 'quichua', name: 'Quichua' },
        { code: 'english', name: 'English' },
      ],
      'español',
    );
    const t = { español: 'Edad', quichua: 'Wiñay', english: 'Age' };
    assert.equal(textFor(t, named, 'qu-EC'), 'Wiñay');
    assert.equal(textFor(t, named, 'en'), 'Age');
    assert.equal(textFor(t, named, 'es'), 'Edad');
    assert.equal(textFor({ default: 'Otro', es: 'Otro (especifique)' }, named, 'es'), 'Otro (especifique)');
  });

  test('falls back to the default language, the plain column, the first text, then empty', () => {
    assert.equal(textFor({ es: 'Edad' }, coded, 'qu-EC'), 'Edad');
    assert.equal(textFor({ default: 'Age', en: '' }, coded, 'en'), 'Age');
    assert.equal(textFor({ fr: 'Âge' }, coded, 'es'), 'Âge');
    assert.equal(textFor({}, coded, 'es'), '');
    assert.equal(textFor(undefined, coded, 'es'), '');
  });
});
