// Keeps the stored analytical store (insight_facts, insight_cells) equal to what a full rebuild from the case
// tables would give, at the cost of what changed. Triggers note every person whose fact may have moved
// (migration 0024); `bringUpToDate` reads those notes, derives the persons' facts afresh, and in one short
// transaction takes each person's old contribution out of the cells and puts the new one in, then deletes exactly
// the notes it applied. A note committed while this runs stays for the next pass, and applying a person twice
// changes nothing, so no change is lost or counted twice, whichever process applies it, on SQLite or PostgreSQL.
// A full rebuild (first use, a changed division tree, or a backlog larger than half the store) starts a new
// generation: the facts are rewritten in batches under a lease, the cells replaced at the end in one transaction.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/types';
import { count, decodeCounts, encodeCounts, type FactRow, type Finest, factRow, plus } from './cells';
import { factsOf, streamFacts } from './facts';
import * as repo from './repo-incremental';

/** Notes read per pass; a pass is one transaction. */
const passSize = 20_000;
/** A builder that has not reported for this long is taken to have died; another process takes the build over. */
const leaseMs = 5 * 60_000;

class Superseded extends Error {}

const leaseLive = (s: repo.StateRow, now = Date.now()) =>
  s.status === 'building' && !!s.lease_until && Date.parse(s.lease_until) > now;

export interface Progress {
  /** "ready", or "building" when another process holds the build. */
  status: 'ready' | 'building';
  /** Persons whose fact was re-derived, and whether a full rebuild ran. */
  persons: number;
  rebuilt: boolean;
}

/** Applies every pending change (or rebuilds when that is cheaper or needed); see the top of this file. */
export async function bringUpToDate(db: Kysely<Database>): Promise<Progress> {
  const out: Progress = { status: 'ready', persons: 0, rebuilt: false };
  let first = true;
  for (;;) {
    const state = await repo.selectState(db);
    if (state.status !== 'ready') {
      if (leaseLive(state)) return { ...out, status: 'building' };
      if (await rebuild(db)) out.rebuilt = true;
      continue;
    }
    const changes = await repo.selectChanges(db, passSize);
    if (!changes.length) return out;
    // Once per call: a division-tree change anywhere in the notes, or a backlog a rebuild would read faster.
    const rebuildAll =
      changes.some((c) => c.person_id === '*') ||
      (first &&
        (!!(await repo.selectRebuildMarker(db)) ||
          (changes.length === passSize &&
            (await repo.countChanges(db)) > Math.max(passSize, (await repo.countFacts(db)) / 2))));
    first = false;
    if (rebuildAll) {
      if (await rebuild(db)) out.rebuilt = true;
      continue;
    }
    out.persons += await applyNotes(db, state.generation, changes);
  }
}

/**
 * One pass: re-derives the noted persons' facts and applies the difference; returns the persons applied.
 * `beforeApply` runs between the reading and the writing (tests use it to race another process).
 */
export async function applyNotes(
  db: Kysely<Database>,
  generation: number,
  changes: { id: number | string; person_id: string }[],
  beforeApply?: () => Promise<void>,
): Promise<number> {
  const notes = new Map<string, (number | string)[]>();
  for (const c of changes) notes.set(c.person_id, [...(notes.get(c.person_id) ?? []), c.id]);
  const persons = [...notes.keys()];
  const fresh = new Map((await factsOf(db, persons)).map((f) => [f.key, factRow(f)]));
  await beforeApply?.();
  try {
    return await db.transaction().execute(async (trx) => {
      const s = await repo.lockState(trx);
      if (s.status !== 'ready' || s.generation !== generation) throw new Superseded();
      // A person some of whose notes are gone was applied meanwhile by another process, from a newer reading.
      const still = new Set(
        (
          await repo.selectChangeIds(
            trx,
            changes.map((c) => c.id),
          )
        ).map((r) => r.id),
      );
      const mine = persons.filter((p) => notes.get(p)!.every((id) => still.has(id)));
      const old = new Map((await repo.selectFacts(trx, mine)).map((r) => [r.person_id, r]));
      const delta: Finest = new Map();
      const upserts: FactRow[] = [];
      const deletes: string[] = [];
      for (const p of mine) {
        const before = old.get(p);
        const after = fresh.get(p);
        if (before && after && before.cell === after.cell && before.keys === after.keys) continue;
        if (before) count(delta, before, -1);
        if (after) {
          count(delta, after, 1);
          upserts.push(after);
        } else if (before) deletes.push(p);
      }
      const touched = [...delta.keys()].filter((cell) => [...delta.get(cell)!.values()].some((n) => n !== 0));
      if (touched.length) {
        const stored = new Map((await repo.selectCells(trx, touched)).map((r) => [r.cell, decodeCounts(r.counts)]));
        await repo.upsertCells(
          trx,
          touched.map((cell) => ({
            cell,
            counts: encodeCounts(plus(stored.get(cell), delta.get(cell)!)),
            version: s.version,
          })),
        );
      }
      await repo.upsertFacts(trx, upserts);
      await repo.deleteFacts(trx, deletes);
      await repo.deleteChanges(
        trx,
        mine.flatMap((p) => notes.get(p)!),
      );
      return mine.length;
    });
  } catch (e) {
    if (e instanceof Superseded) return 0;
    throw e;
  }
}

