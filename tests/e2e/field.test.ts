import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { tempDir } from '../support/db';
import { taggedPhoto } from '../support/media';
import { cachedPaths, holds, rawBytes, registerChild, setUpDevice } from './field-support';
import {
  accessibilityProblems,
  chromiumArgs,
  chromiumPath,
  type E2E,
  newPage,
  screenshotDir,
  signIn,
  startE2E,
} from './support';

// Journeys of offline field work in Chromium, on a browser profile kept on disk so its IndexedDB can be read raw:
// marking cases, working with no connection (the app starts offline), sync with the 24-hour safeguard and the real
// code, a conflict resolved on the device while another field merges, and a revoked device erasing its copy.

const passphrase = 'llaqta kawsay 2026';
const photo = await taggedPhoto();
const child = { first: 'Demo Wayra', last: 'Canario Ficticio', identity: '0650000019' };

describe('offline field work (Chromium)', () => {
  let e2e: E2E;
  let profile: ReturnType<typeof tempDir>;
  let ctx: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  const marked: { id: string; code: string; names: string[] }[] = [];
  const api = async (method: string, url: string, body?: object) => {
    const s = await (await page.request.get('/api/auth/session')).json();
    const res = await page.request.fetch(url, {
      method,
      headers: { 'x-csrf-token': s.csrfToken, 'content-type': 'application/json' },
      ...(body ? { data: body } : {}),
    });
    return { status: res.status(), body: await res.json() };
  };
  const home = () => page.getByRole('link', { name: 'Trabajo de campo', exact: true }).click();
  const fieldStatus = () => page.evaluate(() => JSON.parse(localStorage.getItem('minka.field') ?? '{}'));
  /** Runs `trigger` (e.g. the link coming back) and waits for the sync it starts to finish: nothing waits. */
  const syncedAfter = async (trigger: () => Promise<unknown>) => {
    const before = (await fieldStatus()).lastSync ?? null;
    await trigger();
    await page.waitForFunction((b) => {
      const s = JSON.parse(localStorage.getItem('minka.field') ?? '{}');
      return s.waiting === 0 && s.lastSync && s.lastSync !== b;
    }, before);
  };

  /** Chromium on the profile kept on disk (a phone's browser, closed and opened again), at a phone's width. */
  const openProfile = async () => {
    ctx = await chromium.launchPersistentContext(profile.dir, {
      executablePath: chromiumPath,
      args: chromiumArgs,
      baseURL: e2e.server.url,
      locale: 'es-EC',
      viewport: { width: 412, height: 900 },
    });
    page = ctx.pages()[0] ?? (await ctx.newPage());
  };
  before(async () => {
    e2e = await startE2E();
    profile = tempDir('minka-profile-');
    await openProfile();
    page.on('pageerror', (e) => problems.push(e.message));
  });
  after(async () => {
    await ctx.close();
    profile.remove();
    await e2e.close();
  });

  it('marks two cases, works offline after a reload, and syncs a new child case and a follow-up', async () => {
    await signIn(page, 'tecnico.guamote@minka.demo');
    const list = (await api('GET', '/api/cases?limit=50')).body.items as { id: string; code: string }[];
    for (const c of list.filter((x) => x.code.startsWith('GUA-')).slice(0, 2)) {
      await page.goto(`/cases/${c.id}`);
      await page.getByRole('button', { name: 'Para el campo' }).click();
      await page.getByRole('button', { name: 'En el campo ✓' }).waitFor();
      const detail = (await api('GET', `/api/cases/${c.id}`)).body;
      marked.push({
        id: c.id,
        code: c.code,
        names: [detail.person.prs_FirstName, detail.person.prs_SecondName].filter(Boolean),
      });
    }
    assert.equal(marked.length, 2);

    await page.goto('/field');
    await setUpDevice(page, passphrase);
    for (const m of marked) await page.getByRole('link', { name: new RegExp(m.code) }).waitFor();
    assert.deepEqual(await accessibilityProblems(page), []);
    await page.waitForFunction(
      async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated',
    );
    // The worker keeps the application's files and nothing else: no answer of the API, no report page.
    const cached = await cachedPaths(page);
    assert.ok(cached.includes('/index.html') && cached.some((p) => p.startsWith('/assets/')), 'the app shell is kept');
    assert.deepEqual(
      cached.filter((p) => p.startsWith('/report') || (p.startsWith('/api/') && !p.startsWith('/api/i18n/'))),
      [],
    );

    // No connection: the app still starts (from the service worker) and asks for the passphrase, not a session.
    await ctx.setOffline(true);
    await page.goto('/');
    await page.waitForURL(/\/field$/);
    await page.getByRole('status').filter({ hasText: 'Sin conexión' }).first().waitFor();
    await page.getByLabel('Frase de acceso sin conexión').fill(passphrase);
    await page.getByRole('button', { name: 'Abrir' }).click();

    const tempCode = await registerChild(page, child, 'open');
    // The new case's page works before the server has it: a note waits and follows the case at sync.
    await page.getByRole('tab', { name: 'Notas' }).click();
    await page.getByRole('textbox', { name: 'Añadir comentario' }).fill('Primera visita a la familia');
    await page.getByRole('button', { name: 'Añadir comentario' }).click();
    await page.getByText('Nota ·').first().waitFor();

    // A second visit, written down in a hurry: a draft of the same child (the server will see the duplicate).
    await home();
    const draftCode = await registerChild(page, child, 'draft');
    assert.notEqual(draftCode, tempCode);

    // Within the app: a page load forgets the key, and the copy asks for the passphrase again.
    await home();
    await page.getByRole('link', { name: new RegExp(marked[0]!.code) }).click();
    await page.getByRole('tab', { name: 'Servicios y seguimiento' }).click();
    await page.getByRole('button', { name: 'Programar un seguimiento' }).click();
    await page.getByLabel('Fecha y hora').fill('2027-01-15T10:00');
    await page.getByLabel('Nota (opcional)').fill('Visita en la comunidad');
    await page.getByRole('button', { name: 'Programar seguimiento' }).click();
    await page.getByText('Seguimiento programado').first().waitFor();
    // A photo of a document, kept sealed on the device until the sync attaches it.
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'documento.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('button', { name: 'Guardar la foto' }).click();
    await page.getByText('Foto de documento').first().waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'field-offline-case.png'), fullPage: true });
    assert.deepEqual(await accessibilityProblems(page), []);

    // The link returns: the device sends every change by itself, in the order they were made.
    await home();
    await page
      .getByText(/^5 cambios por enviar$/)
      .first()
      .waitFor();
    await syncedAfter(() => ctx.setOffline(false));
    await page.screenshot({ path: path.join(screenshotDir, 'field-synced.png'), fullPage: true });
    await page.getByRole('heading', { name: 'Casos en este dispositivo' }).waitFor();
    for (const code of [tempCode, draftCode])
      assert.equal(await page.getByText(code).count(), 0, 'the temporary codes are gone from the device');
    // The draft's sync line offers the possible duplicate for linking on its case page.
    await page.getByRole('link', { name: /posible duplicado/ }).waitFor();

    const found = (await api('POST', '/api/cases/search', { name: `${child.first} ${child.last}` })).body.items as {
      id: string;
      code: string;
    }[];
    const details = await Promise.all(found.map(async (c) => (await api('GET', `/api/cases/${c.id}`)).body));
    assert.equal(details.length, 2, 'the case and the draft reached the server');
    assert.equal(details.filter((c) => c.stage === 'Draft').length, 1);
    const detail = details.find((c) => c.stage !== 'Draft');
    const created = found.find((c) => c.id === detail.id)!;
    assert.match(created.code, /^GUA-/, 'the new case reached the server with a real code');
    assert.equal(detail.isMinor, true);
    assert.deepEqual(
      detail.comments.map((m: { cco_CaseComment: string }) => m.cco_CaseComment),
      ['Primera visita a la familia'],
      'the note made on the new case before it had a code followed it',
    );
    assert.ok(
      detail.tasks.some((k: { kind: string }) => k.kind === 'notify_child_protection'),
      'the 24-hour safeguard task was created',
    );
    await page.getByRole('link', { name: new RegExp(created.code) }).waitFor();
    const followed = (await api('GET', `/api/cases/${marked[0]!.id}`)).body;
    assert.ok(
      followed.tasks.some(
        (k: { kind: string; note: string }) => k.kind === 'follow_up' && k.note === 'Visita en la comunidad',
      ),
    );
    assert.deepEqual(problems, []);
  });

  it('shows a conflict on the device and saves the chosen value; another field merges silently', async () => {
    const target = marked[1]!;
    await page.getByRole('link', { name: new RegExp(target.code) }).click();
    await ctx.setOffline(true);
    await page.getByRole('button', { name: 'Editar' }).nth(1).click();
    await page.getByLabel('Edad cuando fue captada').fill('12');
    await page.getByLabel('Meses en la situación').fill('7');
    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    await page.getByText('Cambio de datos').first().waitFor();

    // Meanwhile a colleague changes the same age on the server.
    const other = await e2e.browser.newContext({ baseURL: e2e.server.url, locale: 'es-EC' });
    const colleague = await other.newPage();
    await signIn(colleague, 'supervisora.guamote@minka.demo');
    const s = await (await colleague.request.get('/api/auth/session')).json();
    const now = await (await colleague.request.get(`/api/cases/${target.id}`)).json();
    const patched = await colleague.request.patch(`/api/cases/${target.id}`, {
      headers: { 'x-csrf-token': s.csrfToken },
      data: { version: now.version, fields: { vic_AgeWhenTrafficked: 13 } },
    });
    assert.equal(patched.status(), 200, await patched.text());

    await home();
    await ctx.setOffline(false);
    const card = page.getByRole('region', { name: `Conflicto en ${target.code}` });
    await card.waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'field-conflict.png'), fullPage: true });
    assert.deepEqual(await accessibilityProblems(page), []);
    const merged = await (await colleague.request.get(`/api/cases/${target.id}`)).json();
    assert.equal(merged.local_MonthsExploited, 7, 'the field nobody else touched merged without asking');
    assert.equal(merged.vic_AgeWhenTrafficked, 13, 'nothing was overwritten before the person chose');
    await card.getByLabel('Mi valor (sin conexión): 12').check();
    // Replacing the colleague's value is a correction, which says why.
    await card.getByRole('button', { name: 'Guardar mi elección' }).click();
    await card.getByText('Escriba el motivo').waitFor();
    await card.getByLabel('Motivo de la corrección').fill('La niña lo confirmó en la visita');
    // The choice is sent at once.
    await syncedAfter(() => card.getByRole('button', { name: 'Guardar mi elección' }).click());
    await card.waitFor({ state: 'detached' });
    const chosen = await (await colleague.request.get(`/api/cases/${target.id}`)).json();
    assert.equal(chosen.vic_AgeWhenTrafficked, 12);
    assert.equal(chosen.local_MonthsExploited, 7);
    await other.close();
  });

  it('keeps nothing readable in IndexedDB, and a revoked device erases its copy at its next contact', async () => {
    // The public report page stays as it was: the worker does not answer it, and keeps nothing a reporter wrote.
    await page.goto('/report?province=06&canton=0606');
    await page.locator('textarea[name=what]').fill('Prueba: niños pidiendo dinero en el mercado (canario de campo).');
    await page.locator('input[name=forms][value=begging]').check();
    await page.locator('form[method=post] button[type=submit]').click();
    await page.locator('#receipt').waitFor();
    assert.deepEqual(
      (await cachedPaths(page)).filter((p) => p.startsWith('/report') || p.startsWith('/api/reports')),
      [],
    );
    // A control: a plain string written to IndexedDB is found by the same raw search.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const req = indexedDB.open('control', 1);
          req.onupgradeneeded = () => req.result.createObjectStore('s');
          req.onsuccess = () => {
            const tx = req.result.transaction('s', 'readwrite');
            tx.objectStore('s').put({ v: 'CONTROL-CANARY-plain-text' }, 1);
            tx.oncomplete = () => resolve();
          };
        }),
    );
    const copy = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    assert.ok(copy.includes('minka-field'));
    await ctx.close();
    const raw = rawBytes(path.join(profile.dir, 'Default', 'IndexedDB'));
    assert.ok(holds(raw, 'CONTROL-CANARY-plain-text'), 'the raw search finds plain text');
    const canaries = [
      'canario de campo',
      child.first,
      child.last,
      child.identity,
      'Visita en la comunidad',
      'Primera visita a la familia',
      ...marked.flatMap((m) => m.names),
    ];
    for (const canary of canaries) assert.equal(holds(raw, canary), false, `"${canary}" is not readable`);

    await openProfile();
    const { page: admin } = await newPage(e2e);
    await signIn(admin, 'admin@minka.demo');
    await admin.goto('/admin');
    await admin.getByRole('tab', { name: 'Dispositivos de campo' }).click();
    await admin
      .getByRole('row')
      .filter({ hasText: 'Teléfono de prueba' })
      .getByRole('button', { name: 'Revocar' })
      .click();
    await admin.getByRole('row').filter({ hasText: 'Teléfono de prueba' }).getByText('Revocado: se borrará').waitFor();

    // The next contact: the device opens, learns it was revoked, and erases everything.
    await page.goto('/field');
    await page.getByText('La administración revocó este dispositivo').waitFor();
    const left = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const req = indexedDB.open('minka-field');
          req.onsuccess = () => {
            const db = req.result;
            const stores = [...db.objectStoreNames];
            if (!stores.length) return resolve(0);
            const tx = db.transaction(stores, 'readonly');
            let n = 0;
            for (const s of stores)
              tx.objectStore(s).count().onsuccess = (e) => (n += (e.target as IDBRequest<number>).result);
            tx.oncomplete = () => resolve(n);
          };
        }),
    );
    assert.equal(left, 0, 'the revoked device keeps no record');
    await admin.reload();
    await admin.getByRole('tab', { name: 'Dispositivos de campo' }).click();
    await admin.getByRole('row').filter({ hasText: 'Teléfono de prueba' }).getByText('Copia borrada').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'field-revoked.png'), fullPage: true });
  });
});
