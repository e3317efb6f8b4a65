import type { Db } from '../db/index';
import * as repo from './repo';
import type { CounterStore, Hit } from './store';

const sweepEveryMs = 60_000;

/**
 * Counters in the database (PostgreSQL with several nodes): each hit is one upsert. Expired rows are deleted by
 * whichever node hits first after a minute has passed since its own last sweep.
 */
export class DatabaseCounters implements CounterStore {
  readonly kind = 'database' as const;
  readonly shared = true;
  private lastSweep = 0;
  private sweeping: Promise<unknown> | null = null;

  constructor(
    private readonly db: Db,
    private readonly onSweepError: (err: unknown) => void,
  ) {}

  async hit(key: string, previousKey: string, expiresAt: number, now: number, amount = 1): Promise<Hit> {
    if (now - this.lastSweep >= sweepEveryMs && !this.sweeping) {
      this.lastSweep = now;
      this.sweeping = this.sweep(now)
        .catch(this.onSweepError)
        .finally(() => {
          this.sweeping = null;
        });
    }
    return repo.hitCounter(this.db, key, previousKey, expiresAt, now, amount);
  }

  /** Deletes expired counters now; returns how many. */
  sweep(now: number): Promise<number> {
    return repo.deleteExpiredCounters(this.db, now);
  }

  async close(): Promise<void> {
    await this.sweeping;
  }
}
