// Plain queries for sessions, one-time tokens, recovery codes, known devices and sign-in throttling. No rules here.
import type { AuthThrottleTable, KnownDeviceTable, OneTimeTokenTable, SessionTable } from '../../platform/db/types';
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
/** Writes a source counter, new or not (an upsert, so a concurrent first write of the same key is no error). */
export const saveThrottle = (q: Q, row: AuthThrottleTable) =>
  q
    .insertInto('auth_throttle')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet(row))
    .execute();
export const clearThrottle = (q: Q, key: string) => q.deleteFrom('auth_throttle').where('key', '=', key).execute();

/** Compare-and-set of a pool counter: writes `next` only if the row is still `prev` (or still absent); true if written. */
export async function swapThrottle(q: Q, next: AuthThrottleTable, prev: AuthThrottleTable | null): Promise<boolean> {
  if (!prev) {
    const res = await q
      .insertInto('auth_throttle')
      .values(next)
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const res = await q
    .updateTable('auth_throttle')
    .set(next)
    .where('key', '=', next.key)
    .where('failures', '=', prev.failures)
    .where('first_failure_at', '=', prev.first_failure_at)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Accepts a TOTP time step only if it is later than the last one accepted for the user (atomic: a code works once). */
export const claimTotpStep = async (q: Q, userId: string, step: number) =>
  Number(
    (
      await q
        .updateTable('users')
        .set({ totp_last_step: step })
        .where('id', '=', userId)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;

export const insertKnownDevice = (q: Q, row: KnownDeviceTable) => q.insertInto('known_devices').values(row).execute();
/** The first of the given cookie hashes that is a known device of the user, issued after `since`. */
export const findKnownDevice = (q: Q, userId: string, hashes: string[], since: string) =>
  q
    .selectFrom('known_devices')
    .selectAll()
    .where('user_id', '=', userId)
    .where('token_hash', 'in', hashes)
    .where('created_at', '>', since)
    .executeTakeFirst();
export const deleteKnownDevice = (q: Q, hash: string) =>
  q.deleteFrom('known_devices').where('token_hash', '=', hash).execute();
export const deleteKnownDevices = (q: Q, userId: string) =>
  q.deleteFrom('known_devices').where('user_id', '=', userId).execute();
/** Keeps a user's newest `keep` devices and drops the expired ones, in one statement. */
export const pruneKnownDevices = (q: Q, userId: string, keep: number, since: string) =>
  q
    .deleteFrom('known_devices')
    .where('user_id', '=', userId)
    .where((eb) =>
      eb.or([
        eb('created_at', '<=', since),
        eb(
          'token_hash',
          'not in',
          eb
            .selectFrom('known_devices')
            .select('token_hash')
            .where('user_id', '=', userId)
            .orderBy('created_at', 'desc')
            .orderBy('token_hash')
            .limit(keep),
        ),
      ]),
    )
    .execute();
