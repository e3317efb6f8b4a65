import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { seedGeoDemo } from '../../src/modules/geo/demo';
import { GeoService } from '../../src/modules/geo/service';
import { templateHeader } from '../../src/modules/insights/htcds/fields';
import { makeOrg, type Signed, signInNewUser } from './access';
import { openTestApp, sharedData, type TestApp } from './app';
import type { DbTarget } from './db';
import { multipart } from './requests';

// Helpers for the HTCDS export and import tests (src/modules/insights/htcds/*.test.ts).

export const template = `${sharedData}htcds/HTCDS_Excel_Spreadsheet_v2.0.xlsx`;
const cellText = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : String(v));

/** The cells of the first sheet of an XLSX, as text, at least as wide as the template. */
export async function sheetRows(bytes: Buffer | string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  if (typeof bytes === 'string') await wb.xlsx.readFile(bytes);
  else await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const out: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(ws.columnCount, templateHeader.length); c++)
      cells.push(cellText(ws.getRow(r).getCell(c).value));
    out.push(cells);
  }
  return out;
}

/** A fresh app and database with the demo geography, an organisation in Chimborazo and its supervisor. */
export async function installation(target: DbTarget) {
  const t = await openTestApp(target, { MINKA_RATE_LIMIT_MAX: 1_000_000 });
  await seedGeoDemo(new GeoService(t.db.handle.db));
  const org = await makeOrg(t.db.ctx, '06', 'Junta de prueba de Chimborazo');
  const supervisor = await signInNewUser(t.app, t.db.ctx, { role: 'supervisor', scope: '06', orgId: org });
  return { t, org, supervisor };
}

/** Uploads a file for an HTCDS import as `s`. */
export const upload = async (t: TestApp, s: Signed, bytes: Buffer, name: string, query = '') => {
  const m = await multipart(bytes, name);
  return t.app.inject({
    method: 'POST',
    url: `/api/insights/htcds/imports${query}`,
    payload: m.payload,
    headers: { ...s.headers, 'content-type': m.type },
  });
};

/** Commits an import job and polls it until it stops running. */
export async function commitAndWait(t: TestApp, s: Signed, id: string, validOnly = false) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/insights/htcds/imports/${id}/commit`,
    headers: s.headers,
    payload: { validOnly },
  });
  assert.equal(res.statusCode, 200, res.body);
  for (let i = 0; i < 400; i++) {
    const job = (await t.app.inject({ url: `/api/insights/htcds/imports/${id}`, headers: s.headers })).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

export const caseCount = async (t: TestApp) =>
  Number(
    (
      await t.db.handle.db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
