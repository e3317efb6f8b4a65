import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Context } from '../../platform/context';
import { nowIso } from '../../platform/db/index';
import type { Database } from '../../platform/db/types';
import { normaliseIdentity } from '../access/index';
import { People } from './people';
import { deriveAge } from './policy';
import type { Change } from './record';
import { rememberChange } from './record-changes';
import type { RecordType } from './record-fields';
import { readRecord, type Sealer, writeRecord } from './record-values';
import * as caseRepo from './repo';
import * as repoAccess from './repo-access';
import * as repoIntake from './repo-intake';
import * as repo from './repo-record';
import { notificationDueAt } from './safeguard-deadline';
import type { FieldChange } from './versioning';

type Trx = Transaction<Database>;
/** A compare-and-set lost to a concurrent writer: the whole change is tried again on the new version. */
export class Raced extends Error {}

/**
 * What follows a change of the record, in the same transaction: blind indexes and name keys of a person, age and
 * minor status of the person's cases (with the derived change in the history), the child's 24-hour task, and the
 * case's updated_at (so the analytical store sees the change).
 */
export class Derivations {
  private readonly people: People;
  constructor(
    private readonly ctx: Context,
    private readonly sealer: Sealer,
  ) {
    this.people = new People(ctx);
  }

  /** Blind indexes and name keys that follow a person's names, birth date and identity number. */
  indexes(type: RecordType, changes: FieldChange[], next: Record<string, unknown>) {
    if (type !== 'person') return {};
    const changed = new Set(changes.map((x) => x.field));
    const c = this.ctx.crypto;
    const out: Record<string, unknown> = {};
    if (changed.has('prs_Birthdate')) {
      const d = next.prs_Birthdate as string | null;
      out.birthdate_index = d ? c.blindIndex('person-birthdate', d) : null;
    }
    if (changed.has('prs_IdentityNumber')) {
      const n = next.prs_IdentityNumber as string | null;
      out.identity_index = n ? c.blindIndex('person-identity', normaliseIdentity(n)) : null;
    }
    return out;
  }

  /** What follows a change: name keys, age and minor status of the person's cases, the child's safeguard task. */
  async follow(trx: Trx, ch: Change, id: string, changes: FieldChange[]) {
    const changed = new Set(changes.map((x) => x.field));
    const now = nowIso();
    if (ch.type === 'person') {
      if (changed.has('prs_FirstName') || changed.has('prs_SecondName')) {
        const row = (await repo.selectRecord(trx, 'person', id))!;
        const v = readRecord('person', row, this.sealer);
        await this.peopleKeys(trx, id, v.prs_FirstName as string | null, v.prs_SecondName as string | null);
      }
      if (changed.has('prs_Birthdate') || changed.has('local_BirthYear'))
        for (const c of await repoAccess.selectCasesByPersonId(trx, id)) await this.rederive(trx, ch, c.id);
      else for (const c of await repoAccess.selectCasesByPersonId(trx, id)) await repo.touchCase(trx, c.id, now);
      return;
    }
    if (ch.type === 'case') {
      if (changed.has('local_AgeAtIntake') || changed.has('vic_AgeWhenTrafficked') || changed.has('local_IsMinor'))
        await this.rederive(trx, ch, ch.caseId, changed.has('local_AgeAtIntake'));
      return;
    }
    await repo.touchCase(trx, ch.caseId, now);
  }

  private async peopleKeys(trx: Trx, personId: string, given: string | null, surnames: string | null) {
    await caseRepo.setNameKeys(trx, personId, this.people.keyIndexes(given, surnames));
  }

  /**
   * Derives the case's age and minor status again from its person; records the derived change in the history and
   * opens the 24-hour child-protection notification when the case has just become a minor's.
   */
  async rederive(trx: Trx, ch: Pick<Change, 'actor'>, caseId: string, keepRecordedAge = false) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const c = (await repo.selectRecord(trx, 'case', caseId))!;
      const p = (await repo.selectRecord(trx, 'person', c.person_id as string))!;
      const before = readRecord('case', c, this.sealer);
      const person = readRecord('person', p, this.sealer);
      const derived = deriveAge(
        {
          created_at: c.created_at as string,
          age_at_intake: before.local_AgeAtIntake as number | null,
          age_when_trafficked: before.vic_AgeWhenTrafficked as number | null,
          is_minor: before.local_IsMinor as boolean,
        },
        keepRecordedAge
          ? { birthdate: null, birth_year: null }
          : { birthdate: person.prs_Birthdate as string | null, birth_year: person.local_BirthYear as number | null },
      );
      const changes: FieldChange[] = [];
      if (derived.age_at_intake !== before.local_AgeAtIntake)
        changes.push({ field: 'local_AgeAtIntake', from: before.local_AgeAtIntake, to: derived.age_at_intake });
      if (derived.is_minor !== before.local_IsMinor)
        changes.push({ field: 'local_IsMinor', from: before.local_IsMinor, to: derived.is_minor });
      const version = Number(c.version);
      if (changes.length) {
        const set = writeRecord('case', caseId, Object.fromEntries(changes.map((x) => [x.field, x.to])), this.sealer);
        if (!(await repo.updateRecordAt(trx, 'case', caseId, version, { ...set, updated_at: nowIso() }))) continue;
        // A derived change: no reason of its own (the history shows it beside the change it follows).
        await rememberChange(this.ctx, trx, {
          actor: ch.actor,
          caseId,
          type: 'case',
          recordId: caseId,
          kind: 'derived',
          version: version + 1,
          changes,
        });
      } else await repo.touchCase(trx, caseId, nowIso());
      if (derived.is_minor)
        await this.safeguardTask(trx, caseId, c.assigned_user_id as string | null, c.owner_user_id as string);
      return;
    }
    throw new Raced();
  }

  /** A child's case gets the 24-hour notification task at once (once: a done task is not opened again). */
  private async safeguardTask(trx: Trx, caseId: string, assignee: string | null, owner: string) {
    const kinds = await repo.selectTaskKinds(trx, caseId);
    if (kinds.some((k) => k.kind === 'notify_child_protection')) return;
    const now = nowIso();
    await repoIntake.insertCaseTasks(trx, {
      id: randomUUID(),
      case_id: caseId,
      kind: 'notify_child_protection',
      authority: this.ctx.config.MINKA_CHILD_PROTECTION_AUTHORITY,
      due_at: await notificationDueAt(this.ctx, trx),
      done_at: null,
      done_by: null,
      // The case's caseworker answers for it (never whoever happened to correct a shared person).
      assignee_user_id: assignee ?? owner,
      created_at: now,
    });
  }
}
