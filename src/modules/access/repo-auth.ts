// Plain queries for sessions, one-time tokens, recovery codes and sign-in throttling. No rules here.
import type { AuthThrottleTable, OneTimeTokenTable, SessionTable } from '../../platform/db/types';
import type { Q } from './repo';

export const insertSession = (q: Q, row: SessionTable) => q.insertInto('sessions').values(row).execute();
export const findSessionByHash = (q: Q, hash: string) =>
  q.selectFrom('sessions').selectAll().where('token_hash', '=', hash).executeTakeFirst();
export const findSession = (q: Q, id: string) =>
  q.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
export const touchSession = (q: Q, id: string, at: string) =>
  q.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
export const setSessionMfa = (q: Q, id: string) =>
  q.updateTable('sessions').set({ mfa: 1 }).where('id', '=', id).execute();
export const revokeSession = (q: Q, id: string, at: string) =>
  q.updateTable('sessions').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
export const revokeUserSessions = (q: Q, userId: string, at: string) =>
  q
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
export const activeSessions = (q: Q, userId: string, now: string) =>
  q
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();

export const insertToken = (q: Q, row: OneTimeTokenTable) => q.insertInto('one_time_tokens').values(row).execute();
export const findToken = (q: Q, hash: string) =>
  q.selectFrom('one_time_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
/** Marks a token used only if it was unused, so two concurrent uses cannot both succeed. */
export const consumeToken = async (q: Q, hash: string, at: string) =>
  Number(
    (
      await q
        .updateTable('one_time_tokens')
        .set({ used_at: at })
        .where('token_hash', '=', hash)
        .where('used_at', 'is', null)
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;

export const replaceRecoveryCodes = async (q: Q, userId: string, hashes: string[]) => {
  await q.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (hashes.length)
    await q
      .insertInto('recovery_codes')
      .values(hashes.map((code_hash) => ({ code_hash, user_id: userId, used_at: null })))
      .execute();
};
export const consumeRecoveryCode = async (q: Q, userId: string, hash: string, at: string) =>
  Number(
    (
      await q
        .updateTable('recovery_codes')
        .set({ used_at: at })
        .where('code_hash', '=', hash)
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;

export const findThrottle = (q: Q, key: string) =>
  q.selectFrom('auth_throttle').selectAll().where('key', '=', key).executeTakeFirst();
export const saveThrottle = async (q: Q, row: AuthThrottleTable, exists: boolean) => {
  if (exists) await q.updateTable('auth_throttle').set(row).where('key', '=', row.key).execute();
  else await q.insertInto('auth_throttle').values(row).execute();
};
export const clearThrottle = (q: Q, key: string) => q.deleteFrom('auth_throttle').where('key', '=', key).execute();

/** Counts one attempt on `key`, starting a fresh window when the last one began before `windowStart`. */
export async function countAttempt(q: Q, key: string, at: string, windowStart: string): Promise<void> {
  await q
    .insertInto('auth_throttle')
    .values({ key, failures: 0, accounts: '[]', first_failure_at: at, blocked_until: null })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  await q
    .updateTable('auth_throttle')
    .set({ failures: 0, first_failure_at: at, blocked_until: null })
    .where('key', '=', key)
    .where('first_failure_at', '<', windowStart)
    .execute();
  await q
    .updateTable('auth_throttle')
    .set((eb) => ({ failures: eb('failures', '+', 1) }))
    .where('key', '=', key)
    .execute();
}

/** Blocks `key` until the given time. */
export const blockThrottle = (q: Q, key: string, until: string) =>
  q.updateTable('auth_throttle').set({ blocked_until: until }).where('key', '=', key).execute();
