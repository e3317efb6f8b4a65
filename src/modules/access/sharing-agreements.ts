import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import type { Db } from '../../platform/db/index';
import { nowIso } from '../../platform/db/index';
import type { SharingAgreementTable } from '../../platform/db/types';
import { AppError, notFound } from '../../platform/http/errors';
import { GeoService } from '../geo/index';
import { type Actor, agreementState, can, type SharingTerms } from './policy';
import * as repo from './repo';
import * as repoSharing from './repo-sharing';
import type { sharingAgreementBody, sharingAgreementSchema } from './schema-sharing';
import { ScopeCheck } from './scope';

type Presented = z.infer<typeof sharingAgreementSchema>;

/** Today as the agreements count days (UTC). */
const today = () => nowIso().slice(0, 10);

/** The agreement's terms as the pure policy reads them, with its sections. */
export function termsOf(a: SharingAgreementTable): SharingTerms & { id: string; sections: string[] } {
  return {
    id: a.id,
    fromOrgId: a.from_org_id,
    toOrgId: a.to_org_id,
    country: a.country_code,
    places: JSON.parse(a.places) as string[],
    sections: JSON.parse(a.sections) as string[],
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    endedAt: a.ended_at,
  };
}

/** Agreements running today to this organisation (the cases module asks here which cases they open). */
export async function agreementsRunningTo(db: Db, orgId: string) {
  return (await repoSharing.agreementsRunningTo(db, orgId, today())).map(termsOf);
}

/**
 * Data-sharing agreements: an administrator records that one organisation opens the cases it owns in some places
 * to another, for the sections named, between two dates. Creating and ending one is audited.
 */
export class SharingAgreements {
  constructor(private readonly ctx: Context) {}
  private get db() {
    return this.ctx.db.db;
  }

  /** Agreements whose places all lie in the administrator's jurisdiction, newest first. */
  async list(actor: Actor): Promise<Presented[]> {
    if (!can(actor, 'organisations:manage')) throw new AppError(403, 'forbidden');
    const scope = new ScopeCheck(this.ctx);
    const mine = [];
    for (const a of await repoSharing.listAgreements(this.db)) if (await this.within(actor, a, scope)) mine.push(a);
    return this.present(actor, mine);
  }

  async create(actor: Actor, b: z.infer<typeof sharingAgreementBody>, requestId: string): Promise<Presented> {
    if (!can(actor, 'organisations:manage')) throw new AppError(403, 'forbidden');
    const country = actor.scope.country;
    const scope = new ScopeCheck(this.ctx);
    for (const code of b.places)
      if (!(await scope.within(actor, country, code))) throw new AppError(400, 'scope_outside_jurisdiction');
    for (const orgId of [b.fromOrgId, b.toOrgId])
      if (!(await repo.findOrganisation(this.db, orgId))) throw new AppError(400, 'unknown_organisation');
    const row: SharingAgreementTable = {
      id: randomUUID(),
      from_org_id: b.fromOrgId,
      to_org_id: b.toOrgId,
      sections: JSON.stringify(b.sections),
      country_code: country,
      places: JSON.stringify([...new Set(b.places)]),
      starts_on: b.startsOn,
      ends_on: b.endsOn,
      legal_basis: b.legalBasis,
      created_by: actor.userId,
      created_at: nowIso(),
      ended_at: null,
      ended_by: null,
    };
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'sharing_agreement.created',
        recordType: 'sharing_agreement',
        recordId: row.id,
        details: {
          from: row.from_org_id,
          to: row.to_org_id,
          sections: b.sections,
          places: b.places,
          startsOn: b.startsOn,
          endsOn: b.endsOn,
        },
        requestId,
      },
      (trx) => repoSharing.insertAgreement(trx, row),
    );
    return (await this.present(actor, [row]))[0]!;
  }

  /** Ends an agreement now (the receiver loses access at once); 409 when it has already ended. */
  async end(actor: Actor, id: string, requestId: string): Promise<Presented> {
    const a = await repoSharing.findAgreement(this.db, id);
    if (!a || !can(actor, 'organisations:manage') || !(await this.within(actor, a, new ScopeCheck(this.ctx))))
      throw notFound();
    if (agreementState(termsOf(a), today()) === 'ended') throw new AppError(409, 'sharing_agreement_ended');
    const set = { ended_at: nowIso(), ended_by: actor.userId };
    await writeAudited(
      this.ctx,
      { actor, action: 'sharing_agreement.ended', recordType: 'sharing_agreement', recordId: id, requestId },
      (trx) => repoSharing.endAgreement(trx, id, set),
    );
    return (await this.present(actor, [{ ...a, ...set }]))[0]!;
  }

  private async within(actor: Actor, a: SharingAgreementTable, scope: ScopeCheck) {
    for (const code of JSON.parse(a.places) as string[])
      if (!(await scope.within(actor, a.country_code, code))) return false;
    return true;
  }

  private async present(actor: Actor, rows: SharingAgreementTable[]): Promise<Presented[]> {
    const orgs = new Map((await repo.listOrganisations(this.db)).map((o) => [o.id, o.name]));
    const day = today();
    const terms = rows.map(termsOf);
    const geo = new GeoService(this.db);
    // One label lookup per country, not per agreement.
    const labels = new Map<string, Map<string, string>>();
    for (const country of new Set(terms.map((t) => t.country)))
      labels.set(
        country,
        await geo.labels(
          country,
          terms.filter((t) => t.country === country).flatMap((t) => t.places),
        ),
      );
    const out: Presented[] = [];
    for (const [i, a] of rows.entries()) {
      const t = terms[i]!;
      const state = agreementState(t, day);
      out.push({
        id: a.id,
        fromOrg: { id: a.from_org_id, name: orgs.get(a.from_org_id) ?? '' },
        toOrg: { id: a.to_org_id, name: orgs.get(a.to_org_id) ?? '' },
        sections: t.sections as Presented['sections'],
        places: t.places.map((code) => ({ code, label: labels.get(t.country)?.get(code) ?? code })),
        startsOn: a.starts_on,
        endsOn: a.ends_on,
        legalBasis: a.legal_basis,
        createdAt: a.created_at,
        endedAt: a.ended_at,
        state,
        abilities: { end: state !== 'ended' && can(actor, 'organisations:manage') },
      });
    }
    return out;
  }
}
