import assert from 'node:assert/strict';
import { writeXlsformWorkbook } from '../../src/modules/forms/xlsx-write';
import { seedGeoDemo } from '../../src/modules/geo/demo';
import { GeoService } from '../../src/modules/geo/service';
import { cuencaStudySheets } from '../../src/modules/studies/demo-form';
import { makeOrg, type Signed, signInNewUser } from './access';
import { openTestApp, type TestApp } from './app';
import type { dbTargets } from './db';
import { multipart } from './requests';

// For the studies tests only: an app with an open study on the Cuenca form and the people around it.
export const banos = '010151';
export const quingeo = '010161';
export const tarqui = '010168';
export const canary = 'CANARIO-PRUEBA-7731';

/** Valid answers to the Cuenca form. */
export const answersFor = (role = 'parent', notes?: string) => ({
  consent_ack: 'OK',
  interview_date: '2026-11-20',
  role,
  age: 41,
  left_school: 'yes',
  reasons: ['work', 'begging'],
  migration_months: ['m07'],
  approach: ['job_offer', 'debt'],
  // South and west of the equator and Greenwich: a value that starts with a minus, as every Ecuadorian point does.
  community_point: '-2.9 -79.01',
  children: [
    { child_age: 12, destination: 'colombia' },
    { child_age: 9, destination: 'quito' },
  ],
  ...(notes ? { notes } : {}),
});

// biome-ignore lint/suspicious/noExplicitAny: a test reads whatever JSON the API answers
type Reply = { statusCode: number; body: string; rawPayload: Buffer; json(): any };

/** Signed-in people around one study: its researcher (owner), interviewers inside and outside, other analysts. */
export interface StudyWorld {
  t: TestApp;
  researcher: Signed;
  interviewer: Signed;
  outsider: Signed;
  donor: Signed & { userId: string };
  studyId: string;
  call(s: Signed, method: string, url: string, payload?: object, headers?: Record<string, string>): Promise<Reply>;
  upload(s: Signed, url: string, bytes: Buffer, name: string): Promise<Reply>;
  count(): Promise<number>;
}

/** A test app with k = 3 and an open study on the Cuenca form (no interviews yet). */
export async function openStudyWorld(target: ReturnType<typeof dbTargets>[number]): Promise<StudyWorld> {
  const t = await openTestApp(target, { MINKA_DISCLOSURE_K: 3, MINKA_RATE_LIMIT_MAX: 1_000_000 });
  await seedGeoDemo(new GeoService(t.db.handle.db));
  const ctx = t.db.ctx;
  const owner = await makeOrg(ctx, '0101', 'Organización Estudio (prueba)');
  const other = await makeOrg(ctx, 'EC', 'Fondo Donante (prueba)');
  const researcher = await signInNewUser(t.app, ctx, { role: 'researcher', scope: '0101', orgId: owner });
  const interviewer = await signInNewUser(t.app, ctx, { role: 'interviewer', scope: '0101', orgId: owner });
  const outsider = await signInNewUser(t.app, ctx, { role: 'interviewer', scope: '0603', orgId: owner });
  const donor = await signInNewUser(t.app, ctx, { role: 'donor_viewer', scope: 'EC', orgId: other });
  const inject = t.app.inject.bind(t.app) as (o: object) => Promise<Reply>;
  const call: StudyWorld['call'] = (s, method, url, payload, headers = {}) =>
    inject({
      method: method as 'GET',
      url,
      headers: { ...s.headers, ...headers },
      ...(payload ? { payload } : {}),
    });
  const upload: StudyWorld['upload'] = async (s, url, bytes, name) => {
    const m = await multipart(bytes, name);
    return inject({ method: 'POST', url, payload: m.payload, headers: { ...s.headers, 'content-type': m.type } });
  };
  const created = await call(researcher, 'POST', '/api/studies', {
    title: { es: 'Estudio de prueba', qu: 'Yachana prueba', en: 'Test study' },
    purpose: { es: 'Prueba' },
    consent: { es: '¿Acepta participar?', qu: '¿Chaskinkichu?', en: 'Do you agree?' },
    places: [banos, quingeo, tarqui],
    respondents: 'pseudonymous',
  });
  assert.equal(created.statusCode, 200, created.body);
  const studyId = created.json().id as string;
  const form = await upload(
    researcher,
    `/api/studies/${studyId}/form`,
    await writeXlsformWorkbook(cuencaStudySheets()),
    'cuenca.xlsx',
  );
  assert.equal(form.statusCode, 200, form.body);
  const opened = await call(researcher, 'PATCH', `/api/studies/${studyId}`, { status: 'open' });
  assert.equal(opened.statusCode, 200, opened.body);
  const count = async () =>
    Number(
      (
        await t.db.handle.db
          .selectFrom('study_submissions')
          .select((e) => e.fn.countAll().as('n'))
          .where('study_id', '=', studyId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { t, researcher, interviewer, outsider, donor, studyId, call, upload, count };
}

/** One interview sent by `who`. */
export const send = (w: StudyWorld, who: Signed, division: string, answers: object, extra: object = {}, headers = {}) =>
  w.call(
    who,
    'POST',
    `/api/studies/${w.studyId}/submissions`,
    { formVersion: 1, division, consent: true, collectedAt: '2026-11-20T15:00:00.000Z', answers, ...extra },
    headers,
  );
