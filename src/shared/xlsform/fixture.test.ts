// The submissions of the every-type fixture form: validateAnswers (the server) and formState (the browser) agree.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { everyTypeCases, everyTypeSheets, fixtureContext } from '../../../tests/support/xlsform';
import { type Answers, formState, parseXlsform, validateAnswers } from './index';

const parsed = parseXlsform(everyTypeSheets(), 'every_type');
assert.ok(parsed.ok);
const form = parsed.form;

describe('every-type form submissions', () => {
  for (const c of everyTypeCases) {
    test(c.name, () => {
      const server = validateAnswers(form, c.answers, fixtureContext);
      assert.deepEqual(
        server.issues.map((i) => `${i.path}:${i.code}`),
        c.issues,
      );
      assert.equal(server.ok, c.issues.length === 0);
      if (c.cleaned) assert.deepEqual(server.answers, c.cleaned);
      const browser = formState(form, c.answers as Answers, fixtureContext);
      assert.deepEqual(browser.issues, server.issues);
      assert.deepEqual(browser.answers, server.answers);
      // The cleaned answers are themselves valid and stable.
      if (server.ok) assert.deepEqual(validateAnswers(form, server.answers, fixtureContext), server);
    });
  }

  test('constraint messages come in the form languages', () => {
    const r = validateAnswers(
      form,
      { ...(everyTypeCases[0]!.answers as object), respondent_code: 'x' },
      fixtureContext,
    );
    assert.deepEqual(r.issues, [
      {
        path: 'respondent_code',
        code: 'constraint',
        message: { es: 'Formato: AB-123', qu: 'Kashna killkay: AB-123', en: 'Format: AB-123' },
      },
    ]);
  });

  test('formState answers where a question stands: required, relevant, choices, repeat count', () => {
    const s = formState(form, { consent: 'OK', canton: 'cuenca', children: [{ child_age: 7 }] }, fixtureContext);
    assert.equal(s.required('respondent_code'), true);
    assert.equal(s.required('income'), false);
    assert.equal(s.required('children[0].child_alias'), true);
    assert.equal(s.relevant('children[0].child_in_school'), true);
    assert.equal(s.relevant('help_detail'), false);
    assert.equal(s.value('household_size'), 2);
    assert.equal(s.repeatCount('children'), null);
    const parish = form.children.find((n) => n.name === 'parish');
    assert.ok(parish?.kind === 'question');
    assert.deepEqual(
      s.choices(parish, 'parish').map((c) => c.name),
      ['banos', 'ricaurte', 'sinincay'],
    );
    const hidden = formState(form, {}, fixtureContext);
    assert.equal(hidden.relevant('household'), false);
    assert.equal(hidden.required('respondent_code'), false, 'a question in a hidden group is not required');
  });
});

test('formState is cheap enough to run on every keystroke', () => {
  const answers = everyTypeCases[0]!.answers as Answers;
  const started = performance.now();
  for (let i = 0; i < 300; i++) formState(form, { ...answers, age: i % 120 }, fixtureContext);
  const perRun = (performance.now() - started) / 300;
  assert.ok(perRun < 20, `${perRun.toFixed(2)} ms per evaluation`);
});
