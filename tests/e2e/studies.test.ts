// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions name questions as ${name}
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { writeXlsformWorkbook } from '../../src/modules/forms/index';
import { cuencaStudySheets } from '../../src/modules/studies/index';
import { tempDir } from '../support/db';
import { accessibilityProblems, type E2E, newPage, signInWithoutCode, startE2E } from './support';

// Issue 19, what it must show 2, in Chromium: the researcher creates a study and imports its XLSForm in the
// browser (a form using a function outside the supported subset is refused with its sheet, row and column), opens
// it, and imports the same file as a new version of the demo study; an interviewer on a 360 × 740 phone, with the
// interface switched to Kichwa, reads the consent script, picks the parish and fills the questionnaire (a relevant
// question appears only after the answer that asks for it, a constraint message shows at the field, a repeat adds
// two children) and gets the saved confirmation with a respondent code; the coordinator then sees interviews by
// parish on the progress tab, the interview counted in the total while the small parish stays suppressed.

const phone = { width: 360, height: 740 };

/** axe once transitions (a pressed button, a fading alert) have ended and nothing is hovered. */
async function axe(page: Page, within?: string): Promise<string[]> {
  await page.mouse.move(0, 0);
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, {
      timeout: 1500,
    })
    .catch(() => undefined);
  return accessibilityProblems(page, within);
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** "Entrevistas en total: 70" → 70 (the total is shown: the demo study has enough interviews). */
async function total(page: Page): Promise<number> {
  const line = page.getByText(/^Entrevistas en total:/);
  await line.waitFor();
  const m = ((await line.textContent()) ?? '').match(/:\s*([\d.,\s]+)$/);
  assert.ok(m, `the total is a number: ${await line.textContent()}`);
  return Number(m[1]!.replace(/\D/g, ''));
}

/** The count cell of a parish row in the progress tab's "Por parroquia" table. */
const parishCell = (page: Page, parish: string): Locator =>
  page
    .getByRole('region', { name: 'Por parroquia' })
    .getByRole('row', { name: new RegExp(`^${parish}\\b`) })
    .getByRole('cell')
    .last();

/** A suppressed count reads "< 11" (spoken "menos de 11"), never its number. */
async function assertSuppressed(cell: Locator, what: string): Promise<void> {
  const text = ((await cell.textContent()) ?? '').replace(/\s+/g, ' ');
  assert.match(text, /<\s*11/, `${what} shows as suppressed: ${text}`);
  assert.doesNotMatch(text.replace(/<\s*11|menos de 11/g, ''), /\d/, `${what} shows no number of its own: ${text}`);
}

