import type { Db } from '../../platform/db/index';
import * as repo from './repo';

/**
 * How long a node uses its copies of the divisions before asking the database whether they changed. An import in
 * this process is seen at once; one in another process (`minka geo import`, another node) within this time.
 */
export const defaultRecheckMs = 2_000;

/**
 * Whether this process's copies of one database's divisions are still good: `epoch` changes whenever they may not
 * be (an import through this handle, or a new version written by any process's import).
 */
export class DivisionsFreshness {
  private epoch = 0;
  private generation = 0;
  private version: string | null | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private checking: Promise<void> | null = null;

  constructor(private readonly db: Db) {}

  /** The epoch now, without asking the database: a copy made under an older one is not kept. */
  peek(): number {
    if (this.generation !== generationOf(this.db)) {
      this.generation = generationOf(this.db);
      this.epoch++;
    }
    return this.epoch;
  }

  /** The epoch, having asked the database if the last answer is older than the recheck time. */
  async current(): Promise<number> {
    if (Date.now() - this.checkedAt >= defaultRecheckMs) {
      this.checking ??= this.recheck().finally(() => {
        this.checking = null;
      });
      await this.checking;
    }
    return this.peek();
  }

  private async recheck(): Promise<void> {
    const version = await repo.divisionsVersion(this.db);
    this.checkedAt = Date.now();
    if (version !== this.version) {
      this.version = version;
      this.epoch++;
    }
  }
}

// Bumped by an import through any GeoService on the same database handle, so this process never waits for a recheck.
const generations = new WeakMap<object, number>();
const generationOf = (db: object) => generations.get(db) ?? 0;
const all = new WeakMap<object, DivisionsFreshness>();

/** Marks every copy of divisions read through this database handle as old (called after an import commits). */
export function forgetGeoReads(db: object): void {
  generations.set(db, generationOf(db) + 1);
}

/** The one freshness record of a database handle in this process. */
export function freshnessOf(db: Db): DivisionsFreshness {
  let f = all.get(db);
  if (!f) {
    f = new DivisionsFreshness(db);
    all.set(db, f);
  }
  return f;
}
