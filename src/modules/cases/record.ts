import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';
import { AppError, notFound } from '../../platform/http/errors';
import { label } from '../../shared/labels/index';
import { type Actor, ScopeCheck } from '../access/index';
import { CaseAccess } from './access';
import { missingToOpen } from './policy';
import { rememberChange } from './record-changes';
import { Derivations, Raced } from './record-derive';
import type { RecordType } from './record-fields';
import { newItemRow, readRecord, type Sealer, sealerOf, touchesPersonal, writeRecord } from './record-values';
import * as caseRepo from './repo';
import * as repoAccess from './repo-access';
import * as repo from './repo-record';
import { type FieldChange, mergeFields } from './versioning';
import { isClosed } from './vocabulary';

type Trx = Transaction<Database>;
/** Field names as the reader's labels, for messages. */
const fieldLabels = (fields: string[]) => (lang: string) => fields.map((f) => label(lang, 'fields', f)).join(', ');

export interface Change {
  actor: Actor;
  caseId: string;
  type: RecordType;
  /** The event's or perpetrator's id (the case and its person are found from the case). */
  sub?: string;
  fields: Record<string, unknown>;
  version?: number;
  reason?: string;
  requestId: string;
  /** The change a supervisor restores (the new change is kept as a restoration of it). */
  restores?: string;
}

/**
 * The living case record: changes to the case, its person, events and perpetrators, each on the version it was
 * based on. Fields nobody else changed merge; a field someone else changed meanwhile is a 409 with both values.
 * Every change keeps its old and new values, encrypted, in record_changes, and derived state follows it.
 */
export class RecordService {
  readonly access: CaseAccess;
  readonly sealer: Sealer;
  private readonly derive: Derivations;
  constructor(private readonly ctx: Context) {
    this.access = new CaseAccess(ctx);
    this.sealer = sealerOf(ctx.crypto);
    this.derive = new Derivations(ctx, this.sealer);
  }

  /** The case, if the actor may change it and it is not closed. */
  async writable(actor: Actor, caseId: string) {
    const c = await this.access.load(actor, caseId, 'cases:write');
    if (isClosed(c.status)) throw new AppError(409, 'case_closed');
    return c;
  }

  /** The id of the record a change is about, checked to belong to the case. */
  private async target(trx: Trx, caseId: string, type: RecordType, sub?: string): Promise<string> {
    const c = await repo.selectRecord(trx, 'case', caseId);
    if (!c) throw notFound();
    // Checked again inside the transaction: a case closed meanwhile takes no more changes.
    if (isClosed(c.status as string)) throw new AppError(409, 'case_closed');
    // And a case anonymised meanwhile takes none either (its sealed values were destroyed on purpose).
    if (c.anonymised_at) throw new AppError(409, 'case_anonymised');
    if (type === 'case') return caseId;
    if (type === 'person') return c.person_id as string;
    const row = sub ? await repo.selectRecord(trx, type, sub) : undefined;
    if (!row || row.case_id !== caseId) throw notFound();
    return sub!;
  }

