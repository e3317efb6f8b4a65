import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { makeOrg, type Signed, signInNewUser } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { minkaBin } from '../../../tests/support/cli';
import { dbTargets, tempDir } from '../../../tests/support/db';
import { multipart } from '../../../tests/support/requests';
import { t as translate } from '../../platform/i18n/index';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';

const root = new URL('../../..', import.meta.url).pathname;

/** Reads a review sheet into rows keyed by their `catalogue:key`. */
async function readSheet(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows = new Map<string, { row: number; value: string; status: string }>();
  ws.eachRow((r, i) => {
    if (i > 1)
      rows.set(String(r.getCell(1).value), {
        row: i,
        value: String(r.getCell(4).value ?? ''),
        status: String(r.getCell(5).value),
      });
  });
  return { wb, ws, rows };
}

/** The sheet with some rows' value (and optionally status) set, as XLSX bytes. */
async function edited(bytes: Buffer, changes: Record<string, { value?: string; status?: string }>) {
  const { wb, ws, rows } = await readSheet(bytes);
  for (const [key, c] of Object.entries(changes)) {
    const at = rows.get(key);
    assert.ok(at, `${key} is in the sheet`);
    if (c.value !== undefined) ws.getRow(at.row).getCell(4).value = c.value;
    if (c.status !== undefined) ws.getRow(at.row).getCell(5).value = c.status;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

for (const target of dbTargets()) {
  describe(`translation review on ${target.name}`, () => {
    let t: TestApp;
    let admin: Signed;
    let worker: Signed;
    before(async () => {
      t = await openTestApp(target);
      await seedGeoDemo(new GeoService(t.db.handle.db));
      const org = await makeOrg(t.db.ctx, '0603');
      admin = await signInNewUser(t.app, t.db.ctx, { role: 'administrator', scope: 'EC', orgId: org });
      worker = await signInNewUser(t.app, t.db.ctx, { role: 'caseworker', scope: '0603', orgId: org });
    });
    after(() => t.close());

    const upload = async (who: Signed, bytes: Buffer) => {
      const body = await multipart(bytes, 'qu.xlsx');
      return t.app.inject({
        method: 'POST',
        url: '/api/i18n/import',
        headers: { ...who.headers, 'content-type': body.type },
        payload: body.payload,
      });
    };

    it('round trip: a changed Kichwa string shows in the interface and is marked reviewed', async () => {
      const before = (await t.app.inject({ url: '/api/i18n/qu-EC' })).json();
      assert.ok(before.toReview > 0, 'shipped Kichwa waits for review');
      const sheet = await t.app.inject({ url: '/api/i18n/qu-EC/export', headers: admin.headers });
      assert.equal(sheet.statusCode, 200);
      const { rows } = await readSheet(sheet.rawPayload);
      assert.ok(rows.size > 1000, 'every string of every catalogue is in the sheet');
      const home = `Kapak panka ${target.name}`;
      const title = `Willachiy ${target.name}`;
      const bytes = await edited(sheet.rawPayload, {
        'web:nav.home': { value: home },
        'server:report.title': { value: title },
        'web:nav.signOut': { status: 'reviewed' },
      });
      const res = await upload(admin, bytes);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().reviewed, 3);

      const after = (await t.app.inject({ url: '/api/i18n/qu-EC' })).json();
      assert.equal(after.strings['nav.home'], home);
      assert.equal(after.strings['nav.signOut'], rows.get('web:nav.signOut')!.value);
      assert.equal(after.toReview, before.toReview - 3);
      const page = await t.app.inject({ url: '/report?lang=qu-EC' });
      assert.match(page.body, new RegExp(`<h1>${title}</h1>`));
      assert.equal(translate('qu-EC', 'report.title'), title);

      const again = await readSheet(
        (await t.app.inject({ url: '/api/i18n/qu-EC/export', headers: admin.headers })).rawPayload,
      );
      assert.equal(again.rows.get('web:nav.home')!.status, 'reviewed');
      assert.equal(again.rows.get('web:nav.home')!.value, home);
    });

    it('refuses a sheet whose value drops a placeholder, naming the key, and changes nothing', async () => {
      const sheet = await t.app.inject({ url: '/api/i18n/qu-EC/export', headers: admin.headers });
      const bytes = await edited(sheet.rawPayload, {
        'web:nav.geography': { value: 'Markakuna (cambiado)' },
        'server:errors.query_too_short': { value: 'Ashtawan killkapay.' },
      });
      const res = await upload({ ...admin, headers: { ...admin.headers, 'accept-language': 'en' } }, bytes);
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().code, 'translation_placeholders');
      assert.match(res.json().message, /server:errors\.query_too_short/);
      assert.match(res.json().message, /\{\{min\}\}/);
      const now = (await t.app.inject({ url: '/api/i18n/qu-EC' })).json();
      assert.equal(now.strings['nav.geography'], undefined, 'the good row of a refused sheet is not kept either');
    });

    it('refuses an unknown key and a file that is not a sheet', async () => {
      const sheet = await t.app.inject({ url: '/api/i18n/qu-EC/export', headers: admin.headers });
      const { wb, ws } = await readSheet(sheet.rawPayload);
      ws.addRow(['web:no.such.key', 'x', 'x', 'x', 'reviewed', '']);
      const res = await upload(admin, Buffer.from(await wb.xlsx.writeBuffer()));
      assert.equal(res.json().code, 'translation_unknown_key');
      assert.match(res.json().message, /web:no\.such\.key/);
      const junk = await upload(admin, Buffer.from('not a spreadsheet'));
      assert.equal(junk.statusCode, 400);
      assert.equal(junk.json().code, 'translation_file_unreadable');
    });

    it('only a translations manager exports or imports', async () => {
      assert.equal((await t.app.inject({ url: '/api/i18n/qu-EC/export', headers: worker.headers })).statusCode, 403);
      assert.equal((await upload(worker, Buffer.from('x'))).statusCode, 403);
      assert.equal((await t.app.inject({ url: '/api/i18n/xx' })).statusCode, 404);
    });
  });
}

