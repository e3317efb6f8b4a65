// Several app nodes on one PostgreSQL database, as `minka serve` processes behind a load balancer: they start together
// on an empty database, share keys, files and limits, and one dying does not take acknowledged writes with it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { minkaBin } from '../../tests/support/cli';
import { tempDir } from '../../tests/support/db';
import { taggedVoiceNote } from '../../tests/support/media';
import { callNode, killAllNodes, type Node, signInDemo, startNode } from '../../tests/support/nodes';
import { decodeMail, smtpSink } from '../../tests/support/smtp';
import { createPostgresDatabase, dropPostgresDatabase } from './db/dialect';

const url = process.env.TEST_DATABASE_URL;
if (!url && process.env.CI === 'true') throw new Error('CI=true but TEST_DATABASE_URL is not set');
const bin = minkaBin;
const fakeName = () => `Zzyzx${randomBytes(3).toString('hex')}`;

async function query<T>(dbUrl: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

if (url) {
  describe('two app nodes on one PostgreSQL database', () => {
    const dbName = `minka_cluster_${process.pid}`;
    const dirs = [tempDir('minka-node-a-'), tempDir('minka-node-b-')];
    // Every node gets the same master key from its secret store; nothing else is shared but the database.
    const masterKey = randomBytes(32).toString('base64');
    let dbUrl: string;
    let a: Node;
    let b: Node;
    let headers: Record<string, string>;
    const env = (i: number) => ({ DATABASE_URL: dbUrl, MINKA_MASTER_KEY: masterKey, MINKA_DATA_DIR: dirs[i]!.dir });

    before(async () => {
      dbUrl = await createPostgresDatabase(url, dbName);
      // Both start at once against the empty database: migrations, keys and demo data race unless they take turns.
      [a, b] = await Promise.all([startNode(env(0)), startNode(env(1))]);
      headers = await signInDemo(a.url, 'tecnico.guamote@minka.demo');
    });
    after(async () => {
      killAllNodes();
      await dropPostgresDatabase(url, dbName);
      for (const d of dirs) d.remove();
    });

    it('creates exactly one set of data keys and seeds the demo once', async () => {
      const keys = await query<{ purpose: string; n: number }>(
        dbUrl,
        'select purpose, count(*)::int as n from data_keys where retired_at is null group by purpose order by purpose',
      );
      assert.deepEqual(keys, [
        { purpose: 'field', n: 1 },
        { purpose: 'index', n: 1 },
      ]);
      const seeds = await query<{ n: number }>(
        dbUrl,
        "select count(*)::int as n from meta where key like 'demo_seed:%'",
      );
      const users = await query<{ n: number }>(dbUrl, 'select count(*)::int as n from users');
      assert.ok(seeds[0]!.n > 0);
      // Each demo account once: a second seeding would have refused or doubled them.
      const emails = await query<{ n: number }>(dbUrl, 'select count(distinct email_index)::int as n from users');
      assert.equal(emails[0]!.n, users[0]!.n);
    });

    it('a session made on one node works on the other', async () => {
      const onB = await callNode(b.url, headers, 'GET', '/api/auth/session');
      assert.equal(onB.status, 200);
    });

    it('a case created through one node is found by name through the other', async () => {
      const first = fakeName();
      const created = await callNode(a.url, headers, 'POST', '/api/cases', {
        division: { country: 'EC', code: '0606' },
        person: { prs_FirstName: first, prs_SecondName: 'Prueba' },
        local_AgeAtIntake: 12,
      });
      assert.equal(created.status, 200);
      const { id } = await created.json();
      const found = await callNode(b.url, headers, 'POST', '/api/cases/search', { name: first });
      assert.equal(found.status, 200);
      assert.deepEqual(
        (await found.json()).items.map((c: { id: string }) => c.id),
        [id],
      );
    });

    it('a file uploaded through one node downloads through the other', async () => {
      const created = await callNode(a.url, headers, 'POST', '/api/cases', {
        division: { country: 'EC', code: '0606' },
        person: { prs_FirstName: fakeName(), prs_SecondName: 'Archivo' },
        local_AgeAtIntake: 13,
      });
      const { id } = await created.json();
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(taggedVoiceNote())], { type: 'audio/wav' }), 'nota.wav');
      const up = await fetch(`${a.url}/api/cases/${id}/files`, { method: 'POST', headers, body: form });
      assert.equal(up.status, 200, await up.clone().text());
      const file = await up.json();
      const viaA = await fetch(`${a.url}/api/cases/${id}/files/${file.id}`, { headers });
      const viaB = await fetch(`${b.url}/api/cases/${id}/files/${file.id}`, { headers });
      assert.equal(viaB.status, 200);
      const bytes = Buffer.from(await viaB.arrayBuffer());
      assert.equal(bytes.length, file.size);
      assert.ok(bytes.equals(Buffer.from(await viaA.arrayBuffer())));
      // Neither node wrote it to its own disk.
      for (const d of dirs) assert.equal(existsUnder(d.dir, file.id), false);
    });

    it('the report limit holds across both nodes: the 11th report from one source is refused', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const node = i % 2 === 0 ? a : b;
        const page = await (await fetch(`${node.url}/report`)).text();
        const token = page.match(/name="token" value="([^"]+)"/)![1]!;
        const body = new URLSearchParams({ lang: 'es', token, what: `Prueba de límite ${i}`, division: '060350' });
        const res = await fetch(`${node.url}/report`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: body.toString(),
        });
        statuses.push(res.status);
      }
      // Ten reports are taken, five by each node; the eleventh is refused by whichever node gets it.
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill(200));
      assert.equal(statuses[10], 429);
    });

    it('a node killed during a load of writes loses no acknowledged write, and the other keeps serving', async () => {
      const acknowledged: string[] = [];
      let failedOnA = 0;
      let stopWriters = false;
      // Four writers, each sending case intakes to the nodes in turn (a load balancer's round robin).
      const writer = async (w: number) => {
        for (let i = 0; !stopWriters; i++) {
          const node = (i + w) % 2 === 0 ? a : b;
          try {
            const res = await callNode(node.url, headers, 'POST', '/api/cases', {
              division: { country: 'EC', code: '0606' },
              person: { prs_FirstName: fakeName(), prs_SecondName: 'Carga' },
              local_AgeAtIntake: 10,
            });
            if (res.status === 200) acknowledged.push((await res.json()).id);
            else if (node === a) failedOnA++;
          } catch {
            // The killed node's connections are refused or reset: those writes were never acknowledged.
            failedOnA++;
          }
        }
      };
      const writers = [0, 1, 2, 3].map(writer);
      while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
      const beforeKill = acknowledged.length;
      await a.kill();
      const killedAt = acknowledged.length;
      while (acknowledged.length < killedAt + 30) await new Promise((r) => setTimeout(r, 20));
      stopWriters = true;
      await Promise.all(writers);
      assert.ok(beforeKill >= 40 && failedOnA > 0, 'the load ran on both nodes and the kill cut some requests');
      // Every write a node acknowledged is there, read through the node that survived.
      const ids = new Set((await query<{ id: string }>(dbUrl, 'select id from cases')).map((r) => r.id));
      const lost = acknowledged.filter((id) => !ids.has(id));
      assert.deepEqual(lost, []);
      for (const id of acknowledged.slice(-5)) {
        assert.equal((await callNode(b.url, headers, 'GET', `/api/cases/${id}`)).status, 200);
      }
      assert.equal((await fetch(`${b.url}/api/ready`)).status, 200);
      // Both nodes appended to one audit chain at once: it is still whole.
      const verify = spawnSync(process.execPath, [bin, 'audit', 'verify'], {
        env: { ...process.env, ...env(0), LOG_LEVEL: 'silent' },
        encoding: 'utf8',
      });
      assert.equal(verify.status, 0, verify.stdout + verify.stderr);
    });
  });
}

