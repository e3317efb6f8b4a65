import 'fake-indexeddb/auto';
import './test-globals';
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

// The device's encrypted store, in Node with an in-memory IndexedDB: what is kept is sealed, the key exists only
// while the copy is open, wrong passphrases erase it, an idle device erases itself, and edits of one record fold.

const { fieldDb, setMeta } = await import('./db');
const vault = await import('./vault');
const store = await import('./store');
const { fieldStatus } = await import('./status');

const policy = { lockMinutes: 10, maxAttempts: 5, keepDays: 14 };
const device = { id: '4f7c2b1e-0000-4000-8000-000000000001', name: 'Prueba', userId: 'u1', userName: 'Ana Prueba' };
const passphrase = 'frase de prueba larga';
const person = { prs_FirstName: 'Demo Sisa', prs_SecondName: 'Canario Ficticio', prs_IdentityNumber: '0650000019' };
const aCase = { id: 'c1', code: 'GUA-2026-0001', version: 3, person: { ...person, version: 2 } } as never;

/** Every value IndexedDB holds, as a thief with the browser profile would get it (structured clones, not JSON). */
async function everythingStored(): Promise<string> {
  const parts: string[] = [];
  for (const table of [fieldDb.meta, fieldDb.cases, fieldDb.queue])
    for (const row of await table.toArray())
      parts.push(
        JSON.stringify(row, (_k, v) =>
          v instanceof ArrayBuffer || ArrayBuffer.isView(v)
            ? Buffer.from(v instanceof ArrayBuffer ? v : (v as Uint8Array).buffer).toString('latin1')
            : v,
        ),
      );
  return parts.join('\n');
}

describe('the field device store', () => {
  before(async () => {
    await vault.wipe('by_person');
  });
  // The idle lock is a timer: locking clears it, so nothing is left running.
  after(() => vault.lockNow());
  beforeEach(async () => {
    await vault.wipe('by_person');
    await vault.createVault(passphrase, device, policy);
    await store.saveCases([aCase]);
  });

  it('keeps cases and changes sealed: no name, identity number or note is readable', async () => {
    await store.enqueue({
      caseRef: 'c1',
      what: 'comment',
      method: 'POST',
      path: '/comments',
      body: { cco_CaseComment: 'Visita en la comunidad' },
    });
    await store.createLocalCase({ division: { country: 'EC', code: '060650' }, person } as never);
    const raw = await everythingStored();
    for (const canary of [
      person.prs_FirstName,
      person.prs_SecondName,
      person.prs_IdentityNumber,
      'Visita en la comunidad',
    ])
      assert.equal(raw.includes(canary), false, `${canary} is not readable`);
    assert.equal((await store.caseOnDevice('c1'))?.person.prs_FirstName, 'Demo Sisa', 'the open copy reads it');
    assert.equal(fieldStatus().waiting, 2);
  });

  it('forgets the key when locked and opens again only with the passphrase', async () => {
    vault.lockNow();
    assert.equal(vault.vaultKey(), null);
    await assert.rejects(store.allCases(), /locked/);
    assert.equal(await vault.unlock('otra frase cualquiera'), 'wrong');
    assert.equal(await vault.unlock(passphrase), 'open');
    assert.equal((await store.allCases()).length, 1);
  });

  it('erases the copy at the last allowed wrong passphrase', async () => {
    vault.lockNow();
    for (let i = 1; i < policy.maxAttempts; i++) assert.equal(await vault.unlock(`mala ${i}`), 'wrong');
    assert.equal((await vault.loadVault()).failures, policy.maxAttempts - 1);
    assert.equal(await vault.unlock('mala otra vez'), 'erased');
    assert.equal(await fieldDb.cases.count(), 0);
    assert.equal(await fieldDb.meta.count(), 0);
    assert.equal(fieldStatus().erased, 'attempts');
    assert.equal((await vault.loadVault()).status, 'absent');
  });

  it('a device that has not reached the server for the policy days erases itself', async () => {
    await setMeta('lastContact', new Date(Date.now() - 15 * 86_400_000).toISOString());
    vault.lockNow();
    assert.equal((await vault.loadVault()).status, 'absent');
    assert.equal(await fieldDb.cases.count(), 0);
    assert.equal(fieldStatus().erased, 'expired');
  });

  it('a sealed record moved to another place does not open', async () => {
    await store.saveCases([aCase, { ...(aCase as object), id: 'c2', code: 'GUA-2026-0002' } as never]);
    const [one, two] = await fieldDb.cases.bulkGet(['c1', 'c2']);
    await fieldDb.cases.put({ id: 'c2', sealed: one!.sealed });
    await assert.rejects(store.caseOnDevice('c2'));
    // Its own sealed value, put back, opens: the refusal came from the move, not from a broken store.
    await fieldDb.cases.put({ id: 'c2', sealed: two!.sealed });
    assert.equal(((await store.caseOnDevice('c2')) as { code: string }).code, 'GUA-2026-0002');
  });

  it('folds edits of one record into one change on the version they were made on, shown over the copy', async () => {
    const edit = (fields: Record<string, unknown>) =>
      store.enqueue({ caseRef: 'c1', what: 'edit', method: 'PATCH', path: '', version: 3, body: { fields } });
    await edit({ vic_AgeWhenTrafficked: 12 });
    await edit({ local_MonthsExploited: 7 });
    const ops = await store.queued('c1');
    assert.equal(ops.length, 1);
    assert.equal(ops[0]!.version, 3);
    assert.deepEqual(ops[0]!.body, { fields: { vic_AgeWhenTrafficked: 12, local_MonthsExploited: 7 } });
    const shown = (await store.caseOnDevice('c1')) as unknown as Record<string, unknown>;
    assert.equal(shown.vic_AgeWhenTrafficked, 12);
  });

  it('gives a new case a temporary code, then its real id and code once sent', async () => {
    const temp = await store.createLocalCase({ division: { country: 'EC', code: '060650' }, person } as never);
    assert.match(temp, /^tmp-/);
    assert.match((await store.localCases())[0]!.code, /^TMP-001-/);
    await store.enqueue({ caseRef: temp, what: 'comment', method: 'POST', path: '/comments', body: {} });
    // Sync sends the new case first; once the server took it, its later changes name the real case.
    const [create] = await store.queued(temp);
    await store.removeOp(create!.seq);
    await store.caseCreated(temp, 'real-1', 'GUA-2026-0042');
    assert.deepEqual(
      (await store.queued()).map((o) => [o.what, o.caseRef]),
      [['comment', 'real-1']],
    );
    assert.equal(await store.realIdOf(temp), 'real-1');
    assert.equal((await store.localCases())[0]!.code, 'GUA-2026-0042');
  });
});
