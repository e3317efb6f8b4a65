import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import type { OrganisationTable } from '../../platform/db/types';
import { AppError, notFound } from '../../platform/http/errors';
import { roleCodec } from './codecs';
import { type Actor, can } from './policy';
import { presentOrganisation, presentRole } from './present';
import * as repo from './repo';
import type { organisationBody, organisationPatch, roleCreate, rolePut } from './schema';
import { ScopeCheck } from './scope';

/** Organisations (inside the actor's jurisdiction, plus the actor's own) and roles (data, adjustable). */
export class OrganisationsService {
  constructor(private readonly ctx: Context) {}

  private get db() {
    return this.ctx.db.db;
  }
  private abilities = (actor: Actor) => ({ update: can(actor, 'organisations:manage') });

  private async sees(actor: Actor, org: OrganisationTable, scope: ScopeCheck) {
    return org.id === actor.orgId || (await scope.within(actor, org.country_code, org.division_code));
  }

  async list(actor: Actor) {
    if (!can(actor, 'organisations:read')) throw new AppError(403, 'forbidden');
    const scope = new ScopeCheck(this.ctx);
    const out = [];
    for (const o of await repo.listOrganisations(this.db))
      if (await this.sees(actor, o, scope)) out.push(presentOrganisation(o, this.abilities(actor)));
    return out;
  }

  async get(actor: Actor, id: string) {
    const o = await repo.findOrganisation(this.db, id);
    if (!o || !can(actor, 'organisations:read') || !(await this.sees(actor, o, new ScopeCheck(this.ctx))))
      throw notFound();
    return presentOrganisation(o, this.abilities(actor));
  }

  async create(actor: Actor, body: z.infer<typeof organisationBody>, requestId: string) {
    if (!can(actor, 'organisations:manage')) throw new AppError(403, 'forbidden');
    if (!(await new ScopeCheck(this.ctx).within(actor, body.division.country, body.division.code)))
      throw new AppError(400, 'scope_outside_jurisdiction');
    const now = nowIso();
    const row: OrganisationTable = {
      id: randomUUID(),
      name: body.name,
      org_type: body.type,
      country_code: body.division.country,
      division_code: body.division.code,
      active: 1,
      created_at: now,
      updated_at: now,
    };
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'organisation.created',
        recordType: 'organisation',
        recordId: row.id,
        details: { name: row.name, type: row.org_type, division: body.division },
        requestId,
      },
      (trx) => repo.insertOrganisation(trx, row),
    );
    return presentOrganisation(row, this.abilities(actor));
  }

  async update(actor: Actor, id: string, patch: z.infer<typeof organisationPatch>, requestId: string) {
    const before = await repo.findOrganisation(this.db, id);
    const scope = new ScopeCheck(this.ctx);
    if (!before || !can(actor, 'organisations:read') || !(await this.sees(actor, before, scope))) throw notFound();
    if (!can(actor, 'organisations:manage')) throw new AppError(403, 'forbidden');
    if (patch.division && !(await scope.within(actor, patch.division.country, patch.division.code)))
      throw new AppError(400, 'scope_outside_jurisdiction');
    const set: Partial<OrganisationTable> = { updated_at: nowIso() };
    if (patch.name) set.name = patch.name;
    if (patch.type) set.org_type = patch.type;
    if (patch.division)
      Object.assign(set, { country_code: patch.division.country, division_code: patch.division.code });
    if (patch.active !== undefined) set.active = patch.active ? 1 : 0;
    await this.db.transaction().execute(async (trx) => {
      await repo.updateOrganisation(trx, id, set);
      const after = { ...before, ...set };
      await this.ctx.audit.record(
        {
          actor,
          action: 'organisation.updated',
          recordType: 'organisation',
          recordId: id,
          fields: Object.keys(patch).join(','),
          details: { before: presentOrganisation(before, {}), after: presentOrganisation(after, {}) },
          requestId,
        },
        trx,
      );
    });
    return presentOrganisation((await repo.findOrganisation(this.db, id))!, this.abilities(actor));
  }

  /** Roles are visible to those who assign them (users:read) and editable by role managers. */
  async roles(actor: Actor) {
    if (!can(actor, 'users:read') && !can(actor, 'roles:manage')) throw new AppError(403, 'forbidden');
    return (await repo.listRoles(this.db)).map(presentRole);
  }

  async putRole(actor: Actor, key: string, body: z.infer<typeof rolePut>, requestId: string) {
    if (!can(actor, 'roles:manage')) throw new AppError(403, 'forbidden');
    const before = await repo.findRole(this.db, key);
    if (!before) throw notFound();
    if (key === 'administrator' && !body.permissions.includes('roles:manage'))
      throw new AppError(400, 'role_would_lock_out');
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'role.permissions_changed',
        recordType: 'role',
        recordId: key,
        details: { before: roleCodec.decode(before).permissions, after: body.permissions },
        requestId,
      },
      (trx) =>
        repo.updateRole(trx, key, {
          permissions: JSON.stringify([...new Set(body.permissions)].sort()),
          label: body.label === undefined ? before.label : body.label,
          updated_at: nowIso(),
        }),
    );
    return presentRole((await repo.findRole(this.db, key))!);
  }

  async createRole(actor: Actor, body: z.infer<typeof roleCreate>, requestId: string) {
    if (!can(actor, 'roles:manage')) throw new AppError(403, 'forbidden');
    if (await repo.findRole(this.db, body.key)) throw new AppError(409, 'role_exists');
    const now = nowIso();
    const row = {
      key: body.key,
      label: body.label ?? null,
      permissions: JSON.stringify([...new Set(body.permissions)].sort()),
      system: 0,
      created_at: now,
      updated_at: now,
    };
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'role.created',
        recordType: 'role',
        recordId: body.key,
        details: { permissions: body.permissions },
        requestId,
      },
      (trx) => repo.insertRole(trx, row),
    );
    return presentRole(row);
  }
}
