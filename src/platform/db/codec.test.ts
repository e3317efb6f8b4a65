import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rowCodec } from './codec';

interface Row {
  id: string;
  active: number;
  archived: number | null;
  tags: string | null;
  total: string | number;
}

const codec = rowCodec<Row>()({ booleans: ['active', 'archived'], numbers: ['total'], json: { tags: [] as string[] } });

describe('row codec', () => {
  it('decodes 0/1, text JSON and string counts as either engine returns them', () => {
    const r = codec.decode({ id: 'a', active: 1, archived: null, tags: '["x","y"]', total: '12' });
    assert.deepEqual(r, { id: 'a', active: true, archived: null, tags: ['x', 'y'], total: 12 });
    assert.deepEqual(codec.decode({ id: 'b', active: 0, archived: 0, tags: null, total: 3 }).tags, []);
    assert.equal(codec.decode({ id: 'b', active: 0, archived: 0, tags: null, total: 3 }).active, false);
  });

  it('gives every empty JSON column its own fallback value, never a shared one', () => {
    const a = codec.decode({ id: 'a', active: 1, archived: 0, tags: null, total: 0 });
    a.tags.push('changed');
    assert.deepEqual(codec.decode({ id: 'b', active: 1, archived: 0, tags: null, total: 0 }).tags, []);
  });

  it('encodes back to the stored form and leaves absent columns absent', () => {
    assert.deepEqual(codec.encode({ active: false, tags: ['z'] }), { active: 0, tags: '["z"]' });
    assert.deepEqual(codec.encode({ id: 'c' }), { id: 'c' });
  });
});
