import { randomUUID } from 'node:crypto';
import type { Context } from '../../../platform/context';
import { writeAudited } from '../../../platform/db/audited';
import { nowIso } from '../../../platform/db/index';
import { enqueue } from '../../../platform/jobs/index';
import type { QueuedJob } from '../../../platform/module';
import { type Actor, SessionService } from '../../access/index';
import { CaseAccess, CaseService, IntakeService, People } from '../../cases/index';
import { isClosed } from '../../cases/vocabulary';
import { importJobCodec } from './codecs';
import { matchPerson } from './match';
import * as repoImport from './repo-import';
import type { ImportRecord, Problem } from './validate';

/** Rows per batch: progress is written after each. */
export const importBatchSize = 25;
/** One run of the job imports for about this long, then queues the rest, so no run outlives its expiry. */
const sliceMs = 60_000;
export const importRowsField = (id: string) => ({ table: 'htcds_imports', row: id, column: 'rows' });

/** Another run took this row first (a job retried while its first run still worked): this run leaves it. */
class RowTaken extends Error {
  override name = 'RowTaken';
}

type Taken = Awaited<ReturnType<typeof repoImport.selectImportRows>>[number];

export interface ImportRunOptions {
  signal?: AbortSignal;
  batchSize?: number;
  /** Stop after this many batches, answering that rows remain (a test stands for a process that dies there). */
  maxBatches?: number;
  /** The commit's request, which the audit entries of the import name. */
  requestId?: string;
}

/**
 * Imports a committed HTCDS import in batches. Each row's case and the row's record (`htcds_import_rows`) are written
 * in one transaction, and the rest of the row (decision, status, consent) in a second that moves the record to done,
 * so a run that starts again after its process died skips what is done, finishes what is half done, and every row
 * is imported exactly once, even when two runs meet.
 */
export class ImportRun {
  constructor(private readonly ctx: Context) {}
  private get db() {
    return this.ctx.db.db;
  }

  /** Imports what remains; answers true when rows remain (the time slice or `maxBatches` ended the run). */
  async work(id: string, opts: ImportRunOptions = {}): Promise<boolean> {
    const job = await repoImport.selectHtcdsImportsById(this.db, id);
    if (job?.status !== 'running' || !job.rows_enc) return false;
    // The job runs with the rights its author has now: a person removed meanwhile imports nothing more.
    const actor = await new SessionService(this.ctx).actorFor(job.created_by, `htcds-import-${id}`);
    if (!actor) {
      await this.end(id, 'failed');
      return false;
    }
    const records = JSON.parse(this.ctx.crypto.decrypt(job.rows_enc, importRowsField(id))) as ImportRecord[];
    const taken = new Map((await repoImport.selectImportRows(this.db, id)).map((r) => [Number(r.row_no), r]));
    const todo = records.filter((r) => (taken.get(r.row)?.state ?? 'opened') === 'opened');
    const size = opts.batchSize ?? importBatchSize;
    const started = Date.now();
    const requestId = opts.requestId ?? actor.sessionId;
    const rows = new Rows(this.ctx, actor, id, requestId);
    for (let i = 0, batches = 0; i < todo.length; i += size, batches++) {
      opts.signal?.throwIfAborted();
      if (batches === opts.maxBatches || (batches > 0 && Date.now() - started > sliceMs)) return true;
      for (const r of todo.slice(i, i + size)) await rows.take(r, taken.get(r.row));
      await this.progress(id);
    }
    await this.end(id, 'done', { validOnly: Number(job.valid_only) === 1, actor, requestId });
    return false;
  }

  private async progress(id: string) {
    const counts = await repoImport.countImportRows(this.db, id);
    await repoImport.updateHtcdsImportsById2(this.db, { ...counts, updated_at: nowIso() }, id);
  }

  /** Ends the import once (whichever run gets here first), dropping its rows; the first to end it audits it. */
  private async end(
    id: string,
    status: 'done' | 'failed',
    by?: { validOnly: boolean; actor: Actor; requestId: string },
  ) {
    const counts = await repoImport.countImportRows(this.db, id);
    const failed = (await repoImport.selectFailedRows(this.db, id)).map(
      (r): Problem => ({ row: Number(r.row_no), column: '', code: 'row_failed' }),
    );
    const job = await repoImport.selectHtcdsImportsById2(this.db, id);
    const now = nowIso();
    // The status and its audit entry commit together: whoever sees the import done also finds it audited.
    await writeAudited(
      this.ctx,
      (ended: boolean) =>
        ended && by
          ? {
              actor: by.actor,
              action: 'htcds.import.committed',
              recordType: 'htcds_import',
              recordId: id,
              details: {
                imported: counts.imported,
                linked: counts.linked,
                failed: failed.length,
                validOnly: by.validOnly,
              },
              requestId: by.requestId,
            }
          : [],
      (trx) =>
        repoImport.finishImport(trx, id, {
          ...counts,
          status,
          rows_enc: null,
          problems: JSON.stringify([...importJobCodec.decode(job as never).problems, ...failed]),
          updated_at: now,
          finished_at: now,
        }),
    );
  }
}

