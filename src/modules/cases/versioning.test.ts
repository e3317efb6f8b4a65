import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeFields, sameValue } from './versioning';

describe('field-level merge', () => {
  const current = { given: 'Rosa', birth: '2011-03-02', exploitation: ['ForcedLabour', 'Begging'], minor: true };

  it('applies every changed field when nobody else changed anything since the base', () => {
    const r = mergeFields(current, { given: 'Rosa María', birth: '2011-03-02' }, new Set());
    assert.deepEqual(r, { ok: true, changes: [{ field: 'given', from: 'Rosa', to: 'Rosa María' }] });
  });

  it('merges a stale edit of a field nobody else touched', () => {
    const r = mergeFields(current, { birth: '2010-03-02' }, new Set(['given']));
    assert.deepEqual(r, { ok: true, changes: [{ field: 'birth', from: '2011-03-02', to: '2010-03-02' }] });
  });

  it('is a conflict when someone else changed the same field to something else, with both values', () => {
    const r = mergeFields(current, { given: 'Rosa Elena', birth: '2010-03-02' }, new Set(['given']));
    assert.deepEqual(r, { ok: false, conflicts: [{ field: 'given', yours: 'Rosa Elena', theirs: 'Rosa' }] });
  });

  it('is no conflict when both made the same change', () => {
    const r = mergeFields(current, { given: 'Rosa' }, new Set(['given']));
    assert.deepEqual(r, { ok: true, changes: [] });
  });

  it('compares picklists as sets and treats empty text as no value', () => {
    assert.ok(sameValue(['Begging', 'ForcedLabour'], ['ForcedLabour', 'Begging']));
    assert.ok(sameValue('', null));
    assert.ok(!sameValue(['Begging'], ['Begging', 'ForcedLabour']));
    assert.ok(sameValue({ b: 1, a: [2, 1] }, { a: [1, 2], b: 1 }));
  });
});
