import type { Limits } from '../../platform/limits/index';

/** The report limit's window. */
export const sourceWindowMs = 10 * 60_000;

/**
 * Slows a flood of anonymous reports from one source without identifying anyone, across every node: counts live in
 * the shared limits store under a keyed hash of the address and the window (never the address), forgotten when
 * the next window ends.
 *
 * When the shared store is down, reports are counted on each node instead (fail open): a refused report may be
 * someone's only attempt to ask for help, so an outage must not turn reports away, and it is logged for operators.
 */
export class SourceLimiter {
  private readonly limiter;

  constructor(
    limits: Limits,
    private readonly max: number,
    private readonly windowMs = sourceWindowMs,
  ) {
    this.limiter = limits.limiter('reports');
  }

  /** Counts one report; false when this source has used up its window. */
  async take(address: string): Promise<boolean> {
    return (await this.limiter.take(address, this.max, this.windowMs)).allowed;
  }
}
