import type { Signed } from './access';
import type { TestApp } from './app';

/** A multipart/form-data body with one file in the field "file", and its content type. */
export async function multipart(bytes: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const req = new Request('http://local/x', { method: 'POST', body: form });
  return { payload: Buffer.from(await req.arrayBuffer()), type: req.headers.get('content-type')! };
}

/** Opens a case through the API as `who` (a fake person in the given division) and returns its id. */
export async function openTestCase(
  t: TestApp,
  who: Signed,
  c: { code: string; first: string; second: string; age: number },
): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: who.headers,
    payload: {
      division: { country: 'EC', code: c.code },
      person: { prs_FirstName: c.first, prs_SecondName: c.second },
      local_AgeAtIntake: c.age,
    },
  });
  if (res.statusCode !== 200) throw new Error(`opening a test case failed: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/** A request to the test app as a signed-in person (their cookie and CSRF token), with a JSON body if given. */
export const callAs =
  (t: () => TestApp) =>
  (s: Signed, method: string, url: string, payload?: object, headers: Record<string, string> = {}) =>
    t().app.inject({
      method: method as 'GET',
      url,
      headers: { ...s.headers, ...headers },
      ...(payload ? { payload } : {}),
    });
