import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dbTargets, type TestDb } from '../../../tests/support/db';
import { personalColumns } from './personal-columns';

const linkColumn: Record<string, string | null> = {
  person: 'id',
  person_id: 'person_id',
  case: 'id',
  case_id: 'case_id',
  case_code: 'case_code',
  report_id: 'report_id',
  referral_id: 'referral_id',
  none: null,
};

for (const target of dbTargets()) {
  describe(`the registry of personal columns on ${target.name}`, () => {
    let db: TestDb;
    let schema: Map<string, Map<string, { nullable: boolean }>>;
    before(async () => {
      db = await target.open();
      const tables = await db.ctx.db.db.introspection.getTables();
      schema = new Map(
        tables
          .filter((t) => !t.name.startsWith('kysely_') && t.schema !== 'pgboss')
          .map((t) => [t.name, new Map(t.columns.map((c) => [c.name, { nullable: c.isNullable }]))]),
      );
    });
    after(() => db.cleanup());

    it('classifies every sealed (_enc) and blind-index (_index) column of the migrated schema', () => {
      const known = new Set(personalColumns.map((c) => `${c.table}.${c.column}`));
      const missing = [...schema].flatMap(([t, cols]) =>
        [...cols.keys()].filter((c) => /_(enc|index)$/.test(c) && !known.has(`${t}.${c}`)).map((c) => `${t}.${c}`),
      );
      assert.deepEqual(missing, [], `add these to src/modules/rights/personal-columns.ts: ${missing.join(', ')}`);
    });

    it('names only columns that exist, each once, with a reason', () => {
      const seen = new Set<string>();
      for (const c of personalColumns) {
        const key = `${c.table}.${c.column}`;
        assert.ok(schema.get(c.table)?.has(c.column), `${key} is not in the schema`);
        assert.ok(!seen.has(key), `${key} is listed twice`);
        seen.add(key);
        assert.ok(c.why.length > 10, `${key} says why`);
        assert.equal(c.kind, c.column.endsWith('_index') ? 'index' : 'sealed', key);
      }
    });

    it('links every erased column through a column its table has, and blanks exactly the NOT NULL ones', () => {
      for (const c of personalColumns) {
        const key = `${c.table}.${c.column}`;
        const link = linkColumn[c.link];
        if (c.fate === 'kept') {
          assert.equal(c.link, 'none', key);
          continue;
        }
        assert.ok(link && schema.get(c.table)?.has(link), `${key}: ${c.table} has no ${link}`);
        assert.ok(schema.get(c.table)?.has('id') || c.deleteRows, `${key}: rows need an id to be sealed again`);
        const nullable = schema.get(c.table)!.get(c.column)!.nullable;
        if (c.deleteRows) continue;
        assert.equal(
          c.blank === undefined,
          nullable,
          `${key}: ${nullable ? 'nullable, set to NULL' : 'NOT NULL, needs a blank'}`,
        );
      }
    });
  });
}
