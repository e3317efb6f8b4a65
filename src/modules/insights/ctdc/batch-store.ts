// The stored CTDC batches of each jurisdiction (migration 0036). A jurisdiction's batch of a release period is
// decided once, by the first download of the period, in one transaction: the people of the jurisdiction registered
// before the period and not published yet become the candidates of `planBatch`; the rows it publishes are stored
// under opaque random ids, in content order, and never changed; the persons published are noted apart. Concurrent
// first downloads race on the unique (scope, period): one writes, the others find its batch.
import { randomUUID } from 'node:crypto';
import type { Context } from '../../../platform/context';
import { nowIso } from '../../../platform/db/index';
import type { Fact } from '../facts';
import { type Generalisation, planBatch } from './batches';
import { type CtdcRow, ctdcColumns, toCtdcRow } from './columns';
import * as repo from './repo-batches';

/** One batch as the report shows it: its number, the period it was decided in and the rows it published. */
export interface BatchSummary {
  number: number;
  period: string;
  rows: number;
}

/** A jurisdiction's file: every published row in batch order, its batches, and what the latest one holds back. */
export interface BatchedFile {
  rows: CtdcRow[];
  batches: BatchSummary[];
  generalisation: Generalisation | null;
  /** People registered before the latest batch's period and not in the file (latest batch's count). */
  heldBack: number;
  k: number;
}

const ym = (f: Fact) => `${f.year}-${String(f.month).padStart(2, '0')}`;

/** The stored batches; one per app, stateless. */
export class CtdcBatches {
  constructor(private readonly ctx: Pick<Context, 'db'>) {}

  /**
   * Makes sure the batch of `period` exists for `scope` (a text such as "EC:0603"), deciding it from `facts` (the
   * scope's people registered before the period) when it does not. Idempotent: once decided, never changed.
   */
  async ensure(
    scope: string,
    period: string,
    facts: () => Promise<Fact[]>,
    opts: { k: number; home: string },
  ): Promise<void> {
    const db = this.ctx.db.db;
    if (await repo.selectCtdcBatchByScopeAndPeriod(db, scope, period)) return;
    const all = await facts();
    await db.transaction().execute(async (trx) => {
      const earlier = await repo.selectCtdcBatchesByScope(trx, scope);
      if (earlier.some((b) => b.period === period)) return;
      const last = earlier[earlier.length - 1];
      const g = last?.generalisation ? (JSON.parse(last.generalisation) as Generalisation) : null;
      const done = new Set((await repo.selectCtdcPublishedByScope(trx, scope)).map((p) => p.person_id));
      const candidates = all
        .filter((f) => !done.has(f.key))
        .map((f) => ({ key: f.key, row: toCtdcRow(f), registered: ym(f) }));
      const plan = planBatch(candidates, g, opts);
      const id = randomUUID();
      const number = (last?.number ?? 0) + 1;
      await repo.insertCtdcBatch(trx, {
        id,
        scope,
        number,
        period,
        k: opts.k,
        generalisation: plan.generalisation ? JSON.stringify(plan.generalisation) : null,
        rows_published: plan.rows.length,
        held_back: plan.heldBack.length,
        created_at: nowIso(),
      });
      // Another process decided the period meanwhile: its batch stands.
      if ((await repo.selectCtdcBatchByScopeAndPeriod(trx, scope, period))?.id !== id) return;
      await repo.insertCtdcRows(
        trx,
        plan.rows.map((r, position) => ({
          id: randomUUID(),
          batch_id: id,
          scope,
          batch_number: number,
          position,
          row: JSON.stringify(ctdcColumns.map((c) => r[c] ?? '')),
        })),
      );
      await repo.insertCtdcPublished(
        trx,
        plan.published.map((person_id) => ({ scope, person_id, batch_number: number })),
      );
    });
  }

  /** The scope's file as published so far (empty when no batch was decided). */
  async file(scope: string): Promise<BatchedFile> {
    const db = this.ctx.db.db;
    const batches = await repo.selectCtdcBatchesByScope(db, scope);
    const rows = (await repo.selectCtdcRowsByScope(db, scope)).map((r) => {
      const values = JSON.parse(r.row) as (string | number)[];
      return Object.fromEntries(ctdcColumns.map((c, i) => [c, values[i] ?? ''])) as CtdcRow;
    });
    const last = batches[batches.length - 1];
    const withG = [...batches].reverse().find((b) => b.generalisation);
    return {
      rows,
      batches: batches
        .filter((b) => b.rows_published > 0)
        .map((b) => ({ number: b.number, period: b.period, rows: b.rows_published })),
      generalisation: withG ? (JSON.parse(withG.generalisation!) as Generalisation) : null,
      heldBack: last?.held_back ?? 0,
      k: last?.k ?? 0,
    };
  }
}
