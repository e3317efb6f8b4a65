import type { OrganisationTable, RoleTable, SessionTable, UserTable } from '../../platform/db/types';
import { organisationCodec, roleCodec } from './codecs';
import { needsSecondFactor } from './policy';

/** Decrypted personal fields of a user; only the presenter decides which of them a response carries. */
export interface UserPersonal {
  name: string;
  email: string;
  identityNumber: string | null;
}

export function presentUser(
  row: UserTable,
  roles: string[],
  personal: UserPersonal,
  abilities: Record<string, boolean>,
) {
  return {
    id: row.id,
    name: personal.name,
    email: personal.email,
    identityNumber: personal.identityNumber,
    organisationId: row.organisation_id,
    roles,
    scope: { country: row.scope_country, code: row.scope_code },
    status: row.status,
    secondFactor: Boolean(row.totp_enabled_at),
    lastSignInAt: row.last_sign_in_at,
    abilities,
  };
}

/** The list view leaves out the identity number, so listing users never reads it. */
export function presentUserListItem(
  row: UserTable,
  roles: string[],
  personal: Omit<UserPersonal, 'identityNumber'>,
  abilities: Record<string, boolean>,
) {
  const { identityNumber: _omit, ...rest } = presentUser(row, roles, { ...personal, identityNumber: null }, abilities);
  return rest;
}

export function presentOrganisation(row: OrganisationTable, abilities: Record<string, boolean>) {
  return {
    id: row.id,
    name: row.name,
    type: row.org_type,
    division: { country: row.country_code, code: row.division_code },
    active: organisationCodec.decode(row).active,
    abilities,
  };
}

export function presentRole(row: RoleTable) {
  const { permissions, system } = roleCodec.decode(row);
  return {
    key: row.key,
    label: row.label,
    system,
    permissions,
    requiresSecondFactor: needsSecondFactor(permissions),
  };
}

export function presentSession(row: SessionTable, currentId: string | null) {
  return {
    id: row.id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    current: row.id === currentId,
  };
}
