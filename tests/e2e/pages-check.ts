// The checks of the page journeys (pages*.test.ts): axe-core, the 360 px screen and no internals on screen.
import type { Page } from 'playwright-core';
import { accessibilityProblems } from './support';

const desktop = { width: 1280, height: 800 };
/** Landmarks and headings in order: moderate for axe, required here. */
const structure = ['region', 'landmark-one-main', 'heading-order', 'empty-table-header', 'page-has-heading-one'];
const phone = { width: 360, height: 740 };

/**
 * axe-core (0 critical, 0 serious) and horizontal overflow on the page as it is now, at desktop width and at
 * 360 px; `within` limits axe to an open dialog or drawer (the page behind it is inert on purpose).
 */
export async function check(page: Page, name: string, within?: string): Promise<string[]> {
  const found: string[] = [];
  // No internals on screen: a catalogue key instead of its text, or a date as the database writes it.
  const text = await page.evaluate(
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what a person reads
    (sel) => (document.querySelector(sel ?? 'body') as HTMLElement).innerText,
    within,
  );
  const keys =
    'app|nav|cases|reports|modules|record|errors|htcds|referrals|insights|admin|plans|localPlans|work|account|geo|legal|closure|followups|translations|field|studies|xlsform|forms';
  const key = text.match(new RegExp(`\\b(${keys})\\.[a-zA-Z_][\\w.]*[a-zA-Z]\\b`));
  if (key) found.push(`${name}: shows the key ${key[0]}`);
  const iso = text.match(/\b\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?\b/);
  if (iso) found.push(`${name}: shows a raw date ${iso[0]}`);
  // The pointer leaves whatever it last clicked: a hovered link or button is measured in its hover colour otherwise.
  await page.mouse.move(0, 0);
  for (const size of [desktop, phone]) {
    await page.setViewportSize(size);
    // The layout settles over the next frames (charts redraw through a ResizeObserver): wait until it fits, or
    // at most 1.5 s, then measure. A page that really is too wide still is after the wait.
    if (await page.locator('[_echarts_instance_]').count()) await page.waitForTimeout(600);
    await page
      .waitForFunction(
        () =>
          document.documentElement.scrollWidth - window.innerWidth <= 1 &&
          // An opening drawer or dialog fades in: contrast is measured once it is opaque.
          document.getAnimations().every((a) => a.playState !== 'running') &&
          // A page whose part loads lazily shows a placeholder for a moment: measure the page itself.
          document.querySelector('h1') !== null,
        undefined,
        { timeout: 1500 },
      )
      .catch(() => undefined);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (wide > 1) found.push(`${name} @${size.width}px: ${wide}px wider than the screen`);
    for (const p of await accessibilityProblems(page, within, within ? [] : structure))
      found.push(`${name} @${size.width}px: ${p}`);
  }
  await page.setViewportSize(desktop);
  return found;
}

/** Opens `url`, waits for its main heading, and checks it. */
export async function visit(page: Page, url: string, found: string[]): Promise<void> {
  await page.goto(url);
  const heading = await page
    .locator('h1')
    .first()
    .waitFor({ timeout: 15_000 })
    .then(() => true)
    .catch(() => false);
  if (!heading) found.push(`${url}: no main heading (h1)`);
  await page.waitForLoadState('networkidle');
  found.push(...(await check(page, url)));
}
