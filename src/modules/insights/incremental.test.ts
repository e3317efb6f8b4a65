import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dbTargets, type TestDb } from '../../../tests/support/db';
import type { Db } from '../../platform/db/index';
import type { PersonTable } from '../../platform/db/types';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';
import { decodeCounts, encodeCounts, factRow } from './cells';
import { Cube } from './cube';
import { caseFromFact, eventsFromFact } from './demo';
import { type Fact, loadFacts } from './facts';
import { generateFacts } from './generate';
import { applyNotes, cellsSince, storedFacts } from './incremental';
import * as repo from './repo-incremental';
import { InsightStore } from './store';

// The analytical store built incrementally, month after month with edits, removals, merges and late events,
// equals a full rebuild from the case tables: the same stored facts and cells, the same cube, and the same chain
// of releases, on SQLite and PostgreSQL; and a month re-derives only the persons that changed.

const uuid = (kind: number, n: number) => `00000000-0000-4000-800${kind}-${String(n).padStart(12, '0')}`;
const person = (n: number) => uuid(1, n);
const caseOf = (n: number) => uuid(2, n);
const at = (month: string) => `${month}-15T12:00:00.000Z`;

const monthsOf = (from: string, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const y = Number(from.slice(0, 4)) + Math.floor((Number(from.slice(5)) - 1 + i) / 12);
    const m = ((Number(from.slice(5)) - 1 + i) % 12) + 1;
    return `${y}-${String(m).padStart(2, '0')}`;
  });
const months = monthsOf('2025-01', 18);
const ym = (f: Fact) => `${f.year}-${String(f.month).padStart(2, '0')}`;
const facts = generateFacts(540, 5, 2025, 2026).filter((f) => ym(f) <= months.at(-1)!);

function personRow(n: number, f: Fact, when: string): PersonTable {
  return {
    id: person(n),
    given_names_enc: null,
    surnames_enc: null,
    birthdate_enc: null,
    birthdate_index: null,
    birth_year: null,
    gender: f.gender === 'Unknown' ? null : f.gender,
    ethnicity: f.ethnicity === 'Unknown' ? null : f.ethnicity,
    languages: '[]',
    citizenship: JSON.stringify(f.citizenship === 'Unknown' ? [] : [f.citizenship]),
    identity_enc: null,
    identity_index: null,
    merged_into: null,
    marital_status: null,
    primary_language: null,
    secondary_language: null,
    contact_enc: null,
    version: 1,
    created_at: when,
    updated_at: when,
  };
}

async function openCase(db: Db, n: number, f: Fact, month: string, personNo = n, newPerson = true) {
  if (newPerson)
    await db
      .insertInto('persons')
      .values(personRow(personNo, f, at(month)))
      .execute();
  const id = caseOf(n);
  await db
    .insertInto('cases')
    .values(
      caseFromFact(f, { id, personId: person(personNo), code: `T-${n}`, orgId: 'test', at: at(month), closed: false }),
    )
    .execute();
  for (const [j, e] of eventsFromFact(f, id, at(month)).entries())
    await db
      .insertInto('case_events')
      .values({ ...e, id: uuid(3, n * 10 + j) })
      .execute();
}

/**
 * A month's protection records on earlier cases (migration 0032's triggers): a board measure decided, a complaint
 * filed, last month's complaint charged and convicted, a measure moved to another case, a return with its closed
 * reintegration plan, a complaint withdrawn. Returns how many persons they may have moved.
 */
