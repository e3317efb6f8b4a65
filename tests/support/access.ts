import { randomUUID } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import { hashPassword } from '../../src/modules/access/passwords';
import * as repo from '../../src/modules/access/repo';
import type { Context } from '../../src/platform/context';
import { nowIso } from '../../src/platform/db/index';
import type { App } from '../../src/platform/http/app';

export const testPassword = 'correct horse battery staple';
export const testTotpSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
let cachedHash: Promise<string> | undefined;

export const totpNow = (secret = testTotpSecret) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();

/** Creates an organisation at a division (the demo geography must be loaded). */
export async function makeOrg(ctx: Context, code: string, name = `Org ${code} (prueba)`): Promise<string> {
  const id = randomUUID();
  const now = nowIso();
  await repo.insertOrganisation(ctx.db.db, {
    id,
    name,
    org_type: 'NGO',
    country_code: 'EC',
    division_code: code,
    active: 1,
    created_at: now,
    updated_at: now,
  });
  return id;
}

/** Creates an active user with one role and a scope; with `totp` the second factor is enrolled. */
export async function makeUser(
  ctx: Context,
  opts: { role: string; scope: string; orgId: string; totp?: boolean; email?: string; name?: string },
) {
  cachedHash ??= hashPassword(testPassword);
  const id = randomUUID();
  const email = opts.email ?? `${opts.role}.${opts.scope}.${id.slice(0, 6)}@prueba.test`;
  const f = (column: string) => ({ table: 'users', row: id, column });
  const now = nowIso();
  await repo.insertUser(ctx.db.db, {
    id,
    organisation_id: opts.orgId,
    email_index: ctx.crypto.blindIndex('email', email.toLowerCase()),
    email_enc: ctx.crypto.encrypt(email.toLowerCase(), f('email')),
    name_enc: ctx.crypto.encrypt(opts.name ?? `Persona Prueba ${opts.role}`, f('name')),
    identity_index: null,
    identity_enc: null,
    password_hash: await cachedHash,
    status: 'active',
    scope_country: 'EC',
    scope_code: opts.scope,
    totp_secret_enc: opts.totp ? ctx.crypto.encrypt(testTotpSecret, f('totp_secret')) : null,
    totp_enabled_at: opts.totp ? now : null,
    created_at: now,
    updated_at: now,
    last_sign_in_at: null,
  });
  await repo.setRoles(ctx.db.db, id, [opts.role]);
  return { id, email };
}

export interface Signed {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

/** Signs in through the API and returns the cookie and CSRF header to send with later requests. */
export async function signIn(
  app: App,
  email: string,
  opts: { password?: string; totp?: string } = {},
): Promise<Signed> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password: opts.password ?? testPassword, ...(opts.totp ? { totp: opts.totp } : {}) },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const setCookie = String(res.headers['set-cookie']);
  const cookie = setCookie.split(';')[0]!;
  const csrf = res.json().csrfToken as string;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