describe('a study in Chromium: import, collection in Kichwa on a phone, progress under disclosure control', () => {
  let e2e: E2E;
  const tmp = tempDir('minka-e2e-study-');
  const formFile = path.join(tmp.dir, 'trata_infantil_cuenca.xlsx');
  const ownFile = path.join(tmp.dir, 'escuela_viajes_cuenca.xlsx');
  const badFile = path.join(tmp.dir, 'formulario_con_pulldata.xlsx');
  let reasonsRow = 0;
  before(async () => {
    e2e = await startE2E();
    writeFileSync(formFile, await writeXlsformWorkbook(cuencaStudySheets()));
    // The new study's copy under a form_id of its own (forms are versioned by form_id within an organisation: the
    // demo study's form_id would make it a new version of the demo form).
    const own = cuencaStudySheets();
    own.settings![0]!.cells.form_id = 'escuela_viajes_cuenca';
    writeFileSync(ownFile, await writeXlsformWorkbook(own));
    // The same form with a function the engine does not evaluate, in the `relevant` of the reasons question.
    const bad = cuencaStudySheets();
    const reasons = bad.survey!.find((r) => r.cells.name === 'reasons')!;
    reasons.cells.relevant = "pulldata('hogares', 'escuela', 'codigo', ${left_school}) = 'yes'";
    reasonsRow = reasons.row;
    writeFileSync(badFile, await writeXlsformWorkbook(bad));
  });
  after(async () => {
    await e2e.close();
    tmp.remove();
  });

  it('the researcher imports the form, an interviewer fills it in Kichwa, the coordinator sees protected counts', async () => {
    // ——— a. The researcher, at a desk, starts a study and imports its form.
    const researcher = await newPage(e2e);
    const r = researcher.page;
    await r.setViewportSize({ width: 1280, height: 800 });
    await signInWithoutCode(r, 'investigacion@minka.demo');
    await r.goto('/studies');
    await r.getByRole('heading', { level: 1, name: 'Estudios' }).waitFor();
    await r.getByRole('button', { name: 'Nuevo estudio' }).click();
    await r.getByRole('textbox', { name: 'Título del estudio: Español' }).fill('Escuela y viajes en Cuenca (prueba)');
    await r.getByRole('textbox', { name: 'Título del estudio: Kichwa' }).fill('Cuencapi yachana wasi (prueba)');
    await r
      .getByRole('textbox', { name: 'Propósito: Español' })
      .fill('Estudio de prueba: por qué niñas y niños dejan la escuela y viajan a trabajar.');
    for (const parish of ['Baños', 'Quingeo', 'Tarqui']) {
      const picker = r.getByRole('combobox', { name: 'Agregar un lugar (cantón o parroquia)' });
      await picker.fill(parish);
      await r
        .getByRole('option', { name: new RegExp(`^${parish} · `) })
        .first()
        .click();
      await r.getByRole('listitem').filter({ hasText: parish }).first().waitFor();
    }
    await r
      .getByRole('textbox', { name: 'Guion de consentimiento: Español' })
      .fill('Somos parte de un estudio de prueba. No anotamos su nombre. ¿Acepta participar?');
    await r
      .getByRole('textbox', { name: 'Guion de consentimiento: Kichwa' })
      .fill('Yachanakunata rurakunchik. Shutitaka mana killkanchikchu. ¿Chaskinkichu?');
    await r.getByRole('radio', { name: 'Con código de estudio (sin nombre)' }).check();
    await r.getByRole('button', { name: 'Crear estudio' }).click();
    await r.getByRole('heading', { level: 1, name: 'Escuela y viajes en Cuenca (prueba)' }).waitFor();
    await r.getByText('Este estudio todavía no tiene formulario.').waitFor();
    assert.ok(await r.getByRole('button', { name: 'Abrir el estudio' }).isDisabled(), 'no opening without a form');

    // A form with pulldata() in a `relevant` is refused, the problem named by sheet, row and column.
    const file = r.locator('input[type=file]');
    await file.setInputFiles(badFile);
    await r.getByRole('button', { name: 'Importar formulario' }).click();
    const refusal = r.getByRole('alert').filter({ hasText: 'pulldata' });
    await refusal.waitFor();
    assert.match(
      (await refusal.textContent()) ?? '',
      // "Hoja «survey», fila 11, columna «relevant»: la función pulldata no está admitida"
      new RegExp(`Hoja «?survey»?, fila ${reasonsRow}, columna «?relevant»?: .*pulldata`),
    );
    assert.deepEqual(await axe(r), [], 'the refused import passes axe');
    await r.getByText('Este estudio todavía no tiene formulario.').waitFor();

    // The form itself is imported, and the study opened for collection.
    await file.setInputFiles(ownFile);
    await r.getByRole('button', { name: 'Importar formulario' }).click();
    await r.getByText('Formulario importado: nueva versión lista.').waitFor();
    await r.getByText('«Causas y formas de la trata infantil en Cuenca», versión 1').waitFor();
    await r.getByRole('button', { name: 'Abrir el estudio' }).click();
    await r.getByRole('button', { name: 'Cerrar el estudio' }).waitFor();
    await r.getByText('Abierto: los encuestadores recolectan respuestas.').waitFor();
    assert.deepEqual(await axe(r), [], 'the new study, open, passes axe');

    // The same file as a new version of the demo study, which the interviewer fills in below.
    await r.goto('/studies');
    await r.getByRole('link', { name: 'Causas y formas de la trata infantil en Cuenca' }).click();
    await r.getByRole('heading', { level: 1, name: 'Causas y formas de la trata infantil en Cuenca' }).waitFor();
    await r.locator('input[type=file]').setInputFiles(formFile);
    await r.getByRole('button', { name: 'Importar formulario' }).click();
    await r.getByText('Formulario importado: nueva versión lista.').waitFor();
    await r.getByText('«Causas y formas de la trata infantil en Cuenca», versión 2').waitFor();
    const demoStudy = new URL(r.url()).pathname;

    // Before the interview: the progress tab's total and the small parish, suppressed.
    await r.getByRole('tab', { name: 'Avance' }).click();
    await r.getByRole('heading', { name: 'Avance de la recolección' }).waitFor();
    const before = await total(r);
    await assertSuppressed(parishCell(r, 'Quingeo'), 'Quingeo before the interview');

    // ——— b. The interviewer, on a phone, in Kichwa.
    const interviewer = await newPage(e2e);
    const p = interviewer.page;
    await p.setViewportSize(phone);
    await signInWithoutCode(p, 'encuestadora.cuenca@minka.demo');
    await p.getByText('Kichwa', { exact: true }).click();
    await p.waitForFunction(() => document.documentElement.lang === 'qu-EC');
    // The studies, from the menu (on a phone the menu opens from its button).
    await p.getByRole('button', { name: 'Menúta paskana' }).click();
    await p.getByRole('navigation').getByRole('link', { name: 'Yachaykuna (estudios)' }).click();
    await p.getByRole('heading', { level: 1, name: 'Yachaykuna (estudios)' }).waitFor();
    // The study the researcher has just opened is there to collect, in its Kichwa title.
    await p.getByRole('link', { name: '«Cuencapi yachana wasi (prueba)»-pak kutichikunata tantachina' }).waitFor();
    await p.getByRole('link', { name: '«Cuenca llaktapi wawakunapak trata»-pak kutichikunata tantachina' }).click();
    await p.getByRole('heading', { level: 1, name: 'Cuenca llaktapi wawakunapak trata' }).waitFor();
    assert.equal(new URL(p.url()).pathname, `${demoStudy}/collect`);

    // 1. The consent script, in Kichwa, read and agreed; nothing else is asked before.
    await p.getByRole('heading', { name: '1. Consentimiento' }).waitFor();
    await p.getByText(/^Cuenca llaktapi wawakunapak tratamanta yachanakunata rurakunchik\./).waitFor();
    assert.equal(await p.getByRole('heading', { name: '3. Tapuykuna' }).count(), 0, 'no questions before consent');
    await p.getByRole('checkbox', { name: 'Killkata katirkani, runaka ari ninmi' }).check();

    // 2. The parish, by its name.
    await p.getByRole('combobox', { name: /^Kitilli/ }).click();
    await p.getByRole('option', { name: 'Quingeo' }).click();

    // 3. The questionnaire in Kichwa.
    await p.getByRole('heading', { name: '3. Tapuykuna' }).waitFor();
    await p.getByRole('checkbox', { name: 'Runaka chaskirkami' }).check();
    await p
      .getByRole('radiogroup', { name: /Runapak ruray/ })
      .getByRole('radio', { name: 'Yachachik', exact: true })
      .check();
    // An age out of range: the form's Kichwa constraint message shows at the field.
    const age = p.getByRole('textbox', { name: /Mashna watayuk/ });
    await age.fill('150');
    await p.getByText('Watakunaka 0 manta 120 kamanmi kana').waitFor();
    assert.equal(await age.getAttribute('aria-invalid'), 'true', 'the age field is marked invalid');

    // The reasons are asked only once a child of the household left school.
    const reasons = p.getByRole('group', { name: /Imamantatak yachana wasita sakirka/ });
    const children = p.getByText('Rirka wawakuna', { exact: true });
    assert.equal(await reasons.count(), 0, 'no reasons before the answer that asks for them');
    assert.equal(await children.count(), 0, 'no children before the answer that asks for them');
    const leftSchool = p.getByRole('radiogroup', { name: /Aylluykimanta maykan wawa yachana wasita sakirkachu/ });
    await leftSchool.getByRole('radio', { name: 'Mana', exact: true }).check();
    assert.equal(await reasons.count(), 0, 'no reasons when no child left school');
    await leftSchool.getByRole('radio', { name: 'Ari', exact: true }).check();
    await reasons.waitFor();
    await reasons.getByRole('checkbox', { name: 'Llamkay', exact: true }).check();
    await reasons.getByRole('checkbox', { name: 'Karu', exact: true }).check();
    await p
      .getByRole('group', { name: /Mayk killakunapitak karuman llamkak rin/ })
      .getByRole('checkbox', { name: 'Agosto killa', exact: true })
      .check();
    await p
      .getByRole('group', { name: /Imashinatak ayllukunaman kuchuyarin/ })
      .getByRole('checkbox', { name: 'Raymikuna', exact: true })
      .check();

    // The repeat: two children who travelled, each with an age and a destination.
    await children.waitFor();
    const add = p.getByRole('button', { name: 'Yapana: Rirka wawakuna' });
    await add.click();
    await add.click();
    const first = p.getByRole('group', { name: 'Rirka wawakuna 1' });
    const second = p.getByRole('group', { name: 'Rirka wawakuna 2' });
    await second.waitFor();
    await first.getByRole('textbox', { name: /Wawapak watakuna/ }).fill('12');
    await first.getByRole('radio', { name: 'Quito', exact: true }).check();
    await second.getByRole('textbox', { name: /Wawapak watakuna/ }).fill('25');
    await second.getByText('Wawaka 0 manta 17 watakamanmi').waitFor();
    await second.getByRole('textbox', { name: /Wawapak watakuna/ }).fill('9');
    await second.getByRole('radio', { name: 'Guayaquil', exact: true }).check();

    // Saving with the age still out of range is refused, in Kichwa, and nothing is sent.
    await p.getByRole('button', { name: 'Tapushkata wakaychina' }).click();
    await p.getByRole('alert').filter({ hasText: 'kutichiyta allichina kan' }).waitFor();
    await p.getByText('Watakunaka 0 manta 120 kamanmi kana').waitFor();
    assert.equal(await p.getByText('Wawaka 0 manta 17 watakamanmi').count(), 0, 'the corrected child age is fine');
    assert.deepEqual(await axe(p), [], 'the collect page with a constraint message passes axe at 360 px');
    assert.ok((await overflow(p)) <= 1, 'the collect page fits a 360 px screen');

    await age.fill('34');
    assert.equal(await p.getByText('Watakunaka 0 manta 120 kamanmi kana').count(), 0, 'the message goes');
    assert.deepEqual(await axe(p), [], 'the filled form passes axe at 360 px');
    assert.ok((await overflow(p)) <= 1, 'the filled form fits a 360 px screen');
    await p.getByRole('button', { name: 'Tapushkata wakaychina' }).click();
    const saved = p.getByRole('status').filter({ hasText: 'Tapushkaka wakaychishkami' });
    await saved.waitFor();
    const code = ((await saved.textContent()) ?? '').match(/Tapushkaka wakaychishkami: yupay (\S+)/)?.[1];
    assert.ok(code, `the confirmation gives a respondent code: ${await saved.textContent()}`);
    assert.match(code, /^[A-Za-z0-9-]{3,40}$/);
    await p.getByRole('button', { name: 'Katik tapushkata kallarina' }).waitFor();
    assert.deepEqual(await axe(p), [], 'the saved confirmation passes axe at 360 px');
    assert.ok((await overflow(p)) <= 1, 'the saved confirmation fits a 360 px screen');

    // The server kept it on the version imported in the browser, in Quingeo, under that code.
    const stored = await e2e.server.db.db
      .selectFrom('study_submissions')
      .innerJoin('form_versions', 'form_versions.id', 'study_submissions.form_version_id')
      .select(['study_submissions.division_code', 'form_versions.number'])
      .where('study_submissions.study_id', '=', demoStudy.split('/').pop()!)
      .where('study_submissions.respondent_code', '=', code)
      .executeTakeFirstOrThrow();
    assert.deepEqual(stored, { division_code: '010161', number: 2 });

    // ——— c. The coordinator: the interview counted in the total; the small parish still never shows its number.
    await r.reload();
    await r.getByRole('heading', { name: 'Avance de la recolección' }).waitFor();
    assert.equal(await total(r), before + 1, 'the total went up by the interview just saved');
    await assertSuppressed(parishCell(r, 'Quingeo'), 'Quingeo after the interview');
    // A parish above k shows its number (the other may be hidden too, so Quingeo cannot be worked out by subtraction).
    const shown: number[] = [];
    for (const parish of ['Baños', 'Tarqui']) {
      const text = ((await parishCell(r, parish).textContent()) ?? '').trim();
      if (/^\d+$/.test(text)) shown.push(Number(text));
    }
    assert.ok(shown.length >= 1, 'at least one parish above k shows its number');
    for (const n of shown) assert.ok(n >= 11, `a shown count is at least k: ${n}`);
    await r.getByText(/se muestra como «< 11»/).waitFor();
    assert.deepEqual(await axe(r), [], 'the progress tab passes axe');

    // The refused import answered 422, which the browser logs; nothing else went wrong.
    assert.deepEqual([...researcher.problems.filter((x) => !/status of 422/.test(x)), ...interviewer.problems], []);
  });
});