/**
 * Rebuilds the stored facts and cells from the case tables under a new generation. Returns false when another
 * process holds a live build (or took this one over). Changes made while it runs are applied afterwards.
 */
export async function rebuild(db: Kysely<Database>): Promise<boolean> {
  const owner = randomUUID();
  const until = () => new Date(Date.now() + leaseMs).toISOString();
  const started = await db.transaction().execute(async (trx) => {
    const s = await repo.lockState(trx);
    if (leaseLive(s)) return false;
    await repo.updateState(trx, { status: 'building', owner, lease_until: until() });
    // Everything noted so far was committed before the reads below begin, so the rebuild sees it.
    await repo.clearChanges(trx);
    await repo.clearFacts(trx);
    return true;
  });
  if (!started) return false;
  const finest: Finest = new Map();
  try {
    await streamFacts(db, async (batch) => {
      const rows = batch.map(factRow);
      for (const r of rows) count(finest, r, 1);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.renewLease(trx, owner, until()))) throw new Superseded();
        await repo.insertFacts(trx, rows);
      });
    });
    return await db.transaction().execute(async (trx) => {
      const s = await repo.lockState(trx);
      if (s.owner !== owner || s.status !== 'building') throw new Superseded();
      await repo.clearCells(trx);
      await repo.upsertCells(
        trx,
        [...finest]
          .filter(([, c]) => (c.get('total') ?? 0) > 0)
          .map(([cell, c]) => ({ cell, counts: encodeCounts(c), version: s.version })),
      );
      await repo.updateState(trx, {
        status: 'ready',
        generation: s.generation + 1,
        owner: null,
        lease_until: null,
        built_at: new Date().toISOString(),
      });
      return true;
    });
  } catch (e) {
    if (e instanceof Superseded) return false;
    throw e;
  }
}

/** The stored cells a process that has seen `generation` and `version` must load: all of them after a rebuild. */
export async function cellsSince(
  db: Kysely<Database>,
  generation: number,
  version: number,
): Promise<{ generation: number; version: number; all: boolean; cells: { cell: string; counts: string }[] }> {
  for (;;) {
    const s = await repo.selectState(db);
    const all = s.generation !== generation;
    const cells = s.version === version && !all ? [] : await repo.selectCellsAfter(db, all ? -1 : version);
    // A rebuild that finished between the two reads replaced every cell: read again.
    const again = await repo.selectState(db);
    if (again.generation === s.generation)
      return {
        generation: s.generation,
        version: cells.reduce((v, c) => Math.max(v, c.version), s.version),
        all,
        cells,
      };
  }
}

/** Every stored fact (tests and checks compare them with a rebuild). */
export async function storedFacts(db: Kysely<Database>): Promise<FactRow[]> {
  const out: FactRow[] = [];
  for (let after = ''; ; ) {
    const page = await repo.selectFactPage(db, after, 20_000);
    if (!page.length) return out;
    out.push(...page);
    after = page[page.length - 1]!.person_id;
  }
}
