import { randomUUID } from 'node:crypto';
import type { Context } from '../../../platform/context';
import { nowIso } from '../../../platform/db/index';
import type { Database } from '../../../platform/db/types';
import { AppError, notFound } from '../../../platform/http/errors';
import { enqueue } from '../../../platform/jobs/index';
import { type Actor, can, ScopeCheck } from '../../access/index';
import { CaseAccess, People } from '../../cases/index';
import { importJobCodec } from './codecs';
import { htcdsImportJob, importRowsField } from './import-run';
import { matchPerson } from './match';
import { readHtcdsFile } from './parse';
import * as repoImport from './repo-import';
import { type Problem, validateRows } from './validate';

export type Job = Database['htcds_imports'];
export type Warning = Problem & { cases?: string };
const keepUncommittedMs = 24 * 3_600_000;
/** A running import without progress for this long lost its job (a node died, a message was lost): it is queued again. */
const stalledMs = 15 * 60_000;
/** A running import this old is given up on. */
const giveUpMs = 3 * 24 * 3_600_000;

/**
 * HTCDS import as a job: upload → validation report (stored, values never) → commit of all rows when the file is
 * clean, or of the valid rows when the user asks for it. The commit queues a job (import-run.ts) that imports in
 * batches whose progress the client polls, on whichever node runs jobs, and resumes where it stopped if its process
 * dies. Cases are opened through IntakeService, so codes, encryption, safeguard tasks and audit are those of intake.
 */
export class HtcdsImports {
  private readonly people: People;
  private readonly access: CaseAccess;
  constructor(private readonly ctx: Context) {
    this.people = new People(ctx);
    this.access = new CaseAccess(ctx);
  }
  private get db() {
    return this.ctx.db.db;
  }

  private match = (actor: Actor, r: Parameters<typeof matchPerson>[3]) =>
    matchPerson(this.people, this.access, actor, r);

  /** Refuses (403) roles that may not open cases, before any upload is read. */
  assertMayImport(actor: Actor) {
    if (!can(actor, 'cases:write')) throw new AppError(403, 'forbidden');
  }

  /** Reads and validates a file and stores the report; nothing is imported yet. */
  async upload(
    actor: Actor,
    bytes: Buffer,
    filename: string | undefined,
    division: string | undefined,
    requestId: string,
  ) {
    this.assertMayImport(actor);
    const target = { country: actor.scope.country, code: division ?? actor.scope.code };
    if (!(await new ScopeCheck(this.ctx).within(actor, target.country, target.code)))
      throw new AppError(400, 'scope_outside_jurisdiction');
    const file = await readHtcdsFile(bytes, filename);
    const { records, errors, warnings: notes, ignoredColumns } = await validateRows(this.ctx, actor, file, target);
    const warnings: Warning[] = [...notes];
    for (const r of records) {
      const m = await this.match(actor, r);
      if (m.linkTo)
        warnings.push({ row: r.row, column: 'prs_FirstName', code: 'linked_person', cases: m.codes?.join(', ') });
      else if (m.similar.length)
        warnings.push({ row: r.row, column: 'prs_FirstName', code: 'possible_duplicate', cases: m.similar.join(', ') });
      if (r.intake.draft) warnings.push({ row: r.row, column: 'prs_Birthdate', code: 'opens_as_draft' });
    }
    const id = randomUUID();
    const now = nowIso();
    const job: Job = {
      id,
      created_by: actor.userId,
      org_id: actor.orgId,
      country_code: target.country,
      division_code: target.code,
      format: file.format,
      status: 'validated',
      total: file.rows.length,
      valid: records.length,
      processed: 0,
      imported: 0,
      linked: 0,
      valid_only: 0,
      problems: JSON.stringify(errors),
      warnings: JSON.stringify(warnings),
      ignored_columns: JSON.stringify(ignoredColumns),
      rows_enc: this.ctx.crypto.encrypt(JSON.stringify(records), importRowsField(id)),
      created_at: now,
      updated_at: now,
      finished_at: null,
    };
    await repoImport.insertHtcdsImports(this.db, job);
    await this.ctx.audit.record({
      actor,
      action: 'htcds.import.validated',
      recordType: 'htcds_import',
      recordId: id,
      details: { format: file.format, rows: job.total, valid: job.valid, errors: errors.length },
      requestId,
    });
    return job;
  }

  /**
   * Drops the rows of reports nobody committed within a day, so uploaded personal data does not linger; queues again
   * a commit that made no progress for a while (its job was lost with its node), which resumes where it stopped; gives
   * up on a commit running for days. The nodes that run jobs run it hourly with the other retention work.
   */
  async expire() {
    const now = nowIso();
    const before = new Date(Date.now() - keepUncommittedMs).toISOString();
    await repoImport.updateHtcdsImportsByCreatedAtAndStatus(
      this.db,
      { status: 'expired', rows_enc: null, updated_at: now },
      before,
    );
    await repoImport.failStartedBefore(this.db, new Date(Date.now() - giveUpMs).toISOString(), now);
    const stalled = new Date(Date.now() - stalledMs).toISOString();
    for (const { id } of await repoImport.touchStalled(this.db, stalled, now))
      await enqueue(this.ctx, htcdsImportJob, { id });
  }

  /** The job if the actor started it (404 otherwise, so other people's imports stay invisible). */
  async load(actor: Actor, id: string): Promise<Job> {
    if (!can(actor, 'cases:write')) throw notFound();
    const job = await repoImport.selectHtcdsImportsById(this.db, id);
    if (!job || job.created_by !== actor.userId) throw notFound();
    return job;
  }

  /** Starts importing: all rows of a clean file, or only the valid ones with `validOnly`; answers at once. */
  async commit(actor: Actor, id: string, validOnly: boolean, requestId: string) {
    const job = await this.load(actor, id);
    if (job.status !== 'validated') throw new AppError(409, 'htcds_import_state');
    // A report older than a day is over even before the hourly clean-up has dropped its rows.
    if (job.created_at < new Date(Date.now() - keepUncommittedMs).toISOString()) {
      await this.expire();
      throw new AppError(409, 'htcds_import_state');
    }
    const problems = importJobCodec.decode(job).problems;
    if (problems.length && !validOnly) throw new AppError(409, 'htcds_import_not_clean', { count: problems.length });
    // Only one commit wins, even when two arrive at once.
    const claimed = await repoImport.updateHtcdsImportsByStatusAndId(
      this.db,
      { status: 'running', valid_only: validOnly ? 1 : 0, updated_at: nowIso() },
      id,
    );
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError(409, 'htcds_import_state');
    await enqueue(this.ctx, htcdsImportJob, { id, requestId });
    return this.load(actor, id);
  }

  /** Waits until the import is no longer running (the command line waits for its import). */
  async settled(actor: Actor, id: string, pollMs = 200): Promise<Job> {
    for (;;) {
      const job = await this.load(actor, id);
      if (job.status !== 'running') return job;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }
}
