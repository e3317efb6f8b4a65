import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import { type Actor, ScopeCheck } from '../access/index';
import type { Agreement } from './codecs';
import { PlanDocuments } from './documents';
import * as policy from './policy';
import * as repoAgreements from './repo-agreements';
import type { agreementBody, commitmentStatusBody } from './schema';

type Row = Agreement;

/** Cooperation agreements between organisations: parties, term, purpose, commitments, renewals. */
export class Agreements {
  constructor(private readonly ctx: Context) {}
  /** A jurisdiction check whose ancestry cache lives for one call, never for the process (divisions change). */
  private get scope() {
    return new ScopeCheck(this.ctx);
  }
  private get db() {
    return this.ctx.db.db;
  }

  private async load(actor: Actor, id: string, write = false): Promise<Row> {
    const a = await repoAgreements.selectAgreementsById(this.db, id);
    if (!a) throw notFound();
    const inJurisdiction = await this.scope.within(actor, a.country_code, a.division_code);
    const v = policy.verdict(actor, inJurisdiction, write ? 'plans:write' : 'plans:read');
    if (v === 'not_found') throw notFound();
    if (v === 'forbidden') throw new AppError(403, 'forbidden');
    return a;
  }

  /** 404 unless the agreement is in the actor's jurisdiction; 403 when writing without the permission. */
  async check(actor: Actor, id: string, write: boolean) {
    await this.load(actor, id, write);
  }

  async create(actor: Actor, b: z.infer<typeof agreementBody>, requestId: string) {
    if (!policy.mayWrite(actor)) throw new AppError(403, 'forbidden');
    if (!(await this.scope.within(actor, b.division.country, b.division.code)))
      throw new AppError(400, 'scope_outside_jurisdiction');
    if (new Set(b.parties).size !== b.parties.length) throw new AppError(400, 'duplicate_parties');
    const named = [...b.parties, ...b.commitments.flatMap((c) => (c.responsibleOrgId ? [c.responsibleOrgId] : []))];
    const orgs = await repoAgreements.selectOrganisationsById(this.db, named);
    if (orgs.length !== new Set(named).size) throw new AppError(400, 'unknown_organisation');
    if (b.endsOn && b.endsOn < b.signedOn) throw new AppError(400, 'dates_reversed');
    if (b.renewedFrom) await this.load(actor, b.renewedFrom);
    const id = randomUUID();
    const now = nowIso();
    await writeAudited(
      this.ctx,
      { actor, action: 'agreement.created', recordType: 'agreement', recordId: id, requestId },
      async (trx) => {
        await repoAgreements.insertAgreements(trx, {
          id,
          title: b.title,
          purpose: b.purpose ?? null,
          parties: JSON.stringify(b.parties),
          country_code: b.division.country,
          division_code: b.division.code,
          signed_on: b.signedOn,
          ends_on: b.endsOn ?? null,
          renewed_from: b.renewedFrom ?? null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
        for (const c of b.commitments)
          await repoAgreements.insertAgreementCommitments(trx, {
            id: randomUUID(),
            agreement_id: id,
            text: c.text,
            responsible_org_id: c.responsibleOrgId ?? null,
            due_on: c.dueOn ?? null,
            status: 'pending',
          });
      },
    );
    return this.get(actor, id);
  }

  async list(actor: Actor) {
    if (!policy.mayBrowse(actor)) throw new AppError(403, 'forbidden');
    const rows = await repoAgreements.selectAgreements(this.db);
    const out = [];
    const scope = this.scope;
    for (const r of rows)
      if (await scope.within(actor, r.country_code, r.division_code)) out.push(await this.present(actor, r));
    return out;
  }

  async get(actor: Actor, id: string) {
    return this.present(actor, await this.load(actor, id));
  }

  async setCommitment(
    actor: Actor,
    id: string,
    commitmentId: string,
    b: z.infer<typeof commitmentStatusBody>,
    requestId: string,
  ) {
    await this.load(actor, id, true);
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'agreement.commitment',
        recordType: 'agreement',
        recordId: id,
        details: { commitmentId, status: b.status },
        requestId,
      },
      async (trx) => {
        const r = await repoAgreements.updateAgreementCommitmentsByAgreementIdAndId(
          trx,
          { status: b.status },
          commitmentId,
          id,
        );
        if (Number(r.numUpdatedRows) !== 1) throw notFound();
      },
    );
    return this.get(actor, id);
  }

  private async present(actor: Actor, a: Row) {
    const parties = a.parties;
    const [orgs, commitments, documents] = await Promise.all([
      repoAgreements.selectOrganisationsById2(this.db, parties),
      repoAgreements.selectAgreementCommitmentsByAgreementId(this.db, a.id),
      new PlanDocuments(this.ctx, (who, _type, id, write) => this.check(who, id, write)).list(actor, 'agreement', a.id),
    ]);
    return {
      id: a.id,
      title: a.title,
      purpose: a.purpose,
      parties: parties.map((p) => ({ id: p, name: orgs.find((o) => o.id === p)?.name ?? p })),
      division: { country: a.country_code, code: a.division_code },
      signedOn: a.signed_on,
      endsOn: a.ends_on,
      renewedFrom: a.renewed_from,
      commitments: commitments.map((c) => ({
        id: c.id,
        text: c.text,
        responsibleOrgId: c.responsible_org_id,
        dueOn: c.due_on,
        status: c.status,
      })),
      documents,
    };
  }
}
