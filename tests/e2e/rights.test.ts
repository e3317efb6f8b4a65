import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { actorByEmail } from '../../src/modules/access/index';
import { CareService, IntakeService } from '../../src/modules/cases/index';
import {
  accessibilityProblems,
  type E2E,
  newPage,
  screenshotDir,
  signIn,
  signInWithoutCode,
  startE2E,
} from './support';

// Journey (issue 21, must-show 3): the Guamote supervisor logs an access request and downloads the person's export
// (the PDF and the JSON read back with the person's data); logs an erasure request for a person with no open
// proceeding and erases: no sealed value in the database decrypts to the person's canary and the raw database file
// does not hold it, and the dashboards' totals do not move; an erasure for the person of the case the Fiscalía is
// prosecuting is blocked, shown with its reason, refused by the server and closed as refused with that reason.

const CANARY = 'Qzvkcanary';
type AnyDb = {
  selectFrom(t: string): { select(c: string[]): { execute(): Promise<Record<string, unknown>[]> } };
  introspection: { getTables(): Promise<{ name: string; schema?: string; columns: { name: string }[] }[]> };
};

const fits = async (page: Page, what: string) =>
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360, `${what} fits 360 px`);
const axe = async (page: Page, within?: string) => {
  await page.mouse.move(0, 0);
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, {
      timeout: 1500,
    })
    .catch(() => undefined);
  await page.waitForTimeout(200);
  return accessibilityProblems(page, within);
};
const pick = async (page: Page, label: string, option: string) => {
  await page.getByRole('combobox', { name: label }).click({ force: true });
  await page.getByRole('option', { name: option, exact: true }).click();
};