function existsUnder(dir: string, part: string): boolean {
  return readdirSync(dir, { recursive: true }).some((f) => String(f).includes(part));
}

if (url) {
  describe('jobs across two app nodes on one PostgreSQL database', () => {
    const dbName = `minka_cluster_jobs_${process.pid}`;
    const dirs = [tempDir('minka-node-a-'), tempDir('minka-node-b-')];
    const masterKey = randomBytes(32).toString('base64');
    let dbUrl: string;
    let sink: Awaited<ReturnType<typeof smtpSink>>;
    const env = (i: number) => ({
      DATABASE_URL: dbUrl,
      MINKA_MASTER_KEY: masterKey,
      MINKA_DATA_DIR: dirs[i]!.dir,
      MINKA_SMTP_URL: sink.url,
    });

    before(async () => {
      dbUrl = await createPostgresDatabase(url, dbName);
      sink = await smtpSink();
    });
    after(async () => {
      killAllNodes();
      await sink.close();
      await dropPostgresDatabase(url, dbName);
      for (const d of dirs) d.remove();
    });

    it('a reminder that falls due is e-mailed once, though both nodes run the reminder job at start', async () => {
      const first = await startNode(env(0));
      const headers = await signInDemo(first.url, 'tecnico.guamote@minka.demo');
      const created = await callNode(first.url, headers, 'POST', '/api/cases', {
        division: { country: 'EC', code: '0606' },
        person: { prs_FirstName: fakeName(), prs_SecondName: 'Recordatorio' },
        local_AgeAtIntake: 11,
      });
      const { id, code } = await created.json();
      const task = await callNode(first.url, headers, 'POST', `/api/cases/${id}/tasks`, {
        dueAt: new Date(Date.now() - 60_000).toISOString(),
      });
      assert.equal(task.status, 200);
      await first.stop();
      const mentions = () => sink.messages.filter((m) => decodeMail(m).includes(code)).length;
      assert.equal(mentions(), 0);
      // Both nodes start together, and each would run the reminders once at start.
      await Promise.all([startNode(env(0)), startNode(env(1))]);
      for (let i = 0; i < 300 && mentions() === 0; i++) await new Promise((r) => setTimeout(r, 100));
      // Long enough for a second sender (the job runners poll every second or two) to have sent it too.
      await new Promise((r) => setTimeout(r, 5000));
      assert.equal(mentions(), 1);
      const notes = await query<{ n: number }>(
        dbUrl,
        `select count(*)::int as n from notifications where task_id = '${(await task.json()).id}'`,
      );
      assert.equal(notes[0]!.n, 1);
    });
  });
}
