import 'fake-indexeddb/auto';
import './test-globals';
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

// Study interviews kept on the device without a connection: sealed with the field copy's key (no answer readable
// in IndexedDB), counted without the key, sent later with the Idempotency-Key they were first sent with, exactly
// once; a refusal stays on the device to be corrected; nothing goes while the copy is locked or for another person.

const { fieldDb } = await import('./db');
const vault = await import('./vault');
const studies = { ...(await import('./studies')), ...(await import('./studies-send')) };

const policy = { lockMinutes: 10, maxAttempts: 5, keepDays: 14 };
const device = { id: '4f7c2b1e-0000-4000-8000-000000000002', name: 'Prueba', userId: 'u1', userName: 'Demo Prueba' };
const passphrase = 'frase de prueba larga';
const secretAnswer = 'Observación de prueba muy reconocible';

const interview = (id: string) => ({
  id,
  studyId: 's1',
  body: {
    formVersion: 2,
    division: '010150',
    respondentCode: 'CUE-0071',
    consent: true as const,
    collectedAt: '2026-12-06T10:00:00.000Z',
    answers: { age: 34, notes: secretAnswer },
  },
});

/** Every value IndexedDB holds, as someone with the browser profile would read it. */
async function everythingStored(): Promise<string> {
  const parts: string[] = [];
  for (const row of await fieldDb.meta.toArray())
    parts.push(
      JSON.stringify(row, (_k, v) =>
        v instanceof ArrayBuffer || ArrayBuffer.isView(v)
          ? Buffer.from(v instanceof ArrayBuffer ? v : (v as Uint8Array).buffer).toString('latin1')
          : v,
      ),
    );
  return parts.join('\n');
}

interface Call {
  url: string;
  key: string | null;
  body: Record<string, unknown> | null;
}
let calls: Call[] = [];
let answer: (call: Call) => Response | 'offline';

before(() => {
  globalThis.fetch = (async (input: string, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const call: Call = {
      url: String(input),
      key: headers.get('idempotency-key'),
      body: init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : null,
    };
    if (call.url === '/api/auth/session')
      return Response.json({ csrfToken: 'csrf', user: { id: 'u1' } }, { status: 200 });
    calls.push(call);
    const r = answer(call);
    if (r === 'offline') throw new TypeError('Failed to fetch');
    return r;
  }) as typeof fetch;
});

beforeEach(async () => {
  calls = [];
  vault.lockNow();
  await fieldDb.delete();
  await fieldDb.open();
  await vault.createVault(passphrase, device, policy);
});

after(() => vault.lockNow());

describe('study interviews kept on the device', () => {
  it('are sealed: no answer, code or place is readable in IndexedDB, and they are counted without the key', async () => {
    await studies.keepInterview(interview('k-00000001'), 'u1');
    const stored = await everythingStored();
    assert.ok(stored.includes('studyPending:k-00000001'), 'the interview is stored');
    for (const plain of [secretAnswer, 'CUE-0071', '010150', '"age"'])
      assert.ok(!stored.includes(plain), `${plain} is not stored in plain`);
    vault.lockNow();
    assert.deepEqual(await studies.pendingCounts('s1'), { waiting: 1, refused: 0 });
    await assert.rejects(studies.keptInterviews('s1'), /locked/, 'reading them needs the open copy');
  });

  it('wait while there is no connection, then go once with the same Idempotency-Key and instanceId', async () => {
    await studies.keepInterview(interview('k-00000002'), 'u1');
    answer = () => 'offline';
    const first = await studies.sendPending();
    assert.equal(first.stopped, 'offline');
    assert.deepEqual(await studies.pendingCounts(), { waiting: 1, refused: 0 });

    answer = () => Response.json({ id: 'sub-1', code: 'CUE-0071', respondentCode: 'CUE-0071' }, { status: 200 });
    const second = await studies.sendPending();
    assert.deepEqual(second.sent, [{ id: 'k-00000002', studyId: 's1', respondentCode: 'CUE-0071' }]);
    assert.deepEqual(await studies.pendingCounts(), { waiting: 0, refused: 0 });
    assert.deepEqual(
      calls.map((c) => [c.url, c.key, c.body?.instanceId]),
      [
        ['/api/studies/s1/submissions', 'k-00000002', 'k-00000002'],
        ['/api/studies/s1/submissions', 'k-00000002', 'k-00000002'],
      ],
      'both attempts carry the key the interview was kept with',
    );
    assert.equal(calls[1]!.body?.formVersion, 2);
    assert.equal(calls[1]!.body?.collectedAt, '2026-12-06T10:00:00.000Z', 'the time it was collected, not sent');

    calls = [];
    await studies.sendPending();
    assert.equal(calls.length, 0, 'a sent interview is not sent again');
  });

  it('keep a server refusal on the device, with its message, issues and field, to be corrected', async () => {
    await studies.keepInterview(interview('k-00000003'), 'u1');
    answer = () =>
      Response.json(
        {
          code: 'answers_invalid',
          message: 'Revise las respuestas',
          issues: [{ path: 'age', code: 'constraint' }],
        },
        { status: 422 },
      );
    const r = await studies.sendPending();
    assert.equal(r.refused, 1);
    assert.deepEqual(await studies.pendingCounts('s1'), { waiting: 0, refused: 1 });
    const [kept] = await studies.keptInterviews('s1');
    assert.equal(kept?.state, 'refused');
    assert.equal(kept?.message, 'Revise las respuestas');
    assert.deepEqual(kept?.issues, [{ path: 'age', code: 'constraint' }]);

    // A taken respondent code is put at its input.
    await studies.keepInterview(interview('k-00000004'), 'u1');
    answer = () => Response.json({ code: 'respondent_code_taken', message: 'Código ya usado' }, { status: 409 });
    await studies.sendPending();
    const taken = (await studies.keptInterviews('s1')).find((p) => p.id === 'k-00000004');
    assert.deepEqual(taken?.fields, [
      { path: 'respondentCode', problem: 'respondent_code_taken', message: 'Código ya usado' },
    ]);

    calls = [];
    await studies.sendPending();
    assert.equal(calls.length, 0, 'refused interviews wait for the person, they are not sent again by themselves');
  });

  it('wait while the copy is locked, and are not sent under another person’s session', async () => {
    await studies.keepInterview(interview('k-00000005'), 'someone-else');
    answer = () => Response.json({ id: 'x', respondentCode: 'R-0001' }, { status: 200 });
    const mine = await studies.sendPending();
    assert.equal(mine.otherUser, 1);
    assert.equal(calls.length, 0);

    await studies.keepInterview(interview('k-00000006'), 'u1');
    vault.lockNow();
    const locked = await studies.sendPending();
    assert.equal(locked.stopped, 'locked');
    assert.equal(calls.length, 0);
  });

  it('are erased with the field copy', async () => {
    await studies.keepInterview(interview('k-00000007'), 'u1');
    await studies.keepStudy({
      id: 's1',
      code: 'EST-1',
      title: { es: 'Estudio de prueba' },
      consent: { es: 'Texto' },
      respondents: 'pseudonymous',
      status: 'open',
      places: [{ code: '010150', label: 'Demo' }],
      form: null,
    });
    assert.equal((await studies.keptStudies()).length, 1);
    await vault.wipe('by_person');
    assert.deepEqual(await studies.pendingCounts(), { waiting: 0, refused: 0 });
    assert.equal(await studies.keptStudy('s1'), undefined);
  });
});
