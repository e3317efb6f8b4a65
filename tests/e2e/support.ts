import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as OTPAuth from 'otpauth';
import { type Browser, chromium, type Page } from 'playwright-core';
import { startServer } from '../../src/app/index';
import { demoPassword, demoTotpSecret } from '../../src/modules/access/demo';
import { loadConfig } from '../../src/platform/config';
import type { Running } from '../../src/platform/server';
import { tempDir } from '../support/db';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotDir = path.resolve('test-results/screenshots');

/** Headless Debian Chromium as root, without the background connections this closed network refuses. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The TOTP steps used per account on the current journey's server (see freshTotp). */
const usedSteps = new Map<string, number>();

export interface E2E {
  server: Running;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Data folders as the demo seed left them, one per configuration: journeys run in one process (tests/e2e/all.ts),
 * and each later journey starts from a copy instead of seeding again (its demo dates are minutes old at most).
 */
const seeded = new Map<string, { dir: string; remove(): void }>();
process.on('exit', () => {
  for (const t of seeded.values()) t.remove();
});

/** Starts the built app as a demo (fake data, demo accounts) on a free port and a headless Debian Chromium; fails loudly if either is missing. */
export async function startE2E(env: Record<string, string> = {}): Promise<E2E> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install chromium`);
  if (!existsSync('web/dist/index.html')) throw new Error('web/dist is missing: run npm run build first');
  const tmp = tempDir('minka-e2e-');
  const key = JSON.stringify(env);
  // A new server has a new database, which has seen no code yet (journeys in one process run one after another).
  usedSteps.clear();
  const config = loadConfig({
    MINKA_DATA_DIR: tmp.dir,
    PORT: '0',
    HOST: '127.0.0.1',
    MINKA_DEMO: 'yes',
    LOG_LEVEL: 'warn',
    MINKA_SECURE_COOKIES: 'false',
    ...env,
  });
  const template = seeded.get(key);
  if (template) cpSync(template.dir, tmp.dir, { recursive: true });
  let server = await startServer(config, { logLevel: 'warn' });
  if (!template) {
    // The first journey with this configuration keeps a copy of the data folder as the seed left it.
    await server.close();
    const copy = tempDir('minka-e2e-seeded-');
    cpSync(tmp.dir, copy.dir, { recursive: true });
    seeded.set(key, copy);
    server = await startServer(config, { logLevel: 'warn' });
  }
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  mkdirSync(screenshotDir, { recursive: true });
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      tmp.remove();
    },
  };
}

/** A fresh page that records console errors and CSP violations, so a test can assert there were none. */
export async function newPage(e2e: E2E, locale = 'es-EC'): Promise<{ page: Page; problems: string[] }> {
  const context = await e2e.browser.newContext({ baseURL: e2e.server.url, locale });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, problems };
}

/** Signs a demo account in through the sign-in page (password, then the demo TOTP code). */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill(demoPassword);
  await page.getByLabel('Código de verificación').fill(await freshTotp(email));
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await page.getByRole('heading', { name: 'Bienvenida a Minka' }).waitFor();
}

/**
 * A TOTP code for an account that the server has not seen yet: a code works once, so a second sign-in within the
 * same 30 seconds uses the next step's code (the server allows one step of drift), or waits for a new step.
 */
export async function freshTotp(account: string, secret = demoTotpSecret): Promise<string> {
  for (;;) {
    const step = Math.floor(Date.now() / 30_000);
    const use = Math.max(step, (usedSteps.get(account) ?? -1) + 1);
    if (use <= step + 1) {
      usedSteps.set(account, use);
      return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: use * 30_000 });
    }
    await new Promise((r) => setTimeout(r, (step + 1) * 30_000 - Date.now() + 100));
  }
}

/** Signs in an account that needs no second factor (planners, researchers, donors). */
export async function signInWithoutCode(page: Page, email: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill(demoPassword);
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await page.getByRole('heading', { name: 'Bienvenida a Minka' }).waitFor();
}

/**
 * axe-core's critical and serious violations on the page as it is now (rule, how many nodes, the first ones), or
 * only within a selector (an open dialog: the page behind it is inert and dimmed on purpose).
 */
export async function accessibilityProblems(
  page: Page,
  within?: string,
  /** Rules checked whatever their impact (e.g. landmarks and heading order, which axe calls moderate). */
  strict: readonly string[] = [],
): Promise<string[]> {
  // Evaluated through the browser's debugging protocol, so the page's Content-Security-Policy stays as it is.
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(async (within) => {
    type Run = { violations: { id: string; impact: string; nodes: { target: string[]; html: string }[] }[] };
    const axe = (window as unknown as { axe: { run(context?: unknown): Promise<Run> } }).axe;
    return (await axe.run(within ?? document)).violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      where: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`),
      nodes: v.nodes.length,
    }));
  }, within);
  return result
    .filter((v) => v.impact === 'critical' || v.impact === 'serious' || strict.includes(v.id))
    .map((v) => `${v.id} (${v.nodes}): ${v.where.join(' | ')}`);
}
