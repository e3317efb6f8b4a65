// Checks every row of an HTCDS file against the standard's picklists, dates and the installation's divisions,
// and turns clean rows into intake input. Problems name a row, a column and a stable code, never the value.
import type { z } from 'zod';
import type { Context } from '../../../platform/context';
import { type Actor, can, ScopeCheck } from '../../access/index';
import type { intakeBody } from '../../cases/schema';
import { htcds, isClosed } from '../../cases/vocabulary';
import { type HtcdsColumn, splitValues } from './fields';
import type { ParsedFile } from './parse';

export interface Problem {
  row: number;
  column: string;
  code: string;
}

/** A clean row, ready for intake and the follow-up changes intake does not cover (decision, status, consent). */
export interface ImportRecord {
  row: number;
  intake: z.input<typeof intakeBody>;
  decision: { status: string; org: string } | null;
  status: string;
  closureReason: string | null;
  consent: boolean;
}

/** Template columns Minka reads; values in any other column are reported as ignored, never stored. */
const imported = new Set<string>([
  'prs_FirstName',
  'prs_SecondName',
  'con_Consent',
  'prs_Birthdate',
  'prs_Gender',
  'prs_Citizenship',
  'vic_TraffickingStatus',
  'vic_TraffickinStatusDecisionMakingOrg',
  'vic_MethodOfRecruitment',
  'vic_LocationOfRecruitment',
  'vic_MethodsOfControl',
  'vic_TypeOfExploitation',
  'vic_ForcedLabourIndustry',
  'vic_TypeOfSexExploitation',
  'vic_LocationOfExploitation',
  'cas_Status',
  'cas_ReasonForCaseClosure',
]);

const yes = new Set(['true', '1', 'yes', 'si', 'sí', 'x', 'verdadero']);
const no = new Set(['false', '0', 'no', 'falso']);

/** True for a real calendar date YYYY-MM-DD between 1900 and today. */
export function validDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '1900-01-01' && d <= new Date();
}

