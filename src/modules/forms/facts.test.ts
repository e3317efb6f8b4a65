import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FormDef, Question } from '../../shared/xlsform/types';
import { changedNames, factsOf } from './facts';

const q = (name: string, aggregate: boolean): Question => ({
  kind: 'question',
  type: 'select_one',
  name,
  label: {},
  hint: {},
  row: 2,
  readOnly: false,
  aggregate,
});

describe('form answers as facts', () => {
  const form: Pick<FormDef, 'children'> = {
    children: [
      q('sexo', true),
      { kind: 'group', name: 'g', label: {}, hint: {}, row: 3, children: [q('escuela', true), q('nombre', false)] },
      { kind: 'repeat', name: 'hijos', label: {}, hint: {}, row: 6, children: [q('edad', true), q('apodo', false)] },
      { kind: 'repeat', name: 'notas', label: {}, hint: {}, row: 9, children: [q('texto', false)] },
    ],
  };

  it('keeps only answers to aggregate questions, in groups and in each repeat instance', () => {
    const facts = factsOf(form, {
      sexo: 'female',
      escuela: 'no',
      nombre: 'Demo Prueba',
      hijos: [{ edad: 'a', apodo: 'x' }, { apodo: 'y' }],
      notas: [{ texto: 'privado' }],
      missing: null,
    });
    assert.deepEqual(facts, { sexo: 'female', escuela: 'no', hijos: [{ edad: 'a' }, {}] });
  });

  it('names the answers that changed, never their values', () => {
    assert.deepEqual(changedNames({ a: 1, b: 'x', c: ['1'] }, { a: 1, b: 'y', d: 'n', c: ['1'] }), ['b', 'd']);
    assert.deepEqual(changedNames({ a: null }, {}), []);
  });
});
