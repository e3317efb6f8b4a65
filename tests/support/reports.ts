import type { App } from '../../src/platform/http/app';

/** Loads the report form (as a browser would) and returns its one-time form token. */
export async function formToken(app: App, headers: Record<string, string> = {}): Promise<string> {
  const page = await app.inject({ url: '/report', headers });
  const m = page.body.match(/name="token" value="([^"]+)"/);
  if (!m) throw new Error('no form token on /report');
  return m[1]!;
}

/** Posts the report form urlencoded, as a browser without JavaScript does for a form without files. */
export async function submitReport(
  app: App,
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = {},
) {
  const token = await formToken(app, headers);
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries({ lang: 'es', token, ...fields })) for (const x of [v].flat()) body.append(k, x);
  const res = await app.inject({
    method: 'POST',
    url: '/report',
    payload: body.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
  const receipt = res.body.match(/id="receipt">([\d ]+)</)?.[1]?.replace(/ /g, '') ?? null;
  return { res, receipt };
}
