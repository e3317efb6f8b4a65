import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { accessibilityProblems, type E2E, newPage, signIn, startE2E } from './support';

// Retention in Chromium at 360 px: the administrator reads the schedules and the demo's warned case, is told at the
// field when a period is out of bounds, changes the closed cases' period, and every state passes axe.

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

describe('retention schedules in Chromium', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  it('an administrator reads and changes a schedule on a phone-sized screen', async () => {
    const { page } = await newPage(e2e);
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, 'admin@minka.demo');
    await page.goto('/admin');
    await page.getByRole('tab', { name: 'Conservación' }).click();
    await page.getByRole('cell', { name: 'Casos cerrados (desde el cierre)', exact: true }).first().waitFor();
    await page.getByRole('cell', { name: '120 meses', exact: true }).first().waitFor();
    // The demo's closed case warned ten days ago is listed, with labels, never codes.
    await page.getByText('Avisado', { exact: true }).first().waitFor();
    assert.equal(await page.getByText('closed_cases').count(), 0, 'no codes shown');
    assert.deepEqual(await axe(page), [], 'the schedules pass axe');
    await fits(page, 'the schedules');

    await page.getByRole('button', { name: 'Cambiar el plazo de «Casos cerrados (desde el cierre)»' }).click();
    const dialog = page.getByRole('dialog');
    const months = dialog.getByRole('textbox', { name: 'Plazo en meses' });
    await months.fill('1300');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[role=dialog] input')].some((i) => i.getAttribute('aria-invalid') === 'true'),
    );
    assert.equal(await months.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await axe(page, '[role=dialog]'), [], 'the dialog with an error passes axe');
    await fits(page, 'the dialog');
    await months.fill('96');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('cell', { name: '96 meses', exact: true }).waitFor();
    assert.deepEqual(await axe(page), [], 'the changed schedules pass axe');
    await fits(page, 'the changed schedules');
  });
});