async function protectionWrites(db: Db, mi: number, month: string, pick: (i: number) => number): Promise<number> {
  const day = `${month}-20`;
  const audit = { created_by: 'test', created_at: at(month), updated_at: at(month) };
  await db
    .insertInto('board_measures')
    .values({
      id: uuid(5, mi),
      case_id: caseOf(pick(10)),
      type: 'family_support',
      decided_by: 'board',
      decided_on: day,
      start_on: day,
      review_on: null,
      status: 'active',
      ratification_due_on: null,
      ratification: null,
      ratified_on: null,
      court_ref_enc: null,
      responsible_enc: 'Prueba (sealed in the service; a plain stand-in here)',
      hearing_id: null,
      notes_enc: null,
      ended_on: null,
      end_reason_enc: null,
      review_task_id: null,
      ratification_task_id: null,
      ...audit,
    })
    .execute();
  await db
    .insertInto('complaints')
    .values({
      id: uuid(6, mi),
      case_id: caseOf(pick(11)),
      filed_on: day,
      institution: null,
      institution_org_id: null,
      prosecutor_office: null,
      prosecutor_org_id: null,
      file_number_enc: null,
      stage: 'previous_investigation',
      charged_on: null,
      outcome: null,
      outcome_on: null,
      sentence_months: null,
      fine_amount: null,
      reparation_enc: null,
      reparation_amount: null,
      ...audit,
    })
    .execute();
  let changed = 2;
  if (mi % 2 === 1)
    changed += Number(
      (
        await db
          .updateTable('complaints')
          .set({ stage: 'trial', charged_on: day, outcome: 'conviction', outcome_on: day })
          .where('id', '=', uuid(6, mi - 1))
          .executeTakeFirst()
      ).numUpdatedRows,
    );
  if (mi % 3 === 2) {
    await db
      .updateTable('board_measures')
      .set({ case_id: caseOf(pick(12)) })
      .where('id', '=', uuid(5, mi - 1))
      .execute();
    changed += 2;
  }
  if (mi % 4 === 0) {
    await db
      .insertInto('case_returns')
      .values({
        id: uuid(7, mi),
        case_id: caseOf(pick(13)),
        assessment_id: uuid(8, mi),
        from_country: 'CO',
        from_division: null,
        to_country: 'EC',
        to_division: '0603',
        departed_on: day,
        arrived_on: day,
        route_enc: null,
        accompanying_enc: null,
        accompanying_role: null,
        receiving_org_id: null,
        receiving_provider_id: null,
        ...audit,
      })
      .execute();
    await db
      .insertInto('reintegration_plans')
      .values({
        id: uuid(9, mi),
        case_id: caseOf(pick(13)),
        return_id: uuid(7, mi),
        status: 'closed',
        months: '[1,3,6,12]',
        goals_enc: null,
        outcome: 'lost_contact',
        closed_on: day,
        closed_by: 'test',
        created_by: 'test',
        created_at: at(month),
      })
      .execute();
    changed += 1;
  }
  if (mi % 4 === 3) {
    await db
      .deleteFrom('complaints')
      .where('id', '=', uuid(6, mi - 2))
      .execute();
    changed += 1;
  }
  return changed;
}

/** Registers each month's cases and, month after month, corrects, removes, merges and adds to earlier ones. */
async function play(db: Db, afterMonth: (month: string, changed: number) => Promise<void>) {
  let extra = 10_000;
  const removed = new Set<number>();
  for (const [mi, month] of months.entries()) {
    const now = facts.flatMap((f, n) => (ym(f) === month ? [n] : []));
    for (const n of now) await openCase(db, n, facts[n]!, month);
    const earlier = facts.flatMap((f, n) => (ym(f) < month && !removed.has(n) ? [n] : []));
    const pick = (i: number) => earlier[(mi * 7 + i * 13) % earlier.length]!;
    let changed = now.length;
    if (earlier.length > 10) {
      const when = at(month);
      // A correction of the forms of exploitation, and of a person's gender.
      await db
        .updateTable('cases')
        .set({ exploitation: JSON.stringify(['ForcedBegging', 'SexualExploitation']), updated_at: when })
        .where('id', '=', caseOf(pick(1)))
        .execute();
      await db
        .updateTable('persons')
        .set({ gender: mi % 2 ? 'Feminine' : 'Masculine', updated_at: when })
        .where('id', '=', person(pick(2)))
        .execute();
      // A late exploitation event on an earlier case.
      await db
        .insertInto('case_events')
        .values({
          ...eventsFromFact({ ...facts[0]!, recruitedIn: null, exploitedIn: 'PE' }, caseOf(pick(3)), when)[0]!,
          id: uuid(4, mi),
        })
        .execute();
      // A second case of an earlier person: adds forms of exploitation, keeps the first case's place and month.
      await openCase(db, extra++, { ...facts[pick(4)]!, exploitation: ['DomesticServitude'] }, month, pick(4), false);
      changed += 4;
      changed += await protectionWrites(db, mi, month, pick);
      if (mi % 3 === 0) {
        // A case moved to another person (a merge), and one decided "not a victim".
        await db
          .updateTable('cases')
          .set({ person_id: person(pick(6)) })
          .where('id', '=', caseOf(pick(5)))
          .execute();
        await db
          .updateTable('cases')
          .set({ trafficking_status: 'NotAVictimOfTrafficking' })
          .where('id', '=', caseOf(pick(7)))
          .execute();
        changed += 3;
      }
      if (mi % 4 === 1) {
        // A case removed (its events first) and one sent back to draft.
        const gone = pick(8);
        removed.add(gone);
        await db.deleteFrom('case_events').where('case_id', '=', caseOf(gone)).execute();
        for (const table of ['board_measures', 'reintegration_plans', 'case_returns', 'complaints'] as const)
          await db.deleteFrom(table).where('case_id', '=', caseOf(gone)).execute();
        await db.deleteFrom('cases').where('id', '=', caseOf(gone)).execute();
        await db
          .updateTable('cases')
          .set({ stage: 'Draft' })
          .where('id', '=', caseOf(pick(9)))
          .execute();
        changed += 2;
      }
    }
    await afterMonth(month, changed);
  }
}

