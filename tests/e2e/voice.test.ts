import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { taggedVoiceNote } from '../support/media';
import { accessibilityProblems, type E2E, newPage, screenshotDir, signIn, startE2E } from './support';

// Journey: someone who reads little reports by voice in Kichwa, with JavaScript off; triage sees the language,
// gets a reply prepared in Kichwa and plays the voice note, which arrives without its tags.
describe('voice report in Kichwa without JavaScript (Chromium)', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e.close());

  it('uploads a voice note, triage sees Kichwa and plays it, the stored file has no tags', async () => {
    const note = taggedVoiceNote();
    assert.ok(note.includes('SECRET-ARTIST'), 'the fixture carries tags');
    const reporter = await e2e.browser.newContext({ baseURL: e2e.server.url, javaScriptEnabled: false });
    const page = await reporter.newPage();
    await page.goto('/report?lang=qu-EC&province=06&canton=0606');
    assert.equal(await page.locator('html').getAttribute('lang'), 'qu-EC');
    const voice = page.locator('input#voice');
    assert.equal(await voice.getAttribute('accept'), 'audio/*');
    await voice.setInputFiles({ name: 'nota.wav', mimeType: 'audio/wav', buffer: note });
    await page.screenshot({ path: path.join(screenshotDir, 'report-voice-qu.png'), fullPage: true });
    await page.locator('form[method=post] button[type=submit]').click();
    const receipt = (await page.locator('#receipt').textContent())?.replace(/\s/g, '') ?? '';
    assert.match(receipt, /^\d{16}$/, 'a voice note alone is a whole report');
    await reporter.close();

    const { page: s, problems } = await newPage(e2e);
    await signIn(s, 'supervisora.guamote@minka.demo');
    await s.goto('/reports');
    await s
      .getByRole('row')
      .filter({ hasText: 'Guamote' })
      .filter({ hasText: 'Kichwa' })
      .first()
      .getByRole('button')
      .click();
    await s.getByText('Idioma de la denuncia: Kichwa').waitFor();
    await s.getByText('(denuncia hablada: escuche la nota de voz)').waitFor();
    const audio = s.locator('audio');
    await audio.waitFor();
    const played = await audio.evaluate(
      (a: HTMLAudioElement) =>
        new Promise<string>((resolve) => {
          a.muted = true;
          a.addEventListener('error', () => resolve(`error ${a.error?.code}`));
          a.play()
            .then(() => setTimeout(() => resolve(a.currentTime > 0 ? 'played' : `stuck at ${a.currentTime}`), 400))
            .catch((e) => resolve(String(e)));
        }),
    );
    assert.equal(played, 'played');

    // A prepared reply comes in the reporter's language.
    await s.getByLabel('Respuesta preparada').first().click();
    await s.getByRole('option', { name: 'Recibida, la estamos revisando' }).click();
    assert.match(await s.getByLabel('Escribir a quien denunció').inputValue(), /chaskishkanchikmi/);
    assert.deepEqual(await accessibilityProblems(s, '[role=dialog]'), []);
    await s.screenshot({ path: path.join(screenshotDir, 'triage-voice.png'), fullPage: true });

    const src = (await audio.getAttribute('src'))!;
    const stored = await s.evaluate(async (u) => new Uint8Array(await (await fetch(u)).arrayBuffer()).join(','), src);
    const bytes = Buffer.from(stored.split(',').map(Number));
    assert.equal(bytes.toString('latin1', 0, 4), 'RIFF');
    assert.ok(!bytes.includes('SECRET-ARTIST') && !bytes.includes('GPS'), 'no tag survives');
    assert.ok(bytes.includes(note.subarray(note.length - 2000)), 'the voice itself is kept');
    // Before sign-in the session check answers 401 by design; nothing else may fail.
    assert.deepEqual(
      problems.filter((p) => !/status of 401/.test(p)),
      [],
    );
  });
});