/** Validates all rows; the case of a row without a recruitment division is registered in `fallback`. */
export async function validateRows(
  ctx: Context,
  actor: Actor,
  file: ParsedFile,
  fallback: { country: string; code: string },
): Promise<{ records: ImportRecord[]; errors: Problem[]; warnings: Problem[]; ignoredColumns: string[] }> {
  const scope = new ScopeCheck(ctx);
  const home = fallback.country;
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const records: ImportRecord[] = [];
  const ignored = new Set<string>(file.unknownColumns);
  for (const { row, cells } of file.rows) {
    const bad: Problem[] = [];
    const notes: Problem[] = [];
    const fail = (column: HtcdsColumn | string, code: string) => bad.push({ row, column, code });
    for (const [k, v] of Object.entries(cells)) if (v && !imported.has(k)) ignored.add(k);
    const text = (col: HtcdsColumn, max: number) => {
      const v = cells[col];
      if (v && v.length > max) fail(col, 'too_long');
      return v || undefined;
    };
    const one = <T extends readonly string[]>(col: HtcdsColumn, values: T): T[number] | undefined => {
      const v = cells[col];
      if (!v) return undefined;
      if (!values.includes(v)) fail(col, 'invalid_value');
      return v as T[number];
    };
    const many = <T extends readonly string[]>(col: HtcdsColumn, values: T): T[number][] => {
      const vs = [...new Set(splitValues(cells[col] ?? ''))];
      if (vs.some((v) => !values.includes(v))) fail(col, 'invalid_value');
      return vs as T[number][];
    };
    const first = text('prs_FirstName', 100);
    const second = text('prs_SecondName', 200);
    if (!first && !second) fail('prs_FirstName', 'required');
    const birthdate = cells.prs_Birthdate;
    if (birthdate && !validDate(birthdate)) fail('prs_Birthdate', 'invalid_date');
    const gender = one('prs_Gender', htcds.prs_Gender);
    const citizenship = [...new Set(splitValues(cells.prs_Citizenship ?? '').map((c) => c.toUpperCase()))];
    if (citizenship.length > 3 || citizenship.some((c) => !/^[A-Z]{2}$/.test(c)))
      fail('prs_Citizenship', 'invalid_country');
    const consentCell = (cells.con_Consent ?? '').toLowerCase();
    if (consentCell && !yes.has(consentCell) && !no.has(consentCell)) fail('con_Consent', 'invalid_value');
    const status = one('vic_TraffickingStatus', htcds.vic_TraffickingStatus);
    const org = one('vic_TraffickinStatusDecisionMakingOrg', htcds.vic_TraffickingStatusDecisionMakingOrg);
    if (status && !org) fail('vic_TraffickinStatusDecisionMakingOrg', 'decision_incomplete');
    if (org && !status) fail('vic_TraffickingStatus', 'decision_incomplete');
    const caseStatus = one('cas_Status', htcds.cas_Status) ?? 'Active';
    const reason = text('cas_ReasonForCaseClosure', 2000);
    // Other systems (and exports without personal columns) often leave the reason empty: the case is still closed.
    const closed = isClosed(caseStatus);
    if (closed && !reason) notes.push({ row, column: 'cas_ReasonForCaseClosure', code: 'closure_reason_missing' });
    // Closing a case needs a supervisor's approval in Minka; an import must not be a way around it.
    if (closed && !can(actor, 'cases:approve')) fail('cas_Status', 'closure_needs_approval');

    // Locations: two capital letters are a country; anything else a division of the installation's country.
    const place = async (col: HtcdsColumn, mustBeWithin: boolean) => {
      const v = cells[col];
      if (!v) return undefined;
      if (/^[A-Za-z]{2}$/.test(v)) return { country: v.toUpperCase(), division: undefined };
      if (!/^[A-Za-z0-9._-]{1,32}$/.test(v) || (await scope.ancestry(home, v)) === null) {
        fail(col, 'unknown_division');
        return undefined;
      }
      if (mustBeWithin && !(await scope.within(actor, home, v))) {
        fail(col, 'outside_jurisdiction');
        return undefined;
      }
      return { country: home, division: v };
    };
    const recruited = await place('vic_LocationOfRecruitment', true);
    const exploited = await place('vic_LocationOfExploitation', false);
    const event = (type: 'Recruitment' | 'Exploitation', p: { country: string; division?: string } | undefined) =>
      p
        ? [
            {
              hte_Type: type,
              ...(p.division ? { local_DivisionCode: p.division } : { hte_Country: p.country }),
            },
          ]
        : [];
    const intake: ImportRecord['intake'] = {
      // Without a date of birth the age is unknown: the case opens as a draft for the caseworker to complete.
      draft: !birthdate,
      person: {
        ...(first ? { prs_FirstName: first } : {}),
        ...(second ? { prs_SecondName: second } : {}),
        ...(birthdate ? { prs_Birthdate: birthdate } : {}),
        ...(gender ? { prs_Gender: gender } : {}),
        prs_Citizenship: citizenship,
        local_Languages: [],
      },
      division: { country: home, code: recruited?.division ?? fallback.code },
      vic_TypeOfExploitation: many('vic_TypeOfExploitation', htcds.vic_TypeOfExploitation),
      vic_MethodOfRecruitment: many('vic_MethodOfRecruitment', htcds.vic_MethodOfRecruitment),
      vic_MethodsOfControl: many('vic_MethodsOfControl', htcds.vic_MethodsOfControl),
      vic_ForcedLabourIndustry: many('vic_ForcedLabourIndustry', htcds.vic_ForcedLabourIndustry),
      vic_TypeOfSexExploitation: many('vic_TypeOfSexExploitation', htcds.vic_TypeOfSexExploitation),
      events: [...event('Recruitment', recruited), ...event('Exploitation', exploited)],
      perpetrators: [],
    };
    warnings.push(...notes);
    if (bad.length) {
      errors.push(...bad);
      continue;
    }
    records.push({
      row,
      intake,
      decision: status && org ? { status, org } : null,
      status: caseStatus,
      closureReason: closed ? (reason ?? null) : null,
      consent: yes.has(consentCell),
    });
  }
  return { records, errors, warnings, ignoredColumns: [...ignored].sort() };
}
