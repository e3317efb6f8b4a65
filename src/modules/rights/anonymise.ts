// Erasure as anonymisation: every sealed value about a person and their cases destroyed (NULL, or a sealed blank where
// the column cannot be NULL), blind indexes NULL, attachments deleted from the store; the plain aggregatable facts
// (sex, birth year, ages, ethnicity, citizenship, places, forms of exploitation, months, statuses, dates) stay, so the
// analytical facts and the dashboards do not move. What is destroyed is listed in personal-columns.ts.
import type { Kysely, Transaction } from 'kysely';
import { DatabaseStore, fileStoreOf } from '../../platform/blobs/index';
import type { Context } from '../../platform/context';
import type { Db } from '../../platform/db/index';
import { nowIso } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';
import type { Actor } from '../access/index';
import { erasedTables, type PersonalColumn, type PersonalLink } from './personal-columns';
import * as repo from './repo-anonymise';

export interface AnonymiseOptions {
  actor: Actor | null;
  cause: 'erasure' | 'retention';
  requestId?: string;
}

export interface AnonymiseResult {
  /** Cases this call marked anonymised. */
  cases: number;
  /** Sealed values and blind indexes destroyed. */
  values: number;
  /** Attachments deleted (case files and files of the cases' reports). */
  files: number;
}

type Trx = Transaction<Database>;

/** Runs `fn` in the caller's transaction when given one, else in a new one. */
function inTransaction<T>(ctx: Context, trx: Db | undefined, fn: (t: Trx) => Promise<T>): Promise<T> {
  if (trx?.isTransaction) return fn(trx as Trx);
  return (trx ?? ctx.db.db).transaction().execute(fn);
}

/** What rows of the anonymised records each link reaches. */
interface Targets {
  personIds: string[];
  caseIds: string[];
  caseCodes: string[];
  reportIds: string[];
  referralIds: string[];
}

const linkOf: Record<Exclude<PersonalLink, 'none'>, [column: string, ids: (t: Targets) => string[]]> = {
  person: ['id', (t) => t.personIds],
  person_id: ['person_id', (t) => t.personIds],
  case: ['id', (t) => t.caseIds],
  case_id: ['case_id', (t) => t.caseIds],
  case_code: ['case_code', (t) => t.caseCodes],
  report_id: ['report_id', (t) => t.reportIds],
  referral_id: ['referral_id', (t) => t.referralIds],
};

/** True when the sealed value already holds exactly the blank (a second run leaves it alone). */
function isBlank(ctx: Context, sealed: string, blank: string, at: { table: string; row: string; column: string }) {
  try {
    return ctx.crypto.decrypt(sealed, at) === blank;
  } catch {
    return false;
  }
}

/** Destroys the values of one table's linked rows; how many values were destroyed. */
async function eraseTable(
  ctx: Context,
  t: Trx,
  table: string,
  link: PersonalLink,
  columns: PersonalColumn[],
  to: Targets,
) {
  if (link === 'none') return 0;
  const [linkColumn, idsOf] = linkOf[link];
  const ids = idsOf(to);
  if (!ids.length) return 0;
  if (columns.some((c) => c.deleteRows)) return repo.deleteLinked(t, table, linkColumn, ids);
  let values = 0;
  for (const row of await repo.rowsLinked(
    t,
    table,
    linkColumn,
    ids,
    columns.map((c) => c.column),
  )) {
    const set: Record<string, string | null> = {};
    for (const c of columns) {
      const v = row[c.column];
      if (v == null) continue;
      const at = { table, row: String(row.id), column: c.column.replace(/_enc$/, '') };
      if (c.blank === undefined) set[c.column] = null;
      else if (!isBlank(ctx, v, c.blank, at)) set[c.column] = ctx.crypto.encrypt(c.blank, at);
    }
    const n = Object.keys(set).length;
    if (!n) continue;
    values += n;
    await repo.updateRow(t, table, String(row.id), set);
  }
  return values;
}

/** Deletes stored attachments: inside the transaction when they live in the database, else from their directory. */
async function deleteBlobs(ctx: Context, t: Trx, ids: string[]) {
  if (!ids.length) return;
  const files = fileStoreOf(ctx);
  if (files.kind === 'database') await new DatabaseStore(t as unknown as Kysely<Database>).delete(ids);
  else await files.store.delete(ids);
  // The node's attachments folder from before the store (no database connection is used here).
  await files.local?.delete(ids);
}

