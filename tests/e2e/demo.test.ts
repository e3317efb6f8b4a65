import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type E2E, newPage, signInWithoutCode, startE2E } from './support';

describe('a demo says so on every page (Chromium)', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  it('shows the demo strip on the sign-in page, the staff pages and the report form, in the reader’s language', async () => {
    const { page, problems } = await newPage(e2e);
    await page.goto('/signin');
    const strip = page.getByRole('complementary', { name: 'Aviso de demostración' });
    await strip.waitFor();
    assert.match((await strip.textContent()) ?? '', /Demostración: datos ficticios/);
    await signInWithoutCode(page, 'investigacion@minka.demo');
    assert.equal(await strip.count(), 1, 'still there once signed in');
    // It never takes a click: the page under it stays usable.
    assert.equal(await strip.evaluate((el) => getComputedStyle(el).pointerEvents), 'none');
    assert.deepEqual(problems, []);
    // The report pages are the server's, without scripts (the browser's own favicon request may 404 there).
    await page.goto('/report?lang=en');
    assert.match(
      (await page.getByRole('complementary', { name: 'Demo notice' }).textContent()) ?? '',
      /Demo: fake data/,
    );
  });
});
