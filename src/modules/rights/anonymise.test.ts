import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { dbTargets, type TestDb } from '../../../tests/support/db';
import { seedDemo } from '../../app/index';
import { fileStoreOf } from '../../platform/blobs/index';
import type { Context } from '../../platform/context';
import { permissions } from '../access/permissions';
import { RecordService } from '../cases/index';
import { factsOf } from '../insights/facts';
import { storeFor } from '../insights/index';
import { anonymiseCase, anonymisePerson } from './anonymise';
import { personalColumns } from './personal-columns';

// The canary test of erasure: a person and two cases full of a canary string in every sealed column of every row
// that belongs to them (found from the schema, not from the registry), plus attachments, a linked public report,
// a merged duplicate; after anonymisation no sealed value anywhere decrypts to contain it, no plain column holds it,
// no stored file does, nor the raw SQLite file; the facts and the analytical store are unchanged.

const CANARY = 'Demo Canario Zq7xK';
const CONTROL = 'Demo Testigo Wv3pL';
type AnyDb = Kysely<Record<string, Record<string, unknown>>>;
type Col = {
  name: string;
  dataType: string;
  isNullable: boolean;
  hasDefaultValue: boolean;
  isAutoIncrementing: boolean;
};
type Table = { name: string; columns: Col[] };

const place = (table: string, row: string, column: string) => ({ table, row, column: column.replace(/_enc$/, '') });

async function schemaOf(ctx: Context): Promise<Table[]> {
  return (await ctx.db.db.introspection.getTables())
    .filter((t) => !t.name.startsWith('kysely_') && t.schema !== 'pgboss')
    .map((t) => ({ name: t.name, columns: t.columns as Col[] }));
}

/** A value for a NOT NULL column of a row the test adds (only its sealed columns matter). */
function filler(c: Col, links: Record<string, string>): unknown {
  if (c.name in links) return links[c.name];
  if (c.name === 'id' || c.name.endsWith('_id')) return randomUUID();
  if (c.name.endsWith('_by')) return 'demo-seed';
  const type = c.dataType.toLowerCase();
  if (/int|numeric|real|double|decimal|float/.test(type)) return 0;
  if (/bool/.test(type)) return false;
  if (/blob|bytea/.test(type)) return Buffer.from('x');
  // PostgreSQL's introspection gives no length: short values fit any column.
  if (c.name.endsWith('_on')) return '2026-01-01';
  if (c.name.endsWith('_at')) return new Date().toISOString();
  if (c.name.includes('country')) return 'EC';
  return `T${randomUUID().slice(0, 6)}`;
}

/** Every sealed value of the database, decrypted (a value that does not open fails the test: it could hide a canary). */
async function everySealed(ctx: Context, tables: Table[]) {
  const db = ctx.db.db as unknown as AnyDb;
  const out: { where: string; text: string }[] = [];
  for (const t of tables) {
    const enc = t.columns.filter((c) => c.name.endsWith('_enc')).map((c) => c.name);
    if (!enc.length) continue;
    for (const r of await db
      .selectFrom(t.name)
      .select(['id', ...enc])
      .execute())
      for (const c of enc) {
        const v = r[c] as string | null;
        if (v == null) continue;
        const where = `${t.name}.${c}#${r.id}`;
        try {
          out.push({ where, text: ctx.crypto.decrypt(v, place(t.name, String(r.id), c)) });
        } catch (e) {
          throw new Error(`${where} does not open: ${(e as Error).message}`);
        }
      }
  }
  return out;
}

/** Every plain text value of the database (audit details, JSON lists, codes…). */
async function everyPlain(ctx: Context, tables: Table[]) {
  const db = ctx.db.db as unknown as AnyDb;
  const out: { where: string; text: string }[] = [];
  for (const t of tables) {
    const cols = t.columns
      .filter((c) => !c.name.endsWith('_enc') && /char|text|json/i.test(c.dataType))
      .map((c) => c.name);
    if (!cols.length) continue;
    for (const r of await db.selectFrom(t.name).select(cols).execute())
      for (const c of cols) if (typeof r[c] === 'string') out.push({ where: `${t.name}.${c}`, text: r[c] as string });
  }
  return out;
}

