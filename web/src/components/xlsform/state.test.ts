// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions write references as ${name}
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formState, parseXlsform } from '../../../../src/shared/xlsform';
import { sheetsOf } from '../../../../tests/support/xlsform';
import { fixedCount, mustAnswer } from './logic';
import { domId, getAt, initialAnswers, issuesFromError, setAt } from './state';

// The renderer's pure parts: paths into nested answers, a new form's first answers, issues from an API error, and the
// two pieces of form logic the view evaluates itself (required expressions, repeat_count).

const parsed = parseXlsform(
  sheetsOf(
    [
      { type: 'start', name: 'start' },
      { type: 'today', name: 'day' },
      { type: 'integer', name: 'n', label: 'Children', default: '2' },
      { type: 'date', name: 'visit', label: 'Visit', default: 'today()' },
      { type: 'select_multiple work', name: 'work', label: 'Work', default: 'farm sales' },
      { type: 'text', name: 'code', label: 'Code', required: '${n} > 1' },
      { type: 'begin repeat', name: 'kids', label: 'Child', repeat_count: '${n}' },
      { type: 'text', name: 'initials', label: 'Initials', default: 'XX' },
      { type: 'end repeat' },
      { type: 'begin repeat', name: 'free', label: 'Free' },
      { type: 'text', name: 'x', label: 'X', required: 'yes' },
      { type: 'end repeat' },
    ],
    [
      { list_name: 'work', name: 'farm', label: 'Farm' },
      { list_name: 'work', name: 'sales', label: 'Sales' },
    ],
  ),
  'test',
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const form = parsed.form;
const today = '2027-03-05';

describe('xlsform renderer state', () => {
  it('reads and writes answers by path, inside repeat instances too, without changing the given answers', () => {
    const a = { n: 1, kids: [{ initials: 'AB' }] };
    assert.equal(getAt(a, 'n'), 1);
    assert.equal(getAt(a, 'kids[0].initials'), 'AB');
    assert.equal(getAt(a, 'kids[3].initials'), null);
    assert.equal(getAt(a, 'missing'), null);
    const b = setAt(a, 'kids[1].initials', 'CD');
    assert.deepEqual(b, { n: 1, kids: [{ initials: 'AB' }, { initials: 'CD' }] });
    assert.deepEqual(a, { n: 1, kids: [{ initials: 'AB' }] });
    assert.deepEqual(setAt(b, 'n', null), { n: null, kids: b.kids });
  });

  it('gives element ids made of safe characters', () => {
    assert.equal(domId('collect-q', 'kids[1].initials'), 'collect-q-kids-1-initials');
  });

  it('fills a new form with its literal defaults, today() and the start and today metadata', () => {
    const a = initialAnswers(form, today);
    assert.equal(a.n, 2);
    assert.equal(a.visit, today);
    assert.deepEqual(a.work, ['farm', 'sales']);
    assert.equal(a.day, today);
    assert.match(String(a.start), /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(a.kids, undefined, 'repeat instances are made by the view');
  });

  it('keeps of earlier answers only what the form still asks, inside repeat instances too', () => {
    const a = initialAnswers(form, today, {
      n: 3,
      gone: 'x',
      kids: [{ initials: 'AB', old: 1 }, 'junk' as never],
      start: '2027-01-01T10:00:00.000Z',
    });
    assert.equal(a.n, 3);
    assert.equal(a.gone, undefined);
    assert.deepEqual(a.kids, [{ initials: 'AB' }, {}]);
    assert.equal(a.start, '2027-01-01T10:00:00.000Z', 'when the interview began stays');
    assert.equal(a.visit, today, 'a default fills what was not answered');
  });

  it('evaluates required expressions and repeat_count where a question stands', () => {
    const code = form.children.find((n) => n.name === 'code');
    const kids = form.children.find((n) => n.name === 'kids');
    const free = form.children.find((n) => n.name === 'free');
    assert.ok(code?.kind === 'question' && kids?.kind === 'repeat' && free?.kind === 'repeat');
    const x = free.children[0];
    assert.ok(x?.kind === 'question');
    const two = formState(form, { n: 2 }, { today });
    const one = formState(form, { n: 1 }, { today });
    assert.equal(mustAnswer(two, code, 'code', today), true);
    assert.equal(mustAnswer(one, code, 'code', today), false);
    assert.equal(mustAnswer(one, x, 'free[0].x', today), true);
    assert.equal(fixedCount(two, kids, 'kids', today), 2);
    assert.equal(fixedCount(formState(form, {}, { today }), kids, 'kids', today), 0);
    assert.equal(fixedCount(two, free, 'free', today), null);
  });

  it('takes answer issues from an API error body, or from its field problems', () => {
    const issues = [{ path: 'kids[0].initials', code: 'required' }];
    assert.deepEqual(issuesFromError({ code: 'answers_invalid', message: '…', issues }), issues);
    assert.deepEqual(issuesFromError({ body: { issues } }), issues, 'an ApiError carries the body');
    assert.deepEqual(
      issuesFromError({
        code: 'answers_invalid',
        fields: [
          { path: 'answers.kids.1.initials', problem: 'constraint', message: 'x' },
          { path: 'answers.n', problem: 'odd', message: 'Not like that' },
        ],
      }),
      [
        { path: 'kids[1].initials', code: 'constraint' },
        { path: 'n', code: 'type', message: { default: 'Not like that' } },
      ],
    );
    assert.deepEqual(issuesFromError({ issues: [{ path: 'n', code: 'nonsense' }, null] }), []);
    assert.deepEqual(issuesFromError(null), []);
    assert.deepEqual(issuesFromError('boom'), []);
  });
});
