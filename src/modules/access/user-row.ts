import { randomUUID } from 'node:crypto';
import type { FieldCrypto } from '../../platform/crypto/fields';
import { nowIso } from '../../platform/db/index';
import type { UserTable } from '../../platform/db/types';

export const normaliseEmail = (email: string) => email.trim().toLowerCase();
export const normaliseIdentity = (s: string) => s.replace(/[^0-9A-Za-z]/g, '').toUpperCase();

export interface NewUser {
  email: string;
  name: string;
  identityNumber?: string | null;
  organisationId: string;
  scope: { country: string; code: string };
  status: UserTable['status'];
  passwordHash?: string | null;
  totpSecret?: string | null;
  /** The language the person reads; e-mails follow it (Spanish when unset). */
  language?: string | null;
}

/** The one place a user row is built: personal fields encrypted and bound to the row, blind indexes for lookups. */
export function buildUserRow(crypto: FieldCrypto, u: NewUser, id: string = randomUUID()): UserTable {
  const f = (column: string) => ({ table: 'users', row: id, column });
  const now = nowIso();
  const email = normaliseEmail(u.email);
  return {
    id,
    organisation_id: u.organisationId,
    email_index: crypto.blindIndex('email', email),
    email_enc: crypto.encrypt(email, f('email')),
    name_enc: crypto.encrypt(u.name, f('name')),
    identity_index: u.identityNumber ? crypto.blindIndex('identity', normaliseIdentity(u.identityNumber)) : null,
    identity_enc: crypto.encryptOptional(u.identityNumber, f('identity')),
    password_hash: u.passwordHash ?? null,
    status: u.status,
    scope_country: u.scope.country,
    scope_code: u.scope.code,
    totp_secret_enc: u.totpSecret ? crypto.encrypt(u.totpSecret, f('totp_secret')) : null,
    totp_enabled_at: u.totpSecret ? now : null,
    created_at: now,
    updated_at: now,
    last_sign_in_at: null,
    language: u.language ?? null,
    totp_last_step: null,
  };
}