/** Every stored attachment, decrypted with the store's naming convention (see platform/crypto/rotate.ts). */
async function everyFile(ctx: Context) {
  const store = fileStoreOf(ctx);
  const out: { id: string; text: string }[] = [];
  let after = '';
  for (;;) {
    const ids = await store.list(after, 200);
    if (!ids.length) break;
    for (const id of ids) {
      const m = id.match(/^(case-|plan-)?([0-9a-f-]{36})$/)!;
      const table = m[1] === 'case-' ? 'case_files' : m[1] === 'plan-' ? 'plan_documents' : 'report_files';
      const bytes = ctx.crypto.decryptBytes((await store.get(id))!, { table, row: m[2]!, column: 'data' });
      out.push({ id, text: bytes.toString('latin1') });
    }
    after = ids.at(-1)!;
  }
  return out;
}

const cellsOf = async (ctx: Context) =>
  (await ctx.db.db.selectFrom('insight_cells').select(['cell', 'counts']).orderBy('cell').execute()).map(
    (c) => `${c.cell}=${c.counts}`,
  );

for (const target of dbTargets()) {
  describe(`anonymisation on ${target.name}`, () => {
    let db: TestDb;
    let ctx: Context;
    let tables: Table[];
    const s = {} as {
      person: string;
      merged: string;
      caseA: { id: string; code: string; owner_org_id: string };
      caseB: string;
      control: string;
      report: string;
      caseFile: string;
      reportFile: string;
      planted: Set<string>;
    };

    before(async () => {
      db = await target.open();
      ctx = db.ctx;
      await seedDemo(ctx);
      tables = await schemaOf(ctx);
      const q = ctx.db.db;
      const a = await q.selectFrom('cases').selectAll().where('code', '=', 'GUA-2026-0001').executeTakeFirstOrThrow();
      const b = await q.selectFrom('cases').selectAll().where('code', '=', 'GUA-2026-0002').executeTakeFirstOrThrow();
      // One person with both rich demo cases (board, prosecution, referrals, files / returns, tracing, assessments),
      // and the other case's person as a duplicate merged into them.
      await q.updateTable('cases').set({ person_id: a.person_id }).where('id', '=', b.id).execute();
      await q.updateTable('persons').set({ merged_into: a.person_id }).where('id', '=', b.person_id).execute();
      const control = await q
        .selectFrom('cases')
        .select(['id', 'person_id'])
        .where('person_id', 'not in', [a.person_id, b.person_id])
        .orderBy('code')
        .executeTakeFirstOrThrow();
      const report = await q.selectFrom('reports').select('id').orderBy('code').executeTakeFirstOrThrow();
      await q.updateTable('reports').set({ case_code: a.code }).where('id', '=', report.id).execute();
      Object.assign(s, {
        person: a.person_id,
        merged: b.person_id,
        caseA: a,
        caseB: b.id,
        control: control.person_id,
        report: report.id,
        planted: new Set<string>(),
      });
      const referrals = await q.selectFrom('referrals').select('id').where('case_id', 'in', [a.id, b.id]).execute();
      assert.ok(referrals.length, 'the demo case has a referral');
      // Rows of the person and cases, found from the schema: a case_id, a person_id, or the known links.
      const linksFor = (t: Table): [string, string[]] | null => {
        const has = (c: string) => t.columns.some((x) => x.name === c);
        if (t.name === 'persons') return ['id', [a.person_id, b.person_id]];
        if (t.name === 'cases') return ['id', [a.id, b.id]];
        if (t.name === 'reports') return ['id', [report.id]];
        if (has('case_id')) return ['case_id', [a.id, b.id]];
        if (has('person_id')) return ['person_id', [a.person_id, b.person_id]];
        if (has('report_id')) return ['report_id', [report.id]];
        if (has('referral_id')) return ['referral_id', referrals.map((r) => r.id)];
        return null;
      };
      const any = q as unknown as AnyDb;
      for (const t of tables) {
        const enc = t.columns.filter((c) => c.name.endsWith('_enc')).map((c) => c.name);
        const link = linksFor(t);
        if (!enc.length || !link) continue;
        let rows = await any.selectFrom(t.name).select('id').where(link[0], 'in', link[1]).execute();
        if (!rows.length) {
          // None in the demo: add one (its plain columns filled with nonsense; only the sealed ones matter here).
          const links: Record<string, string> = {
            [link[0]]: link[1][0]!,
            case_id: a.id,
            person_id: a.person_id,
            report_id: report.id,
            referral_id: referrals[0]!.id,
          };
          // Columns naming another row point at a real one (foreign keys): the case's own first, else any.
          for (const c of t.columns) {
            const stem = c.name.replace(/_id$/, '');
            if (c.isNullable || !c.name.endsWith('_id') || c.name in links) continue;
            const ref = tables.find((x) => x.name === `${stem}s` || x.name.endsWith(`_${stem}s`));
            if (ref) {
              const mine = ref.columns.some((x) => x.name === 'case_id')
                ? await any.selectFrom(ref.name).select('id').where('case_id', 'in', [a.id, b.id]).executeTakeFirst()
                : undefined;
              const r = mine ?? (await any.selectFrom(ref.name).select('id').executeTakeFirst());
              if (r) links[c.name] = String(r.id);
            }
          }
          const row = Object.fromEntries(
            t.columns
              .filter((c) => c.name === 'id' || (!c.isNullable && !c.hasDefaultValue && !c.isAutoIncrementing))
              .map((c) => [c.name, filler(c, links)]),
          );
          await any
            .insertInto(t.name)
            .values(row)
            .execute()
            .catch((e: Error) => {
              throw new Error(`adding a row to ${t.name}: ${e.message} ${JSON.stringify(row)}`);
            });
          rows = [{ id: row.id }];
        }
        for (const r of rows) {
          const id = String(r.id);
          const set = Object.fromEntries(
            enc.map((c) => [c, ctx.crypto.encrypt(`${CANARY} ${t.name}.${c}`, place(t.name, id, c))]),
          );
          await any.updateTable(t.name).set(set).where('id', '=', id).execute();
          for (const c of enc) s.planted.add(`${t.name}.${c}`);
        }
      }
      // Attachments: one on the case, one on the report, the canary in their bytes.
      s.caseFile = randomUUID();
      s.reportFile = randomUUID();
      const files = fileStoreOf(ctx);
      const now = new Date().toISOString();
      await q
        .insertInto('case_files')
        .values({
          id: s.caseFile,
          case_id: a.id,
          kind: 'document',
          mime: 'application/pdf',
          size: 30,
          name_enc: ctx.crypto.encrypt(`${CANARY}.pdf`, place('case_files', s.caseFile, 'name')),
          created_by: 'demo-seed',
          created_at: now,
        })
        .execute();
      await files.put(
        `case-${s.caseFile}`,
        ctx.crypto.encryptBytes(Buffer.from(`%PDF ${CANARY}`), place('case_files', s.caseFile, 'data')),
      );
      await q
        .insertInto('report_files')
        .values({
          id: s.reportFile,
          report_id: report.id,
          kind: 'photo',
          mime: 'image/jpeg',
          size: 30,
          created_at: now,
        })
        .execute();
      await files.put(
        s.reportFile,
        ctx.crypto.encryptBytes(Buffer.from(`JPEG ${CANARY}`), place('report_files', s.reportFile, 'data')),
      );
      // A control person the erasure must not touch.
      await q
        .updateTable('persons')
        .set({ given_names_enc: ctx.crypto.encrypt(CONTROL, place('persons', control.person_id, 'given_names')) })
        .where('id', '=', control.person_id)
        .execute();
      await q.insertInto('field_cases').values({ user_id: 'demo-seed', case_id: a.id, marked_at: now }).execute();
    });
    after(() => db.cleanup());

    it('plants the canary in every erased column of the registry (so the test reaches each)', () => {
      const erased = personalColumns
        .filter((c) => c.fate !== 'kept' && c.kind === 'sealed')
        .map((c) => `${c.table}.${c.column}`);
      assert.deepEqual(
        erased.filter((c) => !s.planted.has(c)),
        [],
      );
    });

    it('destroys every sealed value, index and file of the person and their cases; keeps facts and figures', async () => {
      const before = await everySealed(ctx, tables);
      assert.ok(before.filter((v) => v.text.includes(CANARY)).length >= s.planted.size);
      const facts = await factsOf(ctx.db.db, [s.person]);
      assert.ok(facts.length, 'the person has a counted fact');
      const store = storeFor(ctx);
      await store.rebuild();
      const cells = await cellsOf(ctx);

      const filesBefore = (
        await ctx.db.db.selectFrom('case_files').select('id').where('case_id', 'in', [s.caseA.id, s.caseB]).execute()
      ).length;
      const r = await anonymisePerson(ctx, s.person, { actor: null, cause: 'erasure', requestId: 'req-canary' });
      assert.equal(r.cases, 2);
      assert.ok(r.values >= s.planted.size, `values ${r.values}`);
      assert.equal(r.files, filesBefore + 1, 'the case files and the report file');

      const sealed = await everySealed(ctx, tables);
      assert.deepEqual(
        sealed.filter((v) => v.text.includes(CANARY)).map((v) => v.where),
        [],
      );
      assert.ok(
        sealed.some((v) => v.text === CONTROL),
        'the control person keeps their name',
      );
      const plain = await everyPlain(ctx, tables);
      assert.deepEqual(
        plain.filter((v) => v.text.includes('Canario')).map((v) => v.where),
        [],
      );
      const files = await everyFile(ctx);
      assert.deepEqual(
        files.filter((f) => f.text.includes(CANARY)).map((f) => f.id),
        [],
      );
      assert.ok(!files.some((f) => f.id === `case-${s.caseFile}` || f.id === s.reportFile));
      if (target.name === 'sqlite') {
        const path = db.config.sqlitePath;
        for (const f of [path, `${path}-wal`].filter((x) => existsSync(x)))
          assert.equal(readFileSync(f).includes(Buffer.from('Canario')), false, f);
      }

      const q = ctx.db.db;
      for (const id of [s.person, s.merged]) {
        const p = await q.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        assert.ok(p.anonymised_at);
        assert.deepEqual(
          [p.given_names_enc, p.surnames_enc, p.birthdate_index, p.identity_index, p.contact_enc],
          [null, null, null, null, null],
        );
      }
      assert.equal(
        (
          await q
            .selectFrom('person_name_keys')
            .select('key_index')
            .where('person_id', 'in', [s.person, s.merged])
            .execute()
        ).length,
        0,
      );
      const rep = await q.selectFrom('reports').selectAll().where('id', '=', s.report).executeTakeFirstOrThrow();
      assert.deepEqual([rep.contact_index, rep.receipt_hash, rep.receipt_locator], [null, null, null]);
      assert.equal(
        (await q.selectFrom('field_cases').select('case_id').where('case_id', '=', s.caseA.id).execute()).length,
        0,
      );
      const cs = await q
        .selectFrom('cases')
        .select(['anonymised_at', 'status'])
        .where('id', 'in', [s.caseA.id, s.caseB])
        .execute();
      assert.ok(cs.every((c) => c.anonymised_at));

      // The facts and every cell of the analytical store are what they were (incrementally and rebuilt).
      assert.deepEqual(await factsOf(ctx.db.db, [s.person]), facts);
      await store.sync(true);
      assert.deepEqual(await cellsOf(ctx), cells);
      await store.rebuild();
      assert.deepEqual(await cellsOf(ctx), cells);

      // One audit entry: the cause and the number of cases, never a field or a value.
      const audit = await q.selectFrom('audit_log').selectAll().where('action', '=', 'person.anonymised').execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.record_id, s.person);
      assert.equal(audit[0]!.fields, null);
      assert.deepEqual(JSON.parse(audit[0]!.details), { cause: 'erasure', cases: 2 });
    });

    it('is idempotent: a second run destroys nothing more and writes no entry', async () => {
      const r = await anonymisePerson(ctx, s.person, { actor: null, cause: 'retention' });
      assert.deepEqual(r, { cases: 0, values: 0, files: 0 });
      assert.deepEqual(await anonymiseCase(ctx, s.caseB, { actor: null, cause: 'retention' }), {
        cases: 0,
        values: 0,
        files: 0,
      });
      const n = await ctx.db.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', 'in', ['person.anonymised', 'case.anonymised'])
        .execute();
      assert.equal(n.length, 1);
    });

    it('refuses changes to an anonymised case (409 case_anonymised)', async () => {
      const actor = {
        userId: 'demo-seed',
        orgId: s.caseA.owner_org_id,
        roles: ['supervisor'],
        permissions: new Set<string>(permissions),
        scope: { country: 'EC', code: 'EC' },
        sessionId: '',
      } as never;
      await assert.rejects(
        new RecordService(ctx).update({
          actor,
          caseId: s.caseA.id,
          type: 'case',
          fields: { vic_MonthsExploited: 3 },
          version: 1,
          requestId: 'r',
        }),
        (e: { statusCode?: number; code?: string }) => e.statusCode === 409 && e.code === 'case_anonymised',
      );
    });

    it('anonymises one case and keeps the person when they have others', async () => {
      const q = ctx.db.db;
      const c = await q
        .selectFrom('cases')
        .select(['id', 'person_id'])
        .where('person_id', '=', s.control)
        .executeTakeFirstOrThrow();
      await q
        .updateTable('cases')
        .set({ closure_reason_enc: ctx.crypto.encrypt(CANARY, place('cases', c.id, 'closure_reason')) })
        .where('id', '=', c.id)
        .execute();
      const r = await anonymiseCase(ctx, c.id, { actor: null, cause: 'retention' });
      assert.equal(r.cases, 1);
      const row = await q
        .selectFrom('cases')
        .select(['closure_reason_enc', 'anonymised_at'])
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual([row.closure_reason_enc, Boolean(row.anonymised_at)], [null, true]);
      const p = await q
        .selectFrom('persons')
        .select(['given_names_enc', 'anonymised_at'])
        .where('id', '=', s.control)
        .executeTakeFirstOrThrow();
      assert.equal(ctx.crypto.decrypt(p.given_names_enc!, place('persons', s.control, 'given_names')), CONTROL);
      assert.equal(p.anonymised_at, null);
      const audit = await q.selectFrom('audit_log').selectAll().where('action', '=', 'case.anonymised').execute();
      assert.deepEqual(
        audit.map((a) => JSON.parse(a.details)),
        [{ cause: 'retention' }],
      );
    });
  });
}

describe('anonymisation with attachments in a directory (MINKA_FILE_STORE=directory)', () => {
  it('deletes the case files from the directory too', async () => {
    const db = await dbTargets()[0]!.open({ MINKA_FILE_STORE: 'directory' });
    try {
      const ctx = db.ctx;
      await seedDemo(ctx);
      const c = await ctx.db.db.selectFrom('cases').select('id').orderBy('code').executeTakeFirstOrThrow();
      const id = randomUUID();
      await ctx.db.db
        .insertInto('case_files')
        .values({
          id,
          case_id: c.id,
          kind: 'document',
          mime: 'application/pdf',
          size: 3,
          name_enc: null,
          created_by: 'demo-seed',
          created_at: new Date().toISOString(),
        })
        .execute();
      const store = fileStoreOf(ctx);
      assert.equal(store.kind, 'directory');
      await store.put(`case-${id}`, ctx.crypto.encryptBytes(Buffer.from(CANARY), place('case_files', id, 'data')));
      const r = await anonymiseCase(ctx, c.id, { actor: null, cause: 'retention' });
      assert.ok(r.files >= 1);
      assert.equal(await store.get(`case-${id}`), null);
    } finally {
      await db.cleanup();
    }
  });
});
