import { randomUUID } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import { hashPassword } from '../../src/modules/access/passwords';
import { permissions } from '../../src/modules/access/permissions';
import * as repo from '../../src/modules/access/repo';
import { buildUserRow } from '../../src/modules/access/user-row';
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
  const email = opts.email ?? `${opts.role}.${opts.scope}.${randomUUID()}@prueba.test`;
  const row = buildUserRow(ctx.crypto, {
    email,
    name: opts.name ?? `Persona Prueba ${opts.role}`,
    organisationId: opts.orgId,
    scope: { country: 'EC', code: opts.scope },
    status: 'active',
    passwordHash: await cachedHash,
    totpSecret: opts.totp ? testTotpSecret : null,
  });
  const id = row.id;
  await repo.insertUser(ctx.db.db, row);
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

/** Creates a user with two-step verification on and signs them in (the usual start of an API test). */
export async function signInNewUser(
  app: App,
  ctx: Context,
  opts: { role: string; scope: string; orgId: string; name?: string },
): Promise<Signed & { userId: string; orgId: string }> {
  const user = await makeUser(ctx, { ...opts, totp: true });
  return { ...(await signIn(app, user.email, { totp: totpNow() })), userId: user.id, orgId: opts.orgId };
}

/** An actor with every permission over the whole country, for setting up records in tests and benchmarks. */
export const systemActor = {
  userId: 'system',
  orgId: 'system',
  roles: ['administrator'],
  permissions: new Set<string>(permissions),
  scope: { country: 'EC', code: 'EC' },
  sessionId: '',
};