describe("people's rights under the LOPDP (Chromium)", () => {
  let e2e: E2E;
  let page: Page;
  let problems: string[];
  before(async () => {
    e2e = await startE2E();
    ({ page, problems } = await newPage(e2e));
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, 'supervisora.guamote@minka.demo');
  });
  after(async () => {
    await e2e.close();
  });

  /** Every sealed value of every table, decrypted with the server's own field crypto (a value that does not open fails). */
  const everySealed = async () => {
    const ctx = e2e.server.ctx;
    const db = ctx.db.db as unknown as AnyDb;
    const out: { where: string; text: string }[] = [];
    for (const t of await db.introspection.getTables()) {
      if (t.name.startsWith('kysely_')) continue;
      const enc = t.columns.map((c) => c.name).filter((c) => c.endsWith('_enc'));
      if (!enc.length) continue;
      for (const r of await db
        .selectFrom(t.name)
        .select(['id', ...enc])
        .execute())
        for (const c of enc) {
          const v = r[c];
          if (v == null) continue;
          const place = { table: t.name, row: String(r.id), column: c.replace(/_enc$/, '') };
          out.push({ where: `${t.name}.${c}`, text: ctx.crypto.decrypt(String(v), place) });
        }
    }
    return out;
  };
  const api = async (method: string, url: string, body?: object) => {
    const s = await (await page.request.get('/api/auth/session')).json();
    const res = await page.request.fetch(url, {
      method,
      headers: { 'x-csrf-token': s.csrfToken, 'content-type': 'application/json' },
      ...(body ? { data: body } : {}),
    });
    return { status: res.status(), body: await res.json() };
  };

  /** Logs a request from the form, the case found by its code; answers the request's id. */
  const logRequest = async (code: string, right: string, requester: string) => {
    await page.goto(`/rights/new?code=${code}`);
    await page.getByRole('heading', { name: 'Registrar una solicitud' }).waitFor();
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.getByRole('status').filter({ hasText: code }).waitFor();
    await pick(page, 'Derecho', right);
    await page.getByLabel('Quién la presenta').fill(requester);
    await pick(page, 'Por qué medio llegó', 'Carta u oficio');
    await page.getByRole('button', { name: 'Registrar la solicitud' }).click();
    await page.getByRole('heading', { name: /^Solicitud SOL-/ }).waitFor();
    return page.url().split('/').pop()!;
  };

  it('logs an access request and downloads the PDF and JSON export with the person’s data', async () => {
    const sisa = await e2e.server.db.db
      .selectFrom('cases')
      .select(['id', 'code'])
      .where('division_code', '=', '060650')
      .orderBy('created_at')
      .executeTakeFirstOrThrow();
    await page.goto('/rights');
    await page.getByRole('heading', { name: 'Derechos de las personas' }).waitFor();
    assert.deepEqual(await axe(page), [], 'the request log passes axe');
    await fits(page, 'the request log');
    await page.getByRole('link', { name: 'Registrar una solicitud' }).click();
    await page.getByLabel('Código del caso').fill(sisa.code);
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.getByRole('status').filter({ hasText: 'Demo Sisa' }).waitFor();
    await pick(page, 'Derecho', 'Acceso');
    await page.getByLabel('Quién la presenta').fill('La propia persona con su madre (prueba)');
    await pick(page, 'Por qué medio llegó', 'En persona');
    assert.deepEqual(await axe(page), [], 'the new request form passes axe');
    await fits(page, 'the new request form');
    await page.screenshot({ path: path.join(screenshotDir, 'rights-new.png'), fullPage: true });
    await page.getByRole('button', { name: 'Registrar la solicitud' }).click();
    await page.getByRole('heading', { name: /^Solicitud SOL-/ }).waitFor();
    await page.getByText('Quedan 15 días').waitFor();

    const exportPart = page.locator('[data-part=export]');
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      exportPart.getByRole('link', { name: 'Descargar el documento (PDF)' }).click(),
    ]);
    assert.match(pdf.suggestedFilename(), /^minka-acceso-SOL-\d{4}-\d{4}\.pdf$/);
    const text = (
      await extractText(await getDocumentProxy(new Uint8Array(readFileSync((await pdf.path())!))), {
        mergePages: true,
      })
    ).text.replace(/\s+/g, ' ');
    for (const expected of ['Demo Sisa', 'Ficticia Uno', sisa.code])
      assert.ok(text.includes(expected), `the PDF lacks "${expected}": ${text.slice(0, 400)}`);
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      exportPart.getByRole('link', { name: 'Descargar los datos (JSON)' }).click(),
    ]);
    assert.match(json.suggestedFilename(), /^minka-acceso-SOL-\d{4}-\d{4}\.json$/);
    const data = readFileSync((await json.path())!, 'utf8');
    JSON.parse(data);
    for (const expected of ['Demo Sisa', 'Ficticia Uno', sisa.code])
      assert.ok(data.includes(expected), `the JSON lacks "${expected}"`);
    assert.deepEqual(await axe(page), [], 'the access request passes axe');
    await fits(page, 'the access request');
    await page.screenshot({ path: path.join(screenshotDir, 'rights-access.png'), fullPage: true });

    await pick(page, 'Resultado', 'Respondida');
    await page.getByLabel('Nota de la respuesta').fill('Entregado el documento impreso y el archivo (prueba)');
    await page.getByRole('button', { name: 'Cerrar la solicitud' }).click();
    await page.getByText('Se respondió a la persona.').waitFor();
  });

  it('erases a person: no sealed value nor the raw database holds them, the dashboards do not move', async () => {
    const ctx = e2e.server.ctx;
    const worker = (await actorByEmail(ctx, 'tecnico.guamote@minka.demo'))!;
    const opened = await new IntakeService(ctx).intake(
      worker,
      {
        draft: false,
        division: { country: 'EC', code: '060650' },
        person: {
          prs_FirstName: `Demo ${CANARY}`,
          prs_SecondName: `Ficticio ${CANARY}`,
          local_BirthYear: 2010,
          prs_Gender: 'Masculine',
          local_Ethnicity: 'Indigena',
          local_Languages: ['qu'],
          prs_Citizenship: ['EC'],
          prs_IdentityNumber: `${CANARY}77`,
          local_Contact: `${CANARY} 0990000000`,
        },
        local_AgeAtIntake: 16,
        vic_TypeOfExploitation: ['ForcedLabour'],
        events: [
          {
            hte_Type: 'Recruitment',
            local_DivisionCode: '060650',
            hte_Date: '2026-05',
            hte_Description: `DEMO: ${CANARY} fue captado en la feria (texto ficticio)`,
          },
        ],
      },
      'e2e-rights',
    );
    await new CareService(ctx).comment(worker, opened.id, `Nota de prueba sobre ${CANARY}`, 'e2e-rights');
    const code = (
      await e2e.server.db.db.selectFrom('cases').select('code').where('id', '=', opened.id).executeTakeFirstOrThrow()
    ).code;
    const holds = (await everySealed()).filter((v) => v.text.toLowerCase().includes(CANARY.toLowerCase()));
    assert.ok(holds.length >= 4, `the control: the canary is sealed in ${holds.length} values before the erasure`);

    const dashboard = async (p: Page) => (await p.request.get('/api/insights/dashboard')).json();
    const donor = await newPage(e2e);
    await signInWithoutCode(donor.page, 'donante@minka.demo');
    const before = { supervisor: await dashboard(page), released: await dashboard(donor.page) };
    assert.ok(before.supervisor.total, 'the supervisor sees a dashboard');

    // From the case page's privacy card, the supervisor logs the erasure request.
    await page.goto(`/cases/${opened.id}?tab=protection`);
    const card = page.locator('[data-part=privacy]');
    await card.getByRole('heading', { name: 'Privacidad y derechos (LOPDP)' }).waitFor();
    await card.getByText('Sin retención legal.').waitFor();
    assert.deepEqual(await axe(page, '[data-part=privacy]'), [], 'the privacy card passes axe');
    await fits(page, 'the case page with its privacy card');
    await card.getByRole('link', { name: 'Registrar una solicitud de esta persona' }).click();
    await page.getByRole('heading', { name: 'Registrar una solicitud' }).waitFor();
    assert.equal(await page.getByLabel('Código del caso').inputValue(), code);
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.getByRole('status').filter({ hasText: code }).waitFor();
    await pick(page, 'Derecho', 'Eliminación');
    await page.getByLabel('Quién la presenta').fill('El propio joven (prueba)');
    await pick(page, 'Por qué medio llegó', 'Carta u oficio');
    await page.getByRole('button', { name: 'Registrar la solicitud' }).click();
    await page.getByRole('heading', { name: /^Solicitud SOL-/ }).waitFor();

    const erase = page.locator('[data-part=erase]');
    await erase.getByText('Se conservan los hechos agregados', { exact: false }).waitFor();
    assert.equal(await erase.locator('[data-blockers]').count(), 0, 'nothing blocks this erasure');
    const button = erase.getByRole('button', { name: 'Eliminar los datos de la persona' });
    assert.ok(await button.isDisabled(), 'the erasure waits for the typed case code');
    await erase.getByLabel(`Para confirmar, escriba el código del caso (${code})`).fill(code);
    assert.deepEqual(await axe(page), [], 'the erasure request passes axe');
    await fits(page, 'the erasure request');
    await page.screenshot({ path: path.join(screenshotDir, 'rights-erase.png'), fullPage: true });
    await button.click();
    await page.getByText('Se respondió a la persona.').waitFor();
    await page.getByText('Datos personales destruidos').first().waitFor();

    // The canary: no sealed value of any table opens to it, and the raw database (and its WAL) does not hold it.
    const left = (await everySealed()).filter((v) => v.text.toLowerCase().includes(CANARY.toLowerCase()));
    assert.deepEqual(
      left.map((v) => v.where),
      [],
      'no sealed value holds the erased person',
    );
    const file = ctx.config.sqlitePath;
    for (const f of [file, `${file}-wal`].filter((f) => existsSync(f)))
      assert.ok(
        !readFileSync(f).toString('latin1').toLowerCase().includes(CANARY.toLowerCase()),
        `${path.basename(f)} holds no trace of the canary`,
      );

    // The dashboards count the same: the plain facts stayed.
    assert.deepEqual(await dashboard(page), before.supervisor, "the supervisor's dashboard is unchanged");
    assert.deepEqual(await dashboard(donor.page), before.released, 'the released figures are unchanged');

    await page.goto(`/cases/${opened.id}`);
    await page.locator('[data-anonymised]').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'rights-anonymised-case.png'), fullPage: true });
    assert.deepEqual(donor.problems, []);
  });

  it('refuses the erasure of a person whose case the Fiscalía prosecutes, with the reason shown', async () => {
    const prosecuted = await e2e.server.db.db
      .selectFrom('cases as c')
      .innerJoin('complaints as k', 'k.case_id', 'c.id')
      .select(['c.id', 'c.code'])
      .where('k.outcome', 'is', null)
      .where('c.division_code', 'like', '0606%')
      .orderBy('c.code')
      .executeTakeFirstOrThrow();
    const id = await logRequest(prosecuted.code, 'Eliminación', 'Abogado de la persona (prueba)');
    const erase = page.locator('[data-part=erase]');
    await erase.getByText(`Proceso penal abierto en el caso ${prosecuted.code}`).waitFor();
    assert.equal(await erase.getByRole('button', { name: 'Eliminar los datos de la persona' }).count(), 0);
    // The server refuses too, naming the reason in the user's language.
    const refused = await api('POST', `/api/rights/requests/${id}/erase`, { confirmCode: prosecuted.code });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'erasure_blocked');
    assert.deepEqual(refused.body.reasons, [{ reason: 'open_proceeding', caseCode: prosecuted.code }]);
    assert.deepEqual(await axe(page), [], 'the blocked erasure passes axe');
    await fits(page, 'the blocked erasure');
    await page.screenshot({ path: path.join(screenshotDir, 'rights-blocked.png'), fullPage: true });

    await pick(page, 'Resultado', 'Rechazada (con el motivo)');
    await pick(page, 'Motivo del rechazo', 'Proceso penal abierto');
    await page.getByLabel('Nota de la respuesta').fill('Se explicó que el proceso penal necesita el registro (prueba)');
    await page.getByRole('button', { name: 'Cerrar la solicitud' }).click();
    await page.getByText('Motivo: Proceso penal abierto').waitFor();
    // The person is still there.
    const person = await e2e.server.db.db
      .selectFrom('cases')
      .select('anonymised_at')
      .where('id', '=', prosecuted.id)
      .executeTakeFirstOrThrow();
    assert.equal(person.anonymised_at, null);

    await page.goto('/rights?');
    await pick(page, 'Estado', 'Rechazada');
    await page.getByRole('row').filter({ hasText: prosecuted.code }).waitFor();
    assert.deepEqual(await axe(page), [], 'the filtered log passes axe');
    await fits(page, 'the filtered log');
    assert.deepEqual(
      problems.filter((p) => !/401|409|Failed to load resource/.test(p)),
      [],
    );
  });

  it("shows Cuenca's supervisor the overdue objection in My work, with the way to it", async () => {
    const cuenca = (await newPage(e2e)).page;
    await cuenca.setViewportSize({ width: 360, height: 800 });
    await signIn(cuenca, 'supervisora.cuenca@minka.demo');
    await cuenca.goto('/work');
    const overdue = cuenca.locator('[data-request]').filter({ hasText: 'Oposición' });
    await overdue.getByText(/Vencida hace \d+ días?/).waitFor();
    assert.deepEqual(await axe(cuenca), [], 'My work with the overdue requests passes axe');
    await fits(cuenca, 'My work with the overdue requests');
    await overdue.getByRole('link').first().click();
    await cuenca.getByRole('heading', { level: 1, name: /^Solicitud SOL-/ }).waitFor();
    // Guamote's supervisor reaches no overdue request.
    await page.goto('/work');
    await page.getByText('No hay solicitudes de derechos vencidas.').waitFor();
  });
});