/** Destroys every sealed value, index and attachment of the persons (when given) and cases. */
async function destroy(ctx: Context, t: Trx, personIds: string[], cases: repo.CaseMark[]) {
  const caseIds = cases.map((c) => c.id);
  const caseCodes = cases.map((c) => c.code);
  const to: Targets = {
    personIds,
    caseIds,
    caseCodes,
    reportIds: caseCodes.length ? await repo.reportIdsOf(t, caseCodes) : [],
    referralIds: caseIds.length ? await repo.referralIdsOf(t, caseIds) : [],
  };
  let values = 0;
  for (const s of erasedTables(personIds.length ? ['with-person', 'with-case'] : ['with-case']))
    values += await eraseTable(ctx, t, s.table, s.link, s.columns, to);
  let files = 0;
  if (caseIds.length) {
    const caseFiles = await repo.deleteCaseFiles(t, caseIds);
    await deleteBlobs(
      ctx,
      t,
      caseFiles.map((id) => `case-${id}`),
    );
    files += caseFiles.length;
    await repo.unmarkField(t, caseIds);
  }
  if (to.reportIds.length) {
    const reportFiles = await repo.deleteReportFiles(t, to.reportIds);
    await deleteBlobs(ctx, t, reportFiles);
    files += reportFiles.length;
    await repo.closeReports(t, to.reportIds);
  }
  return { values, files };
}

/**
 * Destroys every sealed value about the person (and the persons merged into them) and all their cases: names,
 * identity, contact, free text, history values, attachments, blind indexes; keeps the plain facts. Marks the person
 * and the cases anonymised and writes one audit entry (`person.anonymised`, cause and number of cases only).
 * Idempotent: a second run destroys nothing more and writes no entry. Runs in `trx` when given.
 */
export async function anonymisePerson(
  ctx: Context,
  personId: string,
  opts: AnonymiseOptions,
  trx?: Db,
): Promise<AnonymiseResult> {
  return inTransaction(ctx, trx, async (t) => {
    const persons = await repo.personsOf(t, personId);
    if (!persons.length) return { cases: 0, values: 0, files: 0 };
    const personIds = persons.map((p) => p.id);
    const cases = await repo.casesOfPersons(t, personIds);
    const done = await destroy(ctx, t, personIds, cases);
    const at = nowIso();
    const marked = cases.length
      ? await repo.markCases(
          t,
          cases.map((c) => c.id),
          at,
        )
      : 0;
    const newPerson = (await repo.markPersons(t, personIds, at)) > 0;
    if (newPerson || marked || done.values || done.files)
      await ctx.audit.record(
        {
          actor: opts.actor,
          action: 'person.anonymised',
          recordType: 'person',
          recordId: personId,
          details: { cause: opts.cause, cases: marked },
          requestId: opts.requestId,
        },
        t,
      );
    return { cases: marked, ...done };
  });
}

/**
 * Destroys every sealed value of one case's records (events, perpetrators, history, comments, tasks, consents,
 * referrals, protection records, attachments, its reports) and marks it anonymised; the person row is kept (they may
 * have other live cases). One audit entry (`case.anonymised`, cause only). Idempotent. Runs in `trx` when given.
 */
export async function anonymiseCase(
  ctx: Context,
  caseId: string,
  opts: AnonymiseOptions,
  trx?: Db,
): Promise<AnonymiseResult> {
  return inTransaction(ctx, trx, async (t) => {
    const c = await repo.caseMark(t, caseId);
    if (!c) return { cases: 0, values: 0, files: 0 };
    const done = await destroy(ctx, t, [], [c]);
    const marked = await repo.markCases(t, [c.id], nowIso());
    if (marked || done.values || done.files)
      await ctx.audit.record(
        {
          actor: opts.actor,
          action: 'case.anonymised',
          recordType: 'case',
          recordId: caseId,
          details: { cause: opts.cause },
          requestId: opts.requestId,
        },
        t,
      );
    return { cases: marked, ...done };
  });
}
