// `npm run bench web`: what a rural link costs. Bytes on the wire (compressed, headers included) and the time until
// the page can be used, for the sign-in page and four staff pages, cold (empty cache) and warm (a returning user),
// under Chromium's network throttling at 400 kbit/s down, 150 kbit/s up and 400 ms round trips.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { newPage, signIn, startE2E } from '../tests/e2e/support';

const link = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 150_000 / 8 };
const targets = { signInKB: 250, signInUsableMs: 8000, staffKB: 450, warmKB: 30 };

interface Measure {
  kb: number;
  usableMs: number;
  requests: number;
}

/** Loads `url` in `page` under the throttled link; usable = `ready` is visible; bytes counted until the network is idle. */
async function load(page: Page, url: string, ready: (p: Page) => Promise<unknown>): Promise<Measure> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', link);
  let bytes = 0;
  let requests = 0;
  const urls = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) =>
    urls.set(e.requestId, e.request.url),
  );
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    requests++;
    if (process.env.BENCH_WEB_DETAIL) console.error(url, e.encodedDataLength, urls.get(e.requestId));
  });
  const start = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await ready(page);
  const usableMs = performance.now() - start;
  await page.waitForLoadState('networkidle');
  await cdp.detach();
  return { kb: Math.round(bytes / 102.4) / 10, usableMs: Math.round(usableMs), requests };
}

export async function webBench(): Promise<Record<string, unknown>[]> {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { stdio: 'inherit' });
  const e2e = await startE2E();
  const results: Record<string, unknown>[] = [];
  try {
    const visible =
      (name: string, role: 'heading' | 'button' = 'heading') =>
      (p: Page) =>
        p.getByRole(role, { name }).first().waitFor({ timeout: 120_000 });
    const record = (page: string, cold: Measure, warm: Measure, limitKB: number, limitMs?: number) => {
      const r = {
        bench: 'web',
        page,
        coldKB: cold.kb,
        coldUsableMs: cold.usableMs,
        coldRequests: cold.requests,
        warmKB: warm.kb,
        warmUsableMs: warm.usableMs,
        withinTargets:
          cold.kb <= limitKB && warm.kb <= targets.warmKB && (limitMs === undefined || cold.usableMs <= limitMs),
      };
      results.push(r);
    };

    // The sign-in page, as someone who has never opened Minka.
    const first = await newPage(e2e);
    const signInReady = visible('Ingresar', 'button');
    const coldSignIn = await load(first.page, '/signin', signInReady);
    const warmSignIn = await load(first.page, '/signin', signInReady);
    record('/signin', coldSignIn, warmSignIn, targets.signInKB, targets.signInUsableMs);

    // Staff pages, signed in: each cold in a fresh context holding only the session cookie.
    const staff = await newPage(e2e);
    await signIn(staff.page, 'tecnica.colta@minka.demo');
    const state = await staff.page.context().storageState();
    const caseId = await staff.page.evaluate(async () => {
      const r = await fetch('/api/cases?limit=1');
      return ((await r.json()) as { items: { id: string }[] }).items[0]?.id;
    });
    const pages: [string, string][] = [
      ['/work', 'Mi trabajo'],
      ['/cases', 'Casos'],
      [`/cases/${caseId}`, ''],
      ['/insights', 'Estadísticas'],
    ];
    for (const [url, heading] of pages) {
      const context: BrowserContext = await e2e.browser.newContext({
        baseURL: e2e.server.url,
        locale: 'es-EC',
        storageState: state,
      });
      const page = await context.newPage();
      // The case page is usable once its record tabs are there.
      const ready = heading ? visible(heading) : (p: Page) => p.getByRole('tab').first().waitFor({ timeout: 120_000 });
      const cold = await load(page, url, ready);
      const warm = await load(page, url, ready);
      record(url.startsWith('/cases/') ? '/cases/:id' : url, cold, warm, targets.staffKB);
      await context.close();
    }
  } finally {
    await e2e.close();
  }
  results.push(precache());
  return results;
}

/**
 * What installing the offline app costs once: the files the service worker keeps (fetched in the background after
 * the first page, by the worker, so the page measures above do not include them), as the server sends them.
 */
function precache(): Record<string, unknown> {
  const dist = 'web/dist';
  const urls = [...readFileSync(`${dist}/sw.js`, 'utf8').matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
  const size = (u: string) => {
    const f = `${dist}/${u}`;
    return statSync(existsSync(`${f}.br`) ? `${f}.br` : f).size;
  };
  const bytes = urls.reduce((n, u) => n + size(u), 0);
  return {
    bench: 'web',
    page: 'offline app (service worker cache, once)',
    files: urls.length,
    coldKB: Math.round(bytes / 102.4) / 10,
  };
}