/** One import's rows, taken one at a time. */
class Rows {
  private readonly intake: IntakeService;
  private readonly cases: CaseService;
  private readonly people: People;
  private readonly access: CaseAccess;
  constructor(
    private readonly ctx: Context,
    private readonly actor: Actor,
    private readonly importId: string,
    private readonly requestId: string,
  ) {
    this.intake = new IntakeService(ctx);
    this.cases = new CaseService(ctx);
    this.people = new People(ctx);
    this.access = new CaseAccess(ctx);
  }

  /** Opens the row's case (unless a run did) and finishes it (unless a run did); a row that fails is recorded so. */
  async take(r: ImportRecord, before: Taken | undefined) {
    let opened = before ? { caseId: before.case_id!, minor: Number(before.minor) === 1 } : null;
    if (!opened) {
      try {
        opened = await this.open(r);
      } catch {
        // Either the row cannot be imported, or another run took it first (then this records nothing).
        await repoImport.insertFailedRow(this.ctx.db.db, this.importId, r.row);
        return;
      }
    }
    try {
      await this.finish(opened.caseId, r, opened.minor);
    } catch (err) {
      if (err instanceof RowTaken) return;
      await repoImport.settleImportRow(this.ctx.db.db, this.importId, r.row, 'failed');
    }
  }

  private async open(r: ImportRecord) {
    const m = await matchPerson(this.people, this.access, this.actor, r);
    const input = m.linkTo ? { ...r.intake, person: undefined, personId: m.linkTo, draft: false } : r.intake;
    let minor = false;
    const opened = await this.intake.intake(this.actor, input, this.requestId, {
      also: async (trx, c) => {
        minor = await repoImport.caseIsMinor(trx, c.id);
        await repoImport.insertImportRow(trx, {
          import_id: this.importId,
          row_no: r.row,
          case_id: c.id,
          linked: m.linkTo ? 1 : 0,
          minor: minor ? 1 : 0,
          state: 'opened',
        });
      },
    });
    return { caseId: opened.id, minor };
  }

  /** What intake does not set: the trafficking decision, the HTCDS case status and consent to data processing. */
  private async finish(caseId: string, r: ImportRecord, minor: boolean) {
    const now = nowIso();
    const enc = (column: string, v: string | null) =>
      this.ctx.crypto.encryptOptional(v, { table: 'cases', row: caseId, column });
    const closed = isClosed(r.status);
    const set = {
      ...(r.decision
        ? {
            trafficking_status: r.decision.status,
            decision_org: r.decision.org,
            // The template carries no reason; the case.imported audit entry says where the decision came from.
            decision_reason_enc: null,
            decided_at: now,
          }
        : {}),
      status: r.status,
      ...(closed
        ? { closure_reason_enc: enc('closure_reason', r.closureReason), closed_at: now, stage: 'Closure' }
        : {}),
    };
    const details = { job: this.importId, row: r.row };
    await this.cases.change(this.actor, caseId, set, 'case.imported', details, this.requestId, async (trx) => {
      if (!(await repoImport.settleImportRow(trx, this.importId, r.row, 'done'))) throw new RowTaken();
      if (r.consent)
        await repoImport.insertConsents(trx, {
          id: randomUUID(),
          case_id: caseId,
          scope: 'DataProcessing',
          organisation_id: null,
          // The template's checkbox does not say who consented; for a child it can only have been a guardian.
          given_by: minor ? 'Guardian' : 'Self',
          giver_name_enc: null,
          given_at: now,
          withdrawn_at: null,
          created_by: this.actor.userId,
        });
    });
  }
}

/**
 * The queued job behind a commit: imports for a time slice, then queues itself for the rest. A run stopped by a
 * shutdown throws, so the runner retries it (another node, or this one after a restart).
 */
export const htcdsImportJob: QueuedJob<{ id: string; requestId?: string }> = {
  name: 'htcds import',
  expireSeconds: 15 * 60,
  run: async (ctx, data, signal) => {
    if (await new ImportRun(ctx).work(data.id, { signal, requestId: data.requestId }))
      await enqueue(ctx, htcdsImportJob, data);
  },
};
