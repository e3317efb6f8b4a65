// The analytical store as an app process sees it. The counts live in the database (incremental.ts keeps them
// current at the cost of what changed, so several app processes share one store); each process holds the finest
// cells in memory, reloads only the cells whose version moved, and lays out the cube the dashboards read from
// them. Small installations bring the store up to date on every query; above `backgroundFrom` facts that runs in
// the background at most every `refreshMs`, and queries are answered from the current cube meanwhile.
import type { Context } from '../../platform/context';
import type { RankSeries } from './attack-rank';
import { cubeOf, decodeCounts, type Finest } from './cells';
import type { Cube } from './cube';
import { bringUpToDate, cellsSince, type Progress, rebuild } from './incremental';
import { parseRelease, type Release, releasePeriod, serialiseRelease } from './release';
import { auditedReleaseValues, solvedHistory } from './release-audit';
import * as repoStore from './repo-store';

/** A release; `asOf` is the first day it does not cover. */
export interface Published extends Release {
  asOf: string;
}

/** At and above this many facts the store is brought up to date in the background, at most every `refreshMs`. */
const backgroundFrom = 50_000;
const refreshMs = 2000;
/** How often a process waiting for another's full rebuild looks again. */
const waitMs = 500;

/** One per app instance; `cube()` answers with a cube no older than the last committed case change (see above). */
export class InsightStore {
  private generation = -1;
  private version = -1;
  private finest: Finest = new Map();
  private current: Cube | null = null;
  private syncing: Promise<Progress> | null = null;
  private checkedAt = 0;
  private snapshot: Published | null = null;
  private snapshotting: Promise<Published> | null = null;
  /** The rank attack solved over the stored releases (`rows`: each one's period and payload), for the next audit. */
  private solved: { rows: string[]; series: RankSeries } | null = null;

  constructor(private readonly ctx: Pick<Context, 'db'>) {}

  /**
   * The figures for viewers without exact counts: the release of the current period (release.ts; every `months`
   * months from January), built from the facts registered before the period and chained to the previous release,
   * written once (the first process to need it writes it; every process reads the same row). Published figures
   * change once a period, and then only cells of open periods that moved by at least k people, so comparing two
   * dashboards over time cannot single out one person.
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
          const { payload } = await this.build(period, k);
          await repoStore.insertInsightSnapshots(db, { period, payload, created_at: now.toISOString() });
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

  /**
   * The release of `period` from the store as it stands now, chained to the last stored release before it and
   * audited against all of them (release-audit.ts: the rank attack on every stored release plus this one pins no
   * hidden cell of 1..k-1 people).
   */
  async release(period: string, k: number): Promise<Release> {
    return (await this.build(period, k)).release;
  }

  /** The release of `period` (see `release`) and its stored form, serialised once. */
  private async build(period: string, k: number): Promise<{ release: Release; payload: string }> {
    await this.sync(true);
    const rows = await repoStore.selectInsightSnapshotsBefore(this.ctx.db.db, period);
    const history = rows.map((r) => parseRelease(r.period, r.payload));
    const cube = cubeOf(this.finest, period);
    // The attack's solved system of the stored releases is kept between periods: reused while the stored rows are
    // the ones it was built from (another process may have written a period first), rebuilt otherwise.
    const stored = rows.map((r) => `${r.period}\n${r.payload}`);
    const kept = this.solved;
    const solved =
      kept && kept.rows.length === stored.length && kept.rows.every((r, i) => r === stored[i])
        ? kept.series
        : solvedHistory(history);
    this.solved = null;
    const { published, baseline } = auditedReleaseValues(cube, k, period, history, solved);
    const release: Release = { period, k, cube, published, baseline };
    const payload = serialiseRelease(release);
    this.solved = { rows: [...stored, `${period}\n${payload}`], series: solved };
    return { release, payload };
  }

  /** The current cube (exact viewers). */
  async cube(): Promise<Cube> {
    if (this.generation < 0 || this.dense().size < backgroundFrom) {
      await this.sync(this.generation < 0);
      return this.dense();
    }
    if (Date.now() - this.checkedAt >= refreshMs && !this.syncing) {
      this.checkedAt = Date.now();
      // Large store: answer now from the current cube; the next query sees the update.
      void this.sync(false).catch(() => undefined);
    }
    return this.dense();
  }

  /**
   * Applies the pending changes to the stored store (a full rebuild when needed) and loads what moved into this
   * process. With `wait`, waits for another process's full rebuild to finish instead of serving the last one.
   */
  async sync(wait = false): Promise<Progress> {
    for (;;) {
      this.syncing ??= (async () => {
        try {
          const progress = await bringUpToDate(this.ctx.db.db);
          await this.load();
          // Laid out here, so that a large store's background update leaves no work to the next request.
          this.dense();
          return progress;
        } finally {
          this.syncing = null;
        }
      })();
      const progress = await this.syncing;
      if (progress.status === 'ready' || !wait) return progress;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }

  /** Rebuilds the stored store from the case tables (operators, checks), then loads it. */
  async rebuild(): Promise<void> {
    while (!(await rebuild(this.ctx.db.db))) await new Promise((resolve) => setTimeout(resolve, waitMs));
    await this.sync(true);
  }

  /** Loads the cells that moved since this process last looked. */
  private async load(): Promise<void> {
    const got = await cellsSince(this.ctx.db.db, this.generation, this.version);
    if (got.all) this.finest = new Map();
    for (const c of got.cells) this.finest.set(c.cell, decodeCounts(c.counts));
    if (got.all || got.cells.length) this.current = null;
    this.generation = got.generation;
    this.version = got.version;
  }

  private dense(): Cube {
    this.current ??= cubeOf(this.finest);
    return this.current;
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
