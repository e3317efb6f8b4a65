import { sql, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/index';
import type { Database, DivisionTable } from '../../platform/db/types';

type Q = Db | Transaction<Database>;

export type DivisionRow = DivisionTable & { has_boundary: number };

const columns = [
  'd.country_code',
  'd.code',
  'd.level',
  'd.parent_code',
  'd.name',
  'd.name_search',
  'd.created_at',
  'd.updated_at',
] as const;

function withBoundaryFlag(db: Q) {
  return db
    .selectFrom('divisions as d')
    .leftJoin('division_boundaries as b', (j) =>
      j.onRef('b.country_code', '=', 'd.country_code').onRef('b.code', '=', 'd.code'),
    )
    .select([...columns, sql<number>`case when b.code is null then 0 else 1 end`.as('has_boundary')]);
}

export async function findDivision(db: Q, country: string, code: string): Promise<DivisionRow | undefined> {
  return withBoundaryFlag(db).where('d.country_code', '=', country).where('d.code', '=', code).executeTakeFirst();
}

export async function listChildren(db: Q, country: string, parentCode: string): Promise<DivisionRow[]> {
  return withBoundaryFlag(db)
    .where('d.country_code', '=', country)
    .where('d.parent_code', '=', parentCode)
    .orderBy('d.name_search')
    .orderBy('d.code')
    .execute();
}

/**
 * The codes of every division under one (four levels at most), in one query. The cross join keeps SQLite reading
 * each level's children by their parent (a plain join let it scan the country's divisions at every level).
 */
export async function codesBelow(db: Q, country: string, code: string): Promise<string[]> {
  const r = await sql<{ code: string }>`
    with recursive below (code, depth) as (
      select code, 1 from divisions where country_code = ${country} and parent_code = ${code}
      union all
      select d.code, b.depth + 1 from below b cross join divisions d
      where d.country_code = ${country} and d.parent_code = b.code and b.depth < 4)
    select code from below`.execute(db);
  return r.rows.map((x) => x.code);
}

export async function countChildren(db: Q, country: string, code: string): Promise<number> {
  const r = await db
    .selectFrom('divisions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('country_code', '=', country)
    .where('parent_code', '=', code)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function searchDivisions(
  db: Q,
  pattern: string,
  opts: { country?: string; level?: number; limit: number },
): Promise<DivisionRow[]> {
  let q = withBoundaryFlag(db).where(sql<boolean>`d.name_search like ${pattern} escape '\\'`);
  if (opts.country) q = q.where('d.country_code', '=', opts.country);
  if (opts.level !== undefined) q = q.where('d.level', '=', opts.level);
  return q.orderBy('d.level').orderBy('d.name_search').orderBy('d.code').limit(opts.limit).execute();
}

export async function listCountries(db: Q): Promise<DivisionRow[]> {
  return withBoundaryFlag(db).where('d.level', '=', 0).orderBy('d.code').execute();
}

export async function countByLevel(db: Q, country: string): Promise<{ level: number; n: number }[]> {
  const rows = await db
    .selectFrom('divisions')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('country_code', '=', country)
    .groupBy('level')
    .execute();
  return rows.map((r) => ({ level: Number(r.level), n: Number(r.n) }));
}

export async function allDivisions(db: Q, country: string): Promise<DivisionTable[]> {
  return db.selectFrom('divisions').selectAll().where('country_code', '=', country).execute();
}

export async function insertDivisions(db: Q, rows: DivisionTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('divisions')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

export async function updateDivision(
  db: Q,
  row: Pick<DivisionTable, 'country_code' | 'code' | 'name' | 'name_search' | 'parent_code' | 'level' | 'updated_at'>,
): Promise<void> {
  await db
    .updateTable('divisions')
    .set({
      name: row.name,
      name_search: row.name_search,
      parent_code: row.parent_code,
      level: row.level,
      updated_at: row.updated_at,
    })
    .where('country_code', '=', row.country_code)
    .where('code', '=', row.code)
    .execute();
}

export async function boundaryGeometries(db: Q, country: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('division_boundaries')
    .select(['code', 'geometry'])
    .where('country_code', '=', country)
    .execute();
  return new Map(rows.map((r) => [r.code, r.geometry]));
}

export async function upsertBoundary(
  db: Q,
  country: string,
  code: string,
  geometry: string,
  now: string,
  exists: boolean,
) {
  if (exists) {
    await db
      .updateTable('division_boundaries')
      .set({ geometry, updated_at: now })
      .where('country_code', '=', country)
      .where('code', '=', code)
      .execute();
  } else {
    await db
      .insertInto('division_boundaries')
      .values({ country_code: country, code, geometry, updated_at: now })
      .execute();
  }
}

export async function boundariesFor(
  db: Q,
  country: string,
  opts: { level?: number; parent?: string },
): Promise<(DivisionTable & { geometry: string })[]> {
  let q = db
    .selectFrom('division_boundaries as b')
    .innerJoin('divisions as d', (j) => j.onRef('d.country_code', '=', 'b.country_code').onRef('d.code', '=', 'b.code'))
    .select([...columns, 'b.geometry'])
    .where('b.country_code', '=', country);
  if (opts.level !== undefined) q = q.where('d.level', '=', opts.level);
  if (opts.parent !== undefined) q = q.where('d.parent_code', '=', opts.parent);
  return q.orderBy('d.code').execute();
}

/** Code and name of the given divisions of a country. */
export const namesOf = (q: Q, country: string, codes: string[]) =>
  q
    .selectFrom('divisions')
    .select(['code', 'name'])
    .where('country_code', '=', country)
    .where('code', 'in', codes)
    .execute();

/** Every division of a country at one level, in code order. */
export const atLevel = (q: Q, country: string, level: number) =>
  q
    .selectFrom('divisions')
    .select(['code', 'name'])
    .where('country_code', '=', country)
    .where('level', '=', level)
    .orderBy('code')
    .execute();

const versionKey = 'geo_version';

/** A value that changes with every import that changed divisions or boundaries (null before the first). */
export async function divisionsVersion(db: Q): Promise<string | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', versionKey).executeTakeFirst();
  return row?.value ?? null;
}

/** Gives the divisions a new version, in the import's transaction; each writer's value differs from every other's. */
export async function newDivisionsVersion(db: Q, value: string, now: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key: versionKey, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}

/** Every division of a country, each parent's children in the order listChildren gives them. */
export const treeRows = (q: Q, country: string) =>
  q
    .selectFrom('divisions')
    .select(['code', 'parent_code', 'level', 'name'])
    .where('country_code', '=', country)
    .orderBy('parent_code')
    .orderBy('name_search')
    .orderBy('code')
    .execute();