describe('minka i18n export / import', () => {
  const tmp = tempDir();
  const env = {
    ...process.env,
    LOG_LEVEL: 'warn',
    MINKA_DATA_DIR: tmp.dir,
    MINKA_SEED_DEMO: 'false',
    LANG: 'en_GB.UTF-8',
  };
  const minka = (args: string[]) =>
    spawnSync(process.execPath, [minkaBin, ...args], { cwd: root, env, encoding: 'utf8' });
  after(() => tmp.remove());

  it('writes the sheet, takes a reviewed one back, and refuses a dropped placeholder naming the key', async () => {
    const file = path.join(tmp.dir, 'qu.xlsx');
    const out = minka(['i18n', 'export', '--lang', 'qu-EC', '--out', file]);
    assert.equal(out.status, 0, out.stderr);
    assert.match(out.stdout, /qu\.xlsx: \d+ strings \(0 reviewed, \d+ attested/);
    const { readFileSync, writeFileSync } = await import('node:fs');
    const good = path.join(tmp.dir, 'good.xlsx');
    writeFileSync(good, await edited(readFileSync(file), { 'web:nav.home': { value: 'Kallari panka' } }));
    const imported = minka(['i18n', 'import', good]);
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, /^1 strings reviewed/);
    const after = minka(['i18n', 'export', '--lang', 'qu-EC', '--out', file]);
    assert.match(after.stdout, /\(1 reviewed,/);
    const { rows } = await readSheet(readFileSync(file));
    assert.deepEqual(rows.get('web:nav.home'), {
      row: rows.get('web:nav.home')!.row,
      value: 'Kallari panka',
      status: 'reviewed',
    });

    const bad = path.join(tmp.dir, 'bad.xlsx');
    writeFileSync(
      bad,
      await edited(readFileSync(file), { 'server:errors.query_too_short': { value: 'Ashtawan killkapay.' } }),
    );
    const refused = minka(['i18n', 'import', bad]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /server:errors\.query_too_short.*\{\{min\}\}.*\(translation_placeholders\)/);
  });
});