  /** Applies a change with field-level merge; retries when a concurrent writer moved the version first. */
  async update(ch: Change): Promise<{ version: number; changes: FieldChange[] }> {
    const c = await this.writable(ch.actor, ch.caseId);
    // A person is one record for all their cases: changing it needs the right to change each of them.
    if (ch.type === 'person')
      for (const other of await repoAccess.selectCasesByPersonId(this.ctx.db.db, c.person_id)) {
        if (other.id === c.id) continue;
        const allowed = await this.access.load(ch.actor, other.id, 'cases:write').then(
          () => true,
          () => false,
        );
        if (!allowed) throw new AppError(409, 'person_shared_out_of_reach');
      }
    if (ch.fields.local_Division !== undefined) {
      const code = String(ch.fields.local_Division);
      if (!(await new ScopeCheck(this.ctx).within(ch.actor, c.country_code, code)))
        throw new AppError(400, 'scope_outside_jurisdiction');
    }
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(ch);
      } catch (e) {
        if (!(e instanceof Raced)) throw e;
        if (attempt >= 50) throw new AppError(409, 'record_changed');
      }
    }
  }

  private attempt(ch: Change) {
    let audit = { fields: [] as string[], recordId: ch.caseId };
    return writeAudited(
      this.ctx,
      () => ({
        actor: ch.actor,
        action: `case.${ch.type}_updated`,
        recordType: 'case',
        recordId: ch.caseId,
        fields: audit.fields.join(','),
        details: { record: ch.type, id: audit.recordId },
        requestId: ch.requestId,
      }),
      async (trx) => {
        const id = await this.target(trx, ch.caseId, ch.type, ch.sub);
        audit = { ...audit, recordId: id };
        const row = await repo.selectRecord(trx, ch.type, id);
        if (!row) throw notFound();
        const current = Number(row.version);
        const base = ch.version;
        if (base === undefined) throw new AppError(428, 'version_required');
        if (base > current) throw new AppError(400, 'version_unknown', { version: base });
        const since = new Set<string>();
        if (base < current)
          for (const r of await repo.selectChangesSince(trx, ch.type, id, base))
            for (const f of JSON.parse(r.fields) as string[]) since.add(f);
        const values = readRecord(ch.type, row, this.sealer);
        const merged = mergeFields(values, ch.fields, since);
        if (!merged.ok)
          throw new AppError(
            409,
            'edit_conflict',
            { fields: fieldLabels(merged.conflicts.map((x) => x.field)) },
            { conflicts: merged.conflicts, version: current },
          );
        if (ch.type === 'case') await this.clearSuggestions(trx, id, row, Object.keys(ch.fields));
        if (ch.type === 'case' && merged.changes.some((x) => x.field === 'local_AgeAtIntake')) {
          // With a date or year of birth the age follows from it: the birth data is what to correct.
          const person = await repo.selectRecord(trx, 'person', row.person_id as string);
          if (person?.birthdate_enc || person?.birth_year != null) throw new AppError(400, 'age_follows_birth_date');
        }
        if (ch.type === 'person') {
          // A new date of birth carries its year: that is a change of the record too (and shows in the history).
          const born = merged.changes.find((x) => x.field === 'prs_Birthdate')?.to as string | null | undefined;
          const year = born ? Number(born.slice(0, 4)) : undefined;
          if (year && !merged.changes.some((x) => x.field === 'local_BirthYear') && values.local_BirthYear !== year)
            merged.changes.push({ field: 'local_BirthYear', from: values.local_BirthYear ?? null, to: year });
        }
        if (!merged.changes.length) return { version: current, changes: [] };
        const corrected = merged.changes.filter((x) => x.from !== null && !(Array.isArray(x.from) && !x.from.length));
        if (
          touchesPersonal(
            ch.type,
            corrected.map((x) => x.field),
          ) &&
          !ch.reason
        )
          throw new AppError(400, 'correction_needs_reason', {
            fields: fieldLabels(corrected.map((x) => x.field)),
          });
        const next = { ...values, ...Object.fromEntries(merged.changes.map((x) => [x.field, x.to])) };
        // Being a minor is set by hand only while no age is known; with an age it follows from it.
        if (
          ch.type === 'case' &&
          merged.changes.some((x) => x.field === 'local_IsMinor') &&
          (next.local_AgeAtIntake != null || next.vic_AgeWhenTrafficked != null)
        )
          throw new AppError(400, 'minor_flag_with_age');
        const set = {
          ...writeRecord(ch.type, id, Object.fromEntries(merged.changes.map((x) => [x.field, x.to])), this.sealer),
          ...this.derive.indexes(ch.type, merged.changes, next),
          updated_at: nowIso(),
        };
        if (!(await repo.updateRecordAt(trx, ch.type, id, current, set))) throw new Raced();
        await rememberChange(this.ctx, trx, {
          ...ch,
          recordId: id,
          kind: ch.restores ? 'restored' : 'updated',
          version: current + 1,
          changes: merged.changes,
        });
        audit = { ...audit, fields: merged.changes.map((x) => x.field) };
        await this.derive.follow(trx, ch, id, merged.changes);
        return { version: current + 1, changes: merged.changes };
      },
    );
  }

  /** Confirming or dismissing what a report suggested: setting a field clears its suggestion. */
  private async clearSuggestions(trx: Trx, caseId: string, row: Record<string, unknown>, fields: string[]) {
    const raw = row.suggestions as string | null;
    if (!raw) return;
    const s = JSON.parse(raw) as Record<string, unknown>;
    const left = Object.fromEntries(Object.entries(s).filter(([k]) => !fields.includes(k)));
    if (Object.keys(left).length === Object.keys(s).length) return;
    await caseRepo.updateCase(trx, caseId, { suggestions: Object.keys(left).length ? JSON.stringify(left) : null });
  }

  /** Adds an event or a perpetrator to the case. */
  async add(
    actor: Actor,
    caseId: string,
    type: 'event' | 'perpetrator',
    fields: Record<string, unknown>,
    requestId: string,
  ) {
    await this.writable(actor, caseId);
    const id = randomUUID();
    const now = nowIso();
    await writeAudited(
      this.ctx,
      {
        actor,
        action: `case.${type}_added`,
        recordType: 'case',
        recordId: caseId,
        fields: Object.keys(fields).join(','),
        details: { id },
        requestId,
      },
      async (trx) => {
        await repo.insertRecord(trx, type, newItemRow(type, id, caseId, fields, this.sealer, now));
        const given = Object.entries(fields).filter(
          ([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && !v.length),
        );
        await rememberChange(this.ctx, trx, {
          actor,
          caseId,
          type,
          recordId: id,
          kind: 'created',
          version: 1,
          changes: given.map(([field, to]) => ({ field, from: null, to })),
        });
        await repo.touchCase(trx, caseId, now);
      },
    );
    return id;
  }

  /** Removes an event or a perpetrator (its last values stay, encrypted, in the history). */
  async remove(
    actor: Actor,
    caseId: string,
    type: 'event' | 'perpetrator',
    sub: string,
    version: number | undefined,
    requestId: string,
  ) {
    await this.writable(actor, caseId);
    await writeAudited(
      this.ctx,
      { actor, action: `case.${type}_removed`, recordType: 'case', recordId: caseId, details: { id: sub }, requestId },
      async (trx) => {
        await this.target(trx, caseId, type, sub);
        if (version === undefined) throw new AppError(428, 'version_required');
        const row = (await repo.selectRecord(trx, type, sub))!;
        if (Number(row.version) !== version)
          throw new AppError(409, 'record_changed', {}, { version: Number(row.version) });
        const values = readRecord(type, row, this.sealer);
        if (!(await repo.deleteRecordAt(trx, type, sub, version))) throw new AppError(409, 'record_changed');
        const had = Object.entries(values).filter(([, v]) => v !== null && !(Array.isArray(v) && !v.length));
        await rememberChange(this.ctx, trx, {
          actor,
          caseId,
          type,
          recordId: sub,
          kind: 'removed',
          version: version + 1,
          changes: had.map(([field, from]) => ({ field, from, to: null })),
        });
        await repo.touchCase(trx, caseId, nowIso());
      },
    );
  }

  /** Opens a draft as an active case, once nothing it needs is missing. */
  async open(actor: Actor, caseId: string, version: number | undefined, requestId: string) {
    const c = await this.writable(actor, caseId);
    if (c.stage !== 'Draft') throw new AppError(409, 'case_not_draft');
    const person = readRecord('person', (await repo.selectRecord(this.ctx.db.db, 'person', c.person_id))!, this.sealer);
    const values = readRecord('case', c as never, this.sealer);
    const missing = missingToOpen(person, values);
    if (missing.length) throw new AppError(400, 'case_incomplete', { fields: fieldLabels(missing) }, { missing });
    await writeAudited(
      this.ctx,
      { actor, action: 'case.draft_opened', recordType: 'case', recordId: caseId, requestId },
      async (trx) => {
        const row = (await repo.selectRecord(trx, 'case', caseId))!;
        const current = Number(row.version);
        if (version !== undefined && version > current) throw new AppError(400, 'version_unknown', { version });
        if (row.stage !== 'Draft') throw new AppError(409, 'case_not_draft');
        if (!(await repo.updateRecordAt(trx, 'case', caseId, current, { stage: 'Intake', updated_at: nowIso() })))
          throw new AppError(409, 'edit_conflict', { fields: fieldLabels(['local_CaseStage']) });
        await rememberChange(this.ctx, trx, {
          actor,
          caseId,
          type: 'case',
          recordId: caseId,
          kind: 'updated',
          version: current + 1,
          changes: [{ field: 'local_CaseStage', from: 'Draft', to: 'Intake' }],
        });
      },
    );
  }
}
