// The analytical store: a cube built from the de-identified facts, kept current as cases change. Each process
// holds its own copy, rebuilt from the database (SQLite or PostgreSQL) when the case tables' signature (row
// counts and latest change) moves, so several app processes stay correct without sharing memory. Small
// installations check on every query; above `backgroundFrom` facts the check runs at most every `refreshMs`
// and a rebuild (at most every `rebuildMs`) happens behind the current cube, which keeps serving meanwhile; the
// rebuild reads the facts in batches and yields between them, so requests are served while it runs.
import type { Context } from '../../platform/context';
import { Cube } from './cube';
import { streamFacts } from './facts';
import { inRelease, parseRelease, type Release, releasePeriod, releaseValues, serialiseRelease } from './release';
import * as repoStore from './repo-store';

/** A release; `asOf` is the first day it does not cover. */
export interface Published extends Release {
  asOf: string;
}

/** At and above this many facts the store checks for changes in the background, at most every `refreshMs`, and
 * rebuilds at most every `rebuildMs`. */
const backgroundFrom = 50_000;
const refreshMs = 2000;
const rebuildMs = 60_000;

/** One per app instance; `cube()` answers with a cube no older than the last committed case change (see above). */
export class InsightStore {
  private built: { cube: Cube; signature: string } | null = null;
  private building: Promise<Cube> | null = null;
  private checkedAt = 0;
  private builtAt = 0;
  private snapshot: Published | null = null;
  private snapshotting: Promise<Published> | null = null;

  constructor(private readonly ctx: Pick<Context, 'db'>) {}

  /**
   * The figures for viewers without exact counts: the release of the current period (release.ts; every `months`
   * months from January), built from the facts registered before the period and chained to the previous release,
   * written once (the first process to need it writes it; every process reads the same row). Published figures change once a period, and then only
   * cells that moved by at least k people, so comparing two dashboards over time cannot single out one person.
   */
  async published(k: number, months = 3, now = new Date()): Promise<Published> {
    const period = releasePeriod(now, months);
    if (this.snapshot?.period === period) return this.snapshot;
    this.snapshotting ??= (async () => {
      try {
        const db = this.ctx.db.db;
        const read = () => repoStore.selectInsightSnapshotsByPeriod(db, period);
        let row = await read();
        if (!row) {
          const cube = new Cube();
          await streamFacts(db, (batch) => cube.add(batch.filter((f) => inRelease(f, period))));
          cube.finish();
          const last = await repoStore.selectInsightSnapshotsByPeriod2(db, period);
          const previous = last ? parseRelease(last.period, last.payload) : undefined;
          const release = { period, k, cube, ...releaseValues(cube, k, previous) };
          await repoStore.insertInsightSnapshots(db, {
            period,
            payload: serialiseRelease(release),
            created_at: now.toISOString(),
          });
          row = await read();
        }
        this.snapshot = { ...parseRelease(period, row!.payload), asOf: `${period}-01` };
        return this.snapshot;
      } finally {
        this.snapshotting = null;
      }
    })();
    return this.snapshotting;
  }

  /** The current cube (exact viewers). */
  async cube(): Promise<Cube> {
    if (!this.built) return this.rebuild();
    if (this.built.cube.size < backgroundFrom) {
      if ((await this.signature()) !== this.built.signature) return this.rebuild();
      return this.built.cube;
    }
    const due = Date.now() - this.checkedAt >= refreshMs && Date.now() - this.builtAt >= rebuildMs;
    if (due && !this.building) {
      this.checkedAt = Date.now();
      // Large store: answer now from the current cube; the next query sees the rebuilt one.
      void this.signature()
        .then((s) => (s !== this.built?.signature ? this.rebuild() : undefined))
        .catch(() => undefined);
    }
    return this.built.cube;
  }

  private rebuild(): Promise<Cube> {
    if (!this.building)
      this.building = (async () => {
        try {
          const signature = await this.signature();
          const cube = new Cube();
          await streamFacts(this.ctx.db.db, (batch) => cube.add(batch));
          cube.finish();
          this.built = { cube, signature };
          this.checkedAt = Date.now();
          this.builtAt = Date.now();
          return cube;
        } finally {
          this.building = null;
        }
      })();
    return this.building;
  }

  /** Changes whenever a case is added, changed or removed, a person changed or a case event added (indexed reads). */
  private async signature(): Promise<string> {
    const db = this.ctx.db.db;
    const c = await repoStore.selectCases(db);
    const p = await repoStore.selectPersons(db);
    const e = await repoStore.selectCaseEvents(db);
    return `${c.n}|${c.u}|${p.u}|${e.n}`;
  }
}

const stores = new WeakMap<object, InsightStore>();

/** The one store of an app's database handle (shared by the dashboards and the plans' case-derived indicators). */
export function storeFor(ctx: Pick<Context, 'db'>): InsightStore {
  let s = stores.get(ctx.db);
  if (!s) {
    s = new InsightStore(ctx);
    stores.set(ctx.db, s);
  }
  return s;
}
