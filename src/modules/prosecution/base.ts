import { todayIso } from '../../platform/clock';
import type { Context } from '../../platform/context';
import { notFound } from '../../platform/http/errors';
import type { Language } from '../../platform/i18n/index';
import { type Actor, can, organisationExists, userNames } from '../access/index';
import { CaseAccess } from '../cases/index';
import { type CatalogueEntry, Catalogues } from '../catalogues/index';
import { presentProsecution } from './present';
import * as repo from './repo';
import { fieldError } from './rules';
import type { ProsecutionView } from './schema';

/** What every prosecution write needs: reading the view, the access checks and the field-level refusals. */
export class ProsecutionBase {
  protected readonly access: CaseAccess;
  protected readonly catalogues: Catalogues;
  constructor(protected readonly ctx: Context) {
    this.access = new CaseAccess(ctx);
    this.catalogues = new Catalogues(ctx);
  }
  protected get db() {
    return this.ctx.db.db;
  }
  protected seal(table: string, row: string, column: string, v: string | null | undefined) {
    return this.ctx.crypto.encryptOptional(v, { table, row, column });
  }

  /** The case's complaints with everything recorded on them, and what the reader may do. */
  async view(actor: Actor, caseId: string, lang: Language): Promise<ProsecutionView> {
    const { granted } = await this.access.reach(actor, caseId, 'cases:read', 'legal');
    const [complaints, stages, suspects, charges, hearings, perpetrators, stageEntries, offenceEntries] =
      await Promise.all([
        repo.complaintsOfCase(this.db, caseId),
        repo.stagesOfCase(this.db, caseId),
        repo.suspectsOfCase(this.db, caseId),
        repo.chargesOfCase(this.db, caseId),
        repo.hearingsOfCase(this.db, caseId),
        repo.perpetratorsOfCase(this.db, caseId),
        this.catalogues.entries('proceeding_stage'),
        this.catalogues.entries('offence'),
      ]);
    const orgIds = complaints.flatMap((c) => [c.institution_org_id, c.prosecutor_org_id]).filter((x) => x !== null);
    return presentProsecution(
      {
        complaints,
        stages,
        suspects,
        charges,
        hearings,
        perpetrators,
        stageEntries,
        offenceEntries,
        organisations: await repo.organisationNames(this.db, [...new Set(orgIds)]),
        users: await userNames(
          this.ctx,
          stages.map((s) => s.recorded_by),
        ),
      },
      {
        lang,
        open: (table, row, column, value) => this.ctx.crypto.decryptOptional(value, { table, row, column }),
        seesPerpetrators: granted === null || granted.has('perpetrators'),
        write: can(actor, 'legal:write'),
      },
    );
  }

  /** The case if the actor may record its legal process (404 out of reach, 403 for a role that may only read). */
  protected writable(actor: Actor, caseId: string) {
    return this.access.load(actor, caseId, 'legal:write', 'legal');
  }

  protected async complaint(caseId: string, id: string) {
    const c = await repo.complaintOfCase(this.db, caseId, id);
    if (!c) throw notFound();
    return c;
  }

  /** An active catalogue entry, refused at its field otherwise. */
  protected async entryAt<L extends 'proceeding_stage' | 'offence'>(list: L, key: string, path: string) {
    const e = await this.catalogues.entry(list, key);
    if (!e?.active) throw fieldError(400, 'unknown_catalogue_entry', path);
    return e as CatalogueEntry<L>;
  }

  protected notFuture(day: string, path: string) {
    if (day > todayIso()) throw fieldError(400, 'date_in_future', path);
  }

  protected async organisationAt(id: string | null | undefined, path: string) {
    if (id && !(await organisationExists(this.db, id))) throw fieldError(400, 'unknown_organisation', path);
  }

  protected audit(actor: Actor, caseId: string, action: string, details: Record<string, unknown>, requestId: string) {
    return { actor, action, recordType: 'case', recordId: caseId, details, requestId };
  }
}
