import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import es from '../../src/platform/i18n/locales/es.json' with { type: 'json' };
import { type E2E, startE2E } from './support';

// Spanish function words that Kichwa does not use: two of them in one stretch of text make it a Spanish sentence.
const spanishWords = new Set(
  'el la los las de del que y en por para con una un su sus es son no se lo al como más pero este esta'.split(' '),
);

/** The stretches of visible text on the page (and button and option labels) that read as Spanish sentences. */
async function spanishOn(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      // Place names are names (Santo Domingo de los Tsáchilas), not sentences to translate.
      const place = parent?.matches('select option:not([value=""])');
      if (parent && !place && getComputedStyle(parent).display !== 'none' && !parent.closest('.hp'))
        out.push(n.textContent ?? '');
    }
    for (const el of document.querySelectorAll('input[type=submit],button,[aria-label],[placeholder]'))
      out.push(el.getAttribute('aria-label') ?? '', el.getAttribute('placeholder') ?? '');
    out.push(document.title);
    return out;
  });
  const report = es.report as Record<string, unknown>;
  const spanishStrings = Object.values(report).filter((v): v is string => typeof v === 'string' && v.includes(' '));
  return texts
    .map((t) => t.trim())
    .filter(Boolean)
    .filter((t) => {
      const words = t.toLowerCase().match(/[a-záéíóúñü]+/g) ?? [];
      const hits = words.filter((w) => spanishWords.has(w)).length;
      return hits >= 2 || spanishStrings.some((s) => t.includes(s.split('{{')[0]!.trim()) && s.length > 12);
    });
}

// The public report pages in Kichwa, as a reporter without JavaScript reads them: the form (with a place chosen),
// its error, the receipt, the follow-up sign-in and the conversation hold no Spanish sentence.
describe('the report pages in Kichwa hold no Spanish sentence (Chromium)', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  it('form, error, receipt, follow-up and thread', async () => {
    const context = await e2e.browser.newContext({ baseURL: e2e.server.url, javaScriptEnabled: false });
    const page = await context.newPage();
    const seen: Record<string, string[]> = {};
    await page.goto('/report?lang=qu-EC&province=06&canton=0606&parish=060651');
    seen.form = await spanishOn(page);
    // While its Kichwa waits for speakers' review, the page says so (in Kichwa).
    await page.locator('p.review').waitFor();
    await page.locator('form[method=post] button[type=submit]').click();
    seen.error = await spanishOn(page);
    await page.locator('textarea[name=what]').fill('Prueba: wawakuna mañakun.');
    await page.locator('input[name=danger][value=yes]').check();
    await page.locator('form[method=post] button[type=submit]').click();
    const receipt = (await page.locator('#receipt').textContent())?.replace(/\s/g, '') ?? '';
    assert.match(receipt, /^\d{16}$/);
    seen.receipt = await spanishOn(page);
    await page.goto('/report/follow?lang=qu-EC');
    seen.follow = await spanishOn(page);
    await page.locator('input[name=receipt]').fill('0000 0000 0000 0000');
    await page.locator('form[method=post] button[type=submit]').click();
    seen.followError = await spanishOn(page);
    await page.locator('input[name=receipt]').fill(receipt);
    await page.locator('form[method=post] button[type=submit]').first().click();
    await page.locator('textarea[name=body]').waitFor();
    seen.thread = await spanishOn(page);
    assert.deepEqual(
      Object.entries(seen).filter(([, found]) => found.length),
      [],
      'Spanish sentences on the Kichwa pages',
    );
    await context.close();
  });
});