/** The release period after a month, at quarter ends (releases every three months). */
const quarterAfter = (month: string) =>
  ['03', '06', '09', '12'].includes(month.slice(5)) ? new Date(`${monthsOf(month, 2)[1]}-01T08:00:00Z`) : null;

async function stored(db: Db) {
  const cells = (await cellsSince(db, -2, -1)).cells
    .filter((c) => c.counts !== '{}')
    .map((c) => [c.cell, c.counts] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));
  return { facts: await storedFacts(db), cells };
}

const snapshots = (db: Db) =>
  db.selectFrom('insight_snapshots').select(['period', 'payload']).orderBy('period').execute();

/** Every count of a cube by division code, year, minor status and key (layouts aside). */
function countsOf(cube: Cube): Map<string, number> {
  const out = new Map<string, number>();
  for (const [code, node] of cube.nodes)
    for (const year of cube.years.keys())
      for (const minor of [0, 1, 2] as const)
        for (const key of cube.keys.keys()) {
          const n = cube.count({ node, year, minor }, key);
          if (n) out.set(`${code}|${year}|${minor}|${key}`, n);
        }
  return out;
}

for (const target of dbTargets()) {
  describe(`incremental analytical store on ${target.name}`, () => {
    let inc: TestDb;
    let full: TestDb;
    before(async () => {
      inc = await target.open();
      full = await target.open();
      for (const t of [inc, full]) await seedGeoDemo(new GeoService(t.handle.db));
    });
    after(async () => {
      await inc.cleanup();
      await full.cleanup();
    });

    it('month after month equals a full rebuild: stored facts and cells, cube and every release', async () => {
      const a = new InsightStore(inc.ctx);
      const b = new InsightStore(full.ctx);
      const perMonth: { month: string; persons: number; changed: number; rebuilt: boolean }[] = [];
      await play(inc.handle.db, async (month, changed) => {
        const p = await a.sync();
        perMonth.push({ month, persons: p.persons, changed, rebuilt: p.rebuilt });
        const now = quarterAfter(month);
        if (now) await a.published(11, 3, now);
      });
      await play(full.handle.db, async (month) => {
        await b.rebuild();
        const now = quarterAfter(month);
        if (now) await b.published(11, 3, now);
      });
      // Only the first month rebuilt (the division tree was new); every later month re-derived what changed.
      assert.equal(perMonth[0]!.rebuilt, true);
      for (const m of perMonth.slice(1)) {
        assert.equal(m.rebuilt, false, m.month);
        assert.ok(m.persons <= m.changed, JSON.stringify(m));
      }
      const [si, sf] = [await stored(inc.handle.db), await stored(full.handle.db)];
      assert.ok(si.facts.length > 350 && si.cells.length > 50);
      // Protection records moved facts too (measures, complaints, convictions, returns: migration 0032's triggers).
      for (const kind of ['MeasureDecided', 'Complaint', 'Conviction', 'Returned', 'LostContact'])
        assert.ok(
          si.facts.some((f) => f.keys.includes(`:${kind}`)),
          kind,
        );
      assert.deepEqual(si, sf);
      assert.equal((await a.cube()).serialise(), (await b.cube()).serialise());
      const releases = await snapshots(inc.handle.db);
      assert.deepEqual(
        releases.map((r) => r.period),
        ['2025-04', '2025-07', '2025-10', '2026-01', '2026-04', '2026-07'],
      );
      assert.deepEqual(releases, await snapshots(full.handle.db));
      // The next release, computed from each store, is the same too; and the same again from a new process's store,
      // which solves the stored history afresh instead of growing the audit's solved history release by release.
      const [ri, rf] = [await a.release('2026-10', 11), await b.release('2026-10', 11)];
      assert.equal(ri.cube.serialise(), rf.cube.serialise());
      assert.deepEqual([...ri.published], [...rf.published]);
      assert.deepEqual([...ri.baseline], [...rf.baseline]);
      const fresh = await new InsightStore(inc.ctx).release('2026-10', 11);
      assert.deepEqual([...fresh.published], [...ri.published]);
    });

    it('holds the facts and counts the case tables give, as the cube built from every fact does', async () => {
      const db = inc.handle.db;
      const all = await loadFacts(db);
      const rows = all.map(factRow).sort((x, y) => x.person_id.localeCompare(y.person_id));
      assert.deepEqual(await storedFacts(db), rows);
      assert.deepEqual(countsOf(await new InsightStore(inc.ctx).cube()), countsOf(new Cube(all)));
    });

    it('stays exact when two processes bring it up to date at once while cases are written', async () => {
      const db = inc.handle.db;
      const one = new InsightStore(inc.ctx);
      const two = new InsightStore(inc.ctx);
      await Promise.all([one.sync(), two.sync()]);
      for (let round = 0; round < 4; round++) {
        const writes = (async () => {
          for (let i = 0; i < 15; i++) {
            const n = 20_000 + round * 100 + i;
            await openCase(db, n, facts[(round * 31 + i) % facts.length]!, '2026-07');
            await db
              .updateTable('persons')
              .set({ ethnicity: i % 2 ? 'Mestizo' : 'Indigena' })
              .where('id', '=', person((round * 17 + i * 3) % 400))
              .execute();
          }
        })();
        await Promise.all([writes, one.sync(), two.sync(), one.sync()]);
      }
      await one.sync();
      const incremental = await stored(db);
      await one.rebuild();
      assert.deepEqual(incremental, await stored(db));
      await two.sync();
      assert.equal((await two.cube()).serialise(), (await one.cube()).serialise());
    });

    it('never keeps a fact read before a change another process applied first', async () => {
      const db = inc.handle.db;
      const one = new InsightStore(inc.ctx);
      await openCase(db, 30_000, facts[0]!, '2026-07');
      await one.sync();
      const who = person(30_000);
      const gender = (g: string) => db.updateTable('persons').set({ gender: g }).where('id', '=', who).execute();
      await gender('Feminine');
      // A slow process reads the note and the person's fact; meanwhile the person changes again and a quick
      // process applies both notes; the slow one must not write back what it read.
      const state = await repo.selectState(db);
      const slow = await applyNotes(db, state.generation, await repo.selectChanges(db, 100), async () => {
        await gender('Masculine');
        await one.sync();
      });
      assert.equal(slow, 0);
      const fact = (await storedFacts(db)).find((f) => f.person_id === who)!;
      assert.match(fact.keys, /^gender:Masculine$/m);
      const incremental = await stored(db);
      await one.rebuild();
      assert.deepEqual(incremental, await stored(db));
    });

    it('rebuilds in full when the division tree changes, and every process reloads', async () => {
      const db = inc.handle.db;
      const store = new InsightStore(inc.ctx);
      await store.sync();
      const before = await store.cube();
      await db
        .insertInto('divisions')
        .values({
          country_code: 'EC',
          code: '0699',
          level: 2,
          parent_code: '06',
          name: 'Cantón de prueba',
          name_search: 'canton de prueba',
          created_at: at('2026-07'),
          updated_at: at('2026-07'),
        })
        .execute();
      const progress = await store.sync();
      assert.equal(progress.rebuilt, true);
      assert.equal((await store.cube()).serialise(), before.serialise());
      assert.notEqual(await store.cube(), before);
    });

    it('stores counts without zeros, in key order', () => {
      const c = decodeCounts('{"b":2,"a":1}');
      c.set('z', 0);
      assert.equal(encodeCounts(c), '{"a":1,"b":2}');
    });
  });
}
