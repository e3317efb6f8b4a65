import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { check, visit } from './pages-check';
import { type E2E, newPage, signIn, signInWithoutCode, startE2E } from './support';

// The pages of pages.test.ts for the administrator and the studies' researcher and interviewer (a file of their
// own, so the journeys run side by side).
describe('every administration and study page passes axe-core and fits a 360 px screen (Chromium)', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  it('administrator: every administration tab', async () => {
    const found: string[] = [];
    const { page } = await newPage(e2e);
    await signIn(page, 'admin@minka.demo');
    await visit(page, '/admin', found);
    for (const tab of await page.getByRole('tab').all()) {
      const name = (await tab.textContent()) ?? '';
      await tab.click();
      await page.waitForLoadState('networkidle');
      found.push(...(await check(page, `/admin ${name}`)));
    }
    assert.deepEqual(found, []);
  });

  it("studies: the list, a study (every tab, a new study), the interviewer's study and collect pages", async () => {
    const found: string[] = [];
    const researcher = (await newPage(e2e)).page;
    await signInWithoutCode(researcher, 'investigacion@minka.demo');
    await visit(researcher, '/studies', found);
    await researcher.getByRole('button', { name: 'Nuevo estudio' }).click();
    await researcher.getByRole('button', { name: 'Crear estudio' }).waitFor();
    found.push(...(await check(researcher, '/studies new study')));
    const title = 'Causas y formas de la trata infantil en Cuenca';
    await researcher.getByRole('link', { name: title }).click();
    await researcher.getByRole('heading', { level: 1, name: title }).waitFor();
    const study = new URL(researcher.url()).pathname;
    for (const tab of ['overview', 'progress', 'analysis', 'exports', 'import']) {
      await visit(researcher, `${study}${tab === 'overview' ? '' : `?tab=${tab}`}`, found);
      await researcher.getByRole('tab', { selected: true }).waitFor();
    }
    // The form's preview, open.
    await researcher.goto(study);
    await researcher.getByRole('button', { name: 'Ver el formulario' }).click();
    await researcher.getByRole('button', { name: 'Ocultar el formulario' }).waitFor();
    await researcher.waitForLoadState('networkidle');
    found.push(...(await check(researcher, `${study} form preview`)));

    const interviewer = (await newPage(e2e)).page;
    await signInWithoutCode(interviewer, 'encuestadora.cuenca@minka.demo');
    for (const url of ['/studies', study, `${study}/collect`]) await visit(interviewer, url, found);
    // The questionnaire itself shows once the consent is agreed.
    await interviewer.getByRole('checkbox', { name: 'Leí el texto y la persona está de acuerdo' }).check();
    await interviewer.getByRole('heading', { name: '3. Cuestionario' }).waitFor();
    found.push(...(await check(interviewer, `${study}/collect with the questionnaire`)));
    assert.deepEqual(found, []);
  });
});
