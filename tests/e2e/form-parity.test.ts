import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { demoPassword } from '../../src/modules/access/demo';
import { outcome, submissionFixtures } from '../support/study-submissions';
import { type E2E, newPage, startE2E } from './support';

// Issue 19, requirement 3: the same answers validated in the browser and on the server give the same result. The
// engine the web app bundles (src/shared/xlsform) is compiled for the browser and run in Chromium; the server is
// asked through the interview route. Both must reach each fixture's expected outcome.

/** The shared engine compiled as the browser runs it, exposing its exports as `window.Xlsform`. */
async function browserEngine(): Promise<string> {
  const out = await build({
    entryPoints: [path.resolve('src/shared/xlsform/index.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'Xlsform',
    platform: 'browser',
    target: 'es2022',
  });
  return `${out.outputFiles[0]!.text}\nwindow.Xlsform = Xlsform;`;
}

describe('answers are judged the same in the browser and on the server (Chromium)', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  it('every fixture: same issues, at the same paths, as expected', async () => {
    const base = e2e.server.url;
    const signIn = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'encuestadora.cuenca@minka.demo', password: demoPassword }),
    });
    assert.equal(signIn.status, 200);
    const headers = {
      cookie: signIn.headers.get('set-cookie')!.split(';')[0]!,
      'x-csrf-token': ((await signIn.json()) as { csrfToken: string }).csrfToken,
    };
    const list = (await (await fetch(`${base}/api/studies`, { headers })).json()) as { id: string }[];
    assert.ok(list.length >= 1, 'the demo study is listed for the interviewer');
    const study = (await (await fetch(`${base}/api/studies/${list[0]!.id}`, { headers })).json()) as {
      id: string;
      places: { code: string }[];
      form: { number: number; definition: unknown };
    };

    const { page } = await newPage(e2e);
    await page.goto('about:blank');
    await page.evaluate(await browserEngine());
    const now = new Date().toISOString();
    const ctx = { today: now.slice(0, 10), now };

    for (const fixture of submissionFixtures) {
      const inBrowser = await page.evaluate(
        ({ form, answers, ctx }) =>
          (
            window as unknown as {
              Xlsform: {
                validateAnswers(f: unknown, a: unknown, c: unknown): { issues: { path: string; code: string }[] };
              };
            }
          ).Xlsform.validateAnswers(form, answers, ctx).issues,
        { form: study.form.definition, answers: fixture.answers, ctx },
      );
      const res = await fetch(`${base}/api/studies/${study.id}/submissions`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({
          formVersion: study.form.number,
          division: study.places[0]!.code,
          consent: true,
          collectedAt: now,
          answers: fixture.answers,
        }),
      });
      const body = (await res.json()) as { fields?: { path: string; problem: string }[] };
      // The server names each refused answer at its field: `answers.<path>` and the problem's code.
      const onServer = res.ok
        ? []
        : outcome((body.fields ?? []).map((f) => ({ path: f.path.replace(/^answers\./, ''), code: f.problem })));
      assert.deepEqual(outcome(inBrowser), fixture.expect, `browser: ${fixture.name}`);
      assert.deepEqual(onServer, fixture.expect, `server: ${fixture.name}`);
      assert.equal(res.status, fixture.expect.length ? 422 : 200, `status: ${fixture.name}`);
    }
  });
});
