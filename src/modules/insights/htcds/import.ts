import { randomUUID } from 'node:crypto';
import type { Context } from '../../../platform/context';
import { nowIso } from '../../../platform/db/index';
import type { Database } from '../../../platform/db/types';
import { AppError, notFound } from '../../../platform/http/errors';
import { type Actor, can, ScopeCheck } from '../../access/index';
import { CaseAccess, CaseService, IntakeService, People } from '../../cases/index';
import { isClosed } from '../../cases/vocabulary';
import { importJobCodec } from './codecs';
import { readHtcdsFile } from './parse';
import * as repoImport from './repo-import';
import { type ImportRecord, type Problem, validateRows } from './validate';

export type Job = Database['htcds_imports'];
export type Warning = Problem & { cases?: string };
const chunkSize = 25;
const keepUncommittedMs = 24 * 3_600_000;
const stalledMs = 3_600_000;
const rowsField = (id: string) => ({ table: 'htcds_imports', row: id, column: 'rows' });

/**
 * HTCDS import as a job: upload → validation report (stored, values never) → commit of all rows when the file is
 * clean, or of the valid rows when the user asks for it, in chunks whose progress the client polls. Cases are
 * opened through IntakeService, so codes, encryption, safeguard tasks and the audit trail are those of intake.
 */
export class HtcdsImports {
  private readonly people: People;
  private readonly access: CaseAccess;
  /** Commits running in this process (tests and shutdown can wait for them). */
  static readonly running = new Map<string, Promise<void>>();
  constructor(private readonly ctx: Context) {
    this.people = new People(ctx);
    this.access = new CaseAccess(ctx);
  }
  private get db() {
    return this.ctx.db.db;
  }

  /** The existing person a row belongs to: one the actor can see, matching the names and the exact date of birth. */
  private async match(actor: Actor, r: ImportRecord) {
    const p = r.intake.person;
    if (!p?.prs_FirstName && !p?.prs_SecondName) return { linkTo: undefined, similar: [] as string[] };
    const found = await this.people.candidates(
      {
        prs_FirstName: p.prs_FirstName,
        prs_SecondName: p.prs_SecondName,
        prs_Birthdate: p.prs_Birthdate,
        prs_Gender: p.prs_Gender,
      },
      (id) => this.access.personInReach(actor, id),
    );
    // A strong match (the same names and exact date of birth) is the same person; look-alikes are only reported.
    const same = found.find((c) => c.strong);
    if (same) return { linkTo: same.personId, codes: same.caseCodes, similar: [] };
    return { linkTo: undefined, similar: found.flatMap((c) => c.caseCodes) };
  }

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
      rows_enc: this.ctx.crypto.encrypt(JSON.stringify(records), rowsField(id)),
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
   * Drops the rows of reports nobody committed within a day, so uploaded personal data does not linger; ends stalled
   * commits. The serving process runs it hourly with the other retention work.
   */
  async expire() {
    const before = new Date(Date.now() - keepUncommittedMs).toISOString();
    await repoImport.updateHtcdsImportsByCreatedAtAndStatus(
      this.db,
      { status: 'expired', rows_enc: null, updated_at: nowIso() },
      before,
    );
    // A commit whose process stopped (restart, crash) stays "running" with no progress; it is called failed.
    const stalled = new Date(Date.now() - stalledMs).toISOString();
    await repoImport.updateHtcdsImportsByUpdatedAtAndStatus(
      this.db,
      { status: 'failed', rows_enc: null, updated_at: nowIso(), finished_at: nowIso() },
      stalled,
    );
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
    const records = JSON.parse(this.ctx.crypto.decrypt(job.rows_enc ?? '', rowsField(id))) as ImportRecord[];
    const run = this.run(actor, id, records, validOnly, requestId).catch(async () => {
      await repoImport.updateHtcdsImportsById(
        this.db,
        { status: 'failed', rows_enc: null, updated_at: nowIso(), finished_at: nowIso() },
        id,
      );
    });
    HtcdsImports.running.set(id, run);
    void run.finally(() => HtcdsImports.running.delete(id));
    return this.load(actor, id);
  }

  private async run(actor: Actor, id: string, records: ImportRecord[], validOnly: boolean, requestId: string) {
    const intake = new IntakeService(this.ctx);
    const cases = new CaseService(this.ctx);
    let imported = 0;
    let linked = 0;
    const failures: Problem[] = [];
    for (let i = 0; i < records.length; i += chunkSize) {
      for (const r of records.slice(i, i + chunkSize)) {
        try {
          const m = await this.match(actor, r);
          const opened = await intake.intake(
            actor,
            m.linkTo ? { ...r.intake, person: undefined, personId: m.linkTo, draft: false } : r.intake,
            requestId,
          );
          if (m.linkTo) linked++;
          await this.finish(cases, actor, opened.id, id, r, opened.isMinor, requestId);
          imported++;
        } catch {
          failures.push({ row: r.row, column: '', code: 'row_failed' });
        }
      }
      await repoImport.updateHtcdsImportsById2(
        this.db,
        { processed: Math.min(i + chunkSize, records.length), imported, linked, updated_at: nowIso() },
        id,
      );
    }
    const job = await repoImport.selectHtcdsImportsById2(this.db, id);
    const now = nowIso();
    await repoImport.updateHtcdsImportsById3(
      this.db,
      {
        status: 'done',
        rows_enc: null,
        problems: JSON.stringify([...(job ? importJobCodec.decode(job as Job).problems : []), ...failures]),
        updated_at: now,
        finished_at: now,
      },
      id,
    );
    await this.ctx.audit.record({
      actor,
      action: 'htcds.import.committed',
      recordType: 'htcds_import',
      recordId: id,
      details: { imported, linked, failed: failures.length, validOnly },
      requestId,
    });
  }

  /** What intake does not set: the trafficking decision, the HTCDS case status and consent to data processing. */
  private async finish(
    cases: CaseService,
    actor: Actor,
    caseId: string,
    jobId: string,
    r: ImportRecord,
    minor: boolean,
    requestId: string,
  ) {
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
    await cases.change(actor, caseId, set, 'case.imported', { job: jobId, row: r.row }, requestId, async (trx) => {
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
          created_by: actor.userId,
        });
    });
  }
}
