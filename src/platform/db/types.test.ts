import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ts from 'typescript';
import { dbTargets, type TestDb } from '../../../tests/support/db';

// db/types.ts is written by hand; this test holds it to the schema the migrations really build, on both engines:
// the same tables, the same columns, and (on PostgreSQL, where a primary key is always NOT NULL; SQLite lets a
// non-integer primary key hold null, so its flag says nothing) a column may be null exactly when its type allows null.

interface Column {
  name: string;
  nullable: boolean | null;
}

/** Tables and columns as db/types.ts declares them in `Database`, read with the TypeScript checker. */
function declaredTables(): Map<string, Column[]> {
  const file = path.join(import.meta.dirname, 'types.ts');
  const program = ts.createProgram([file], { strict: true, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const symbol = checker.getSymbolAtLocation(source)!;
  const database = checker.getExportsOfModule(symbol).find((s) => s.name === 'Database')!;
  const tables = new Map<string, Column[]>();
  for (const table of checker.getDeclaredTypeOfSymbol(database).getProperties()) {
    const rowType = checker.getTypeOfSymbol(table);
    const columns = rowType.getProperties().map((c) => {
      const text = checker.typeToString(checker.getTypeOfSymbol(c));
      return { name: c.name, nullable: /\bnull\b/.test(text) };
    });
    tables.set(table.name, columns);
  }
  return tables;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

for (const target of dbTargets()) {
  describe(`db/types.ts against the migrated schema on ${target.name}`, () => {
    let db: TestDb;
    before(async () => {
      db = await target.open();
    });
    after(() => db.cleanup());

    it('declares exactly the tables and columns the migrations create, with the same nullability', async () => {
      const strict = target.name === 'postgres';
      const declared = declaredTables();
      const real = (await db.handle.db.introspection.getTables())
        .filter((t) => !t.name.startsWith('kysely_') && t.schema !== 'information_schema' && !t.isView)
        .map((t) => ({
          name: t.name,
          columns: t.columns.map((c) => ({ name: c.name, nullable: strict ? c.isNullable : null })).sort(byName),
        }))
        .sort(byName);
      assert.deepEqual(
        real.map((t) => t.name),
        [...declared.keys()].sort(),
      );
      for (const t of real) {
        const want = declared.get(t.name)!.map((c) => ({ name: c.name, nullable: strict ? c.nullable : null }));
        assert.deepEqual(t.columns, want.sort(byName), `table ${t.name}`);
      }
    });
  });
}
