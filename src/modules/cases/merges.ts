import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import type { Actor } from '../access/index';
import { CaseAccess } from './access';
import { mayRegisterCases } from './policy';
import * as repo from './repo';
import * as repoMerges from './repo-merges';

/** Reversible merges of duplicate persons: the duplicate's cases move to the kept person and can move back. */
export class Merges {
  private readonly access: CaseAccess;
  constructor(private readonly ctx: Context) {
    this.access = new CaseAccess(ctx);
  }

  /** Every case of a person must be within the actor's reach, or the person is "not found". */
  private async casesInReach(actor: Actor, personId: string) {
    const person = await repo.findPerson(this.ctx.db.db, personId);
    if (!person) throw notFound();
    const cases = await repoMerges.selectCasesByPersonId(this.ctx.db.db, personId);
    for (const c of cases) await this.access.load(actor, c.id, 'cases:write');
    return { person, cases };
  }

  async merge(actor: Actor, duplicateId: string, keepId: string, requestId: string) {
    if (!mayRegisterCases(actor)) throw notFound();
    if (duplicateId === keepId) throw new AppError(400, 'merge_into_self');
    const dup = await this.casesInReach(actor, duplicateId);
    const keep = await this.casesInReach(actor, keepId);
    if (dup.person.merged_into || keep.person.merged_into) throw new AppError(409, 'already_merged');
    const audit = {
      actor,
      action: 'person.merged',
      recordType: 'person',
      recordId: duplicateId,
      details: { into: keepId, cases: dup.cases.map((c) => c.id) },
      requestId,
    };
    await writeAudited(this.ctx, audit, async (trx) => {
      // Re-checked inside the transaction: only an unmerged person can be merged.
      const marked = await repoMerges.updatePersonsByMergedIntoAndId(
        trx,
        { merged_into: keepId, updated_at: nowIso() },
        duplicateId,
      );
      if (Number(marked.numUpdatedRows) !== 1) throw new AppError(409, 'already_merged');
      // A case keeps the person it was first registered with, so chained merges undo one step at a time.
      await repoMerges.updateCasesByOriginalPersonIdAndPersonId(trx, { original_person_id: duplicateId }, duplicateId);
      // updated_at moves so that whatever follows the case tables (the analytical store) sees the merge.
      await repoMerges.updateCasesByPersonId(trx, { person_id: keepId, updated_at: nowIso() }, duplicateId);
    });
    return { merged: duplicateId, into: keepId, movedCases: dup.cases.length };
  }

  async unmerge(actor: Actor, duplicateId: string, requestId: string) {
    if (!mayRegisterCases(actor)) throw notFound();
    const dup = await repo.findPerson(this.ctx.db.db, duplicateId);
    if (!dup?.merged_into) throw notFound();
    const moved = await repoMerges.selectCasesByOriginalPersonId(this.ctx.db.db, duplicateId);
    for (const c of moved) await this.access.load(actor, c.id, 'cases:write');
    const audit = {
      actor,
      action: 'person.unmerged',
      recordType: 'person',
      recordId: duplicateId,
      details: { from: dup.merged_into, cases: moved.map((c) => c.id) },
      requestId,
    };
    await writeAudited(this.ctx, audit, async (trx) => {
      await repoMerges.updateCasesByOriginalPersonId(
        trx,
        { person_id: duplicateId, original_person_id: null, updated_at: nowIso() },
        duplicateId,
      );
      await repoMerges.updatePersonsById(trx, { merged_into: null, updated_at: nowIso() }, duplicateId);
    });
    return { merged: duplicateId, into: dup.merged_into, movedCases: moved.length };
  }
}
