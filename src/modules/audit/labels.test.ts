import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { auditActionKeys } from '../../shared/i18n/audit-labels';
import en from '../../shared/i18n/web/en.json' with { type: 'json' };
import es from '../../shared/i18n/web/es.json' with { type: 'json' };
import qu from '../../shared/i18n/web/qu-EC.json' with { type: 'json' };
import { breakCodes } from './schema';

const root = path.resolve(import.meta.dirname, '../../..');
const code = String.raw`'([a-z_]+(?:\.[a-z_]+)+)'`;

// Actions built from a template: each template the sources use, with every value its variable can take. A new
// template fails the test until it is listed here.
const templates: Record<string, string[]> = {
  'case.${ch.type}_updated': ['case', 'person', 'event', 'perpetrator'].map((t) => `case.${t}_updated`),
  'case.${type}_added': ['case.event_added', 'case.perpetrator_added'],
  'case.${type}_removed': ['case.event_removed', 'case.perpetrator_removed'],
  '${type}.document_uploaded': ['plan.document_uploaded', 'agreement.document_uploaded'],
  '${type}.document_downloaded': ['plan.document_downloaded', 'agreement.document_downloaded'],
  // The returns services' one audited helper (modules/returns/service.ts).
  'case.${action}': [
    'arrival_recorded',
    'assessment_recorded',
    'document_linked',
    'exchange_recorded',
    'plan_closed',
    'recorded',
    'tracing_recorded',
    'visit_recorded',
  ].map((a) => `case.return_${a}`),
};

// Every action code and record type the server writes to the audit trail, read from the sources: `action: '…'`
// (also both arms of a ternary), action templates, and codes handed to helpers that take the action as an argument
// (any literal whose prefix is an action prefix, outside a t() call).
function scan() {
  const actions = new Map<string, string>();
  const types = new Map<string, string>();
  const unknownTemplates: string[] = [];
  const texts = readdirSync(path.join(root, 'src'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('i18n'))
    .map((f) => [f, readFileSync(path.join(root, 'src', f), 'utf8')] as const);
  for (const [f, text] of texts) {
    for (const m of text.matchAll(
      new RegExp(String.raw`\baction:\s*(?:[^,\n'?]*\?\s*)?${code}(?:\s*:\s*${code})?`, 'g'),
    ))
      for (const c of [m[1], m[2]]) if (c) actions.set(c, f);
    for (const m of text.matchAll(/\baction:\s*`([^`]+)`/g)) {
      const expanded = templates[m[1]!];
      if (expanded) for (const c of expanded) actions.set(c, f);
      else unknownTemplates.push(`${m[1]} (${f})`);
    }
    for (const m of text.matchAll(/\brecordType:\s*(?:[^,\n'?]*\?\s*)?'([a-z_]+)'(?:\s*:\s*'([a-z_]+)')?/g))
      for (const t of [m[1], m[2]]) if (t) types.set(t, f);
  }
  const prefixes = new Set([...actions.keys()].map((c) => c.split('.')[0]));
  for (const [f, text] of texts)
    for (const m of text.matchAll(new RegExp(`(?<!\\bt\\((?:\\w+,\\s*)?)${code}`, 'g')))
      if (prefixes.has(m[1]!.split('.')[0]) && !actions.has(m[1]!)) actions.set(m[1]!, f);
  return { actions, types, unknownTemplates };
}

type Tree = { [k: string]: Tree | string };
const get = (cat: Tree, key: string) =>
  key.split('.').reduce<Tree | string | undefined>((n, p) => (typeof n === 'object' ? n[p] : undefined), cat);
const has = (cat: Tree, key: string) => {
  const v = get(cat, key);
  return typeof v === 'string' && v.trim() !== '';
};
const labelled = (cat: Tree, action: string) => {
  const k = auditActionKeys(action);
  return has(cat, k.whole) || (has(cat, k.type) && has(cat, k.verb));
};
const catalogues = { es, en, 'qu-EC': qu } as Record<string, Tree>;

describe('audit labels', () => {
  const { actions, types, unknownTemplates } = scan();
  // 'thing' is the test record type of the audit module's own tests, written from a test helper.
  types.delete('thing');

  it('finds the actions the server writes, including helper arguments and templates', () => {
    for (const c of [
      'case.read',
      'device.registered',
      'audit.chain_keyed',
      'sharing_agreement.created',
      'auth.sign_in',
      'case.decision',
      'referral.accepted',
      'insights.ctdc_exported',
      'case.person_updated',
      'agreement.document_uploaded',
      'user.permissions_changed',
    ])
      assert.ok(actions.has(c), `${c} not found by the scan`);
    assert.ok(actions.size >= 100, `only ${actions.size} actions found`);
    assert.ok(!actions.has('report.title'), 'a catalogue key read through t() is not an action');
    assert.deepEqual(unknownTemplates, [], 'action templates: list what each can expand to');
  });

  for (const [lang, cat] of Object.entries(catalogues))
    it(`every action and record type has a label in ${lang}`, () => {
      const missing = [...actions].filter(([c]) => !labelled(cat, c)).map(([c, f]) => `${c} (${f})`);
      assert.deepEqual(missing, []);
      const noType = [...types].filter(([t]) => !has(cat, `audit.types.${t}`)).map(([t, f]) => `${t} (${f})`);
      assert.deepEqual(noType, []);
      const noProblem = breakCodes.filter((c) => !has(cat, `admin.chainProblem.${c}`));
      assert.deepEqual(noProblem, [], 'every reason the chain check can give is worded on the audit page');
    });

  it('an unlabelled action is reported', () => {
    assert.equal(labelled(catalogues.es!, 'case.read'), true);
    assert.equal(labelled(catalogues.es!, 'case.no_such_verb'), false);
    assert.equal(labelled(catalogues.es!, 'nosuchtype.read'), false);
  });
});
