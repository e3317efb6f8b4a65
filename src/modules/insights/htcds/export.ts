import ExcelJS from 'exceljs';
import type { Context } from '../../../platform/context';
import type { CaseTable } from '../../../platform/db/types';
import { AppError } from '../../../platform/http/errors';
import { type Actor, can } from '../../access/index';
import { CaseAccess, People, pickReferrals, standingReferrals } from '../../cases/index';
import { GeoService } from '../../geo/index';
import { restrictedPersonIds } from '../../rights/index';
import { csvFile } from '../csv';
import {
  columnIndex,
  type HtcdsColumn,
  joinValues,
  locationCell,
  personalColumns,
  templateHeader,
  templateLabels,
} from './fields';
import { type ProtectionFacts, protectionFacts, traffickingOffences } from './protection';
import * as repoExport from './repo-export';
import type { ExportQuery } from './schema';

const chunk = <T>(xs: T[], n: number) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
const list = (json: string) => JSON.parse(json) as string[];

/** HTCDS flat-file export: one row per person-case in the template's column order, personal columns by permission. */
export class HtcdsExport {
  private readonly access: CaseAccess;
  private readonly people: People;
  constructor(private readonly ctx: Context) {
    this.access = new CaseAccess(ctx);
    this.people = new People(ctx);
  }
  private get db() {
    return this.ctx.db.db;
  }

  /** Cases the actor reaches directly (its organisation's in the jurisdiction, or assigned to it), oldest first; referred-in cases stay out. */
  private async cases(actor: Actor, q: ExportQuery): Promise<CaseTable[]> {
    const scope = await this.access.scopeCodes(actor);
    let divisions = scope;
    if (q.division) {
      const wanted = await new GeoService(this.db).descendantCodes(actor.scope.country, q.division);
      divisions = scope ? wanted.filter((d) => scope.includes(d)) : wanted;
    }
    let s = repoExport.selectCasesByCountryCode(this.db, actor.scope.country);
    // Need-to-know: the actor's own organisation's cases in the jurisdiction, and cases assigned to the actor.
    const ds = divisions && (divisions.length ? divisions : ['-']);
    s = s.where((eb) =>
      eb.or([
        eb.and([eb('c.owner_org_id', '=', actor.orgId), ...(ds ? [eb('c.division_code', 'in', ds)] : [])]),
        ...(q.division ? [] : [eb('c.assigned_user_id', '=', actor.userId)]),
      ]),
    );
    if (q.year) s = s.where('c.created_at', '>=', `${q.year}-01-01`).where('c.created_at', '<', `${q.year + 1}-01-01`);
    return s.orderBy('c.created_at').orderBy('c.code').execute();
  }

  /** The data rows (without header), each as long as the template; personal cells empty unless `personal`. */
  async rows(actor: Actor, q: ExportQuery): Promise<{ rows: string[][]; personal: boolean; leftOut: number }> {
    if (!can(actor, 'cases:read')) throw new AppError(403, 'forbidden');
    const personal = can(actor, 'exports:personal');
    const reached = await this.cases(actor, q);
    // A personal export leaves out the rows of persons who restricted the processing of their data or objected to it.
    const restricted = personal ? await restrictedPersonIds(this.ctx) : new Set<string>();
    const cases = reached.filter((c) => !restricted.has(c.person_id));
    const ids = cases.map((c) => c.id);
    const persons = new Map<string, Awaited<ReturnType<typeof this.loadPersons>>[number]>();
    for (const part of chunk(ids, 500)) {
      for (const p of await this.loadPersons(part)) persons.set(p.case_id, p);
    }
    const events = new Map<string, { type: string; country_code: string | null; division_code: string | null }[]>();
    const consented = new Set<string>();
    const referralsOf = new Map<string, Awaited<ReturnType<typeof standingReferrals>>>();
    const protection = new Map<string, ProtectionFacts>();
    const trafficking = await traffickingOffences(this.ctx);
    for (const part of chunk(ids, 500)) {
      for (const [id, f] of await protectionFacts(this.ctx, part, trafficking)) protection.set(id, f);
      const ev = await repoExport.selectCaseEventsByCaseId(this.db, part);
      for (const e of ev) {
        const list = events.get(e.case_id);
        if (list) list.push(e);
        else events.set(e.case_id, [e]);
      }
      const cs = await repoExport.selectConsentsByWithdrawnAtAndScope(this.db, part);
      for (const c of cs) consented.add(c.case_id);
      // Newest first, grouped by case as they come.
      for (const r of await standingReferrals(this.db, part))
        referralsOf.set(r.case_id, [...(referralsOf.get(r.case_id) ?? []), r]);
    }
    const orgs = new Map((await repoExport.selectOrganisations(this.db)).map((o) => [o.id, o.name]));
    const home = actor.scope.country;
    const rows = cases.map((c) => {
      const row = new Array<string>(templateHeader.length).fill('');
      const set = (col: HtcdsColumn, v: string | null | undefined) => {
        if (v && (personal || !personalColumns.has(col))) row[columnIndex.get(col)!] = v;
      };
      const p = persons.get(c.id);
      const plain = p && personal ? this.people.decrypt(p) : undefined;
      // The owning organisation, not a staff member: a user account means nothing outside this installation.
      set('cas_CaseOwner', orgs.get(c.owner_org_id));
      set('prs_FirstName', plain?.prs_FirstName);
      set('prs_SecondName', plain?.prs_SecondName);
      set('con_Consent', consented.has(c.id) ? 'TRUE' : 'FALSE');
      set('prs_Birthdate', plain?.prs_Birthdate);
      set('prs_Gender', p?.gender);
      set('prs_Citizenship', p ? joinValues(list(p.citizenship)) : '');
      const f = protection.get(c.id);
      set('vic_TraffickingStatus', c.trafficking_status);
      set('vic_TraffickinStatusDecisionMakingOrg', c.decision_org);
      if (!c.trafficking_status && !c.decision_org && f?.traffickingConviction) {
        // No decision recorded on the case, but a court convicted a suspect of trafficking in its complaint.
        set('vic_TraffickingStatus', 'ActualVictimOfTrafficking');
        set('vic_TraffickinStatusDecisionMakingOrg', 'CourtOrProsecution');
      }
      set('vic_MethodOfRecruitment', joinValues(list(c.recruitment_methods)));
      set('vic_MethodsOfControl', joinValues(list(c.control_methods)));
      set('vic_TypeOfExploitation', joinValues(list(c.exploitation)));
      set('vic_ForcedLabourIndustry', joinValues(list(c.labour_industries)));
      set('vic_TypeOfSexExploitation', joinValues(list(c.sex_exploitation)));
      const place = (type: string) => {
        const e = events.get(c.id)?.find((x) => x.type === type);
        return e ? locationCell(e.country_code, e.division_code, home) : '';
      };
      set('vic_LocationOfRecruitment', place('Recruitment'));
      set('vic_LocationOfExploitation', place('Exploitation'));
      set('cas_Status', c.status);
      set(
        'cas_ReasonForCaseClosure',
        this.ctx.crypto.decryptOptional(personal ? c.closure_reason_enc : null, {
          table: 'cases',
          row: c.id,
          column: 'closure_reason',
        }),
      );
      const notes = (x: { id: string; notesEnc: string | null }) =>
        personal
          ? this.ctx.crypto.decryptOptional(x.notesEnc, { table: 'cross_border_exchanges', row: x.id, column: 'notes' })
          : null;
      const details = (r: { id: string; details_enc: string | null }) =>
        personal
          ? this.ctx.crypto.decryptOptional(r.details_enc, { table: 'referrals', row: r.id, column: 'details' })
          : null;
      const { out, incoming } = pickReferrals(referralsOf.get(c.id) ?? [], actor);
      if (out) {
        set('cas_ReferredOrganisation', out.to_org_id ? orgs.get(out.to_org_id) : null);
        set('cas_OutgoingReferralDate', out.created_at.slice(0, 10));
        set('cas_ReasonForOutgoingReferral', out.reason);
        set('cas_OutgoingReferralDetails', details(out));
      } else if (f?.outgoing) {
        // Referred to a foreign authority (a return or a transfer abroad): a change of location in HTCDS terms.
        set('cas_ReferredOrganisation', f.outgoing.authority);
        set('cas_OutgoingReferralDate', f.outgoing.on);
        set('cas_ReasonForOutgoingReferral', 'MigrationOrChangeOfLocation');
        set('cas_OutgoingReferralDetails', notes(f.outgoing));
      }
      if (incoming) {
        set('cas_ReferringOrganisation', incoming.organisation_id ? orgs.get(incoming.organisation_id) : null);
        set('cas_IncomingReferralDate', incoming.accepted_at?.slice(0, 10));
        set('cas_ReasonForIncomingReferral', incoming.reason);
        set('cas_IncomingReferralDetails', details(incoming));
      } else if (f?.incoming) {
        // Received from a foreign authority (ICBF, a consulate): the child came across a border.
        set('cas_ReferringOrganisation', f.incoming.authority);
        set('cas_IncomingReferralDate', f.incoming.on);
        set('cas_ReasonForIncomingReferral', 'MigrationOrChangeOfLocation');
        set('cas_IncomingReferralDetails', notes(f.incoming));
      } else if (c.referred_by_enc) {
        // Referred from outside Minka (police, a consulate, a school): as the caseworker recorded it (free text,
        // so only in exports with personal columns).
        set(
          'cas_ReferringOrganisation',
          personal
            ? this.ctx.crypto.decryptOptional(c.referred_by_enc, { table: 'cases', row: c.id, column: 'referred_by' })
            : null,
        );
        set('cas_IncomingReferralDate', c.referred_on);
        set('cas_ReasonForIncomingReferral', c.referral_reason);
        set(
          'cas_IncomingReferralDetails',
          personal
            ? this.ctx.crypto.decryptOptional(c.referral_details_enc, {
                table: 'cases',
                row: c.id,
                column: 'referral_details',
              })
            : null,
        );
      }
      return row;
    });
    return { rows, personal, leftOut: reached.length - cases.length };
  }

  private loadPersons(caseIds: string[]) {
    return repoExport.selectCasesById(this.db, caseIds);
  }

  /** Records the export in the audit trail: format, filters, row count and whether personal columns were filled. */
  private audit(
    actor: Actor,
    format: string,
    q: ExportQuery,
    out: { rows: unknown[]; personal: boolean; leftOut: number },
    requestId: string,
  ) {
    const { personal } = out;
    return this.ctx.audit.record({
      actor,
      action: 'htcds.export',
      recordType: 'case',
      fields: personal ? 'name,birthdate,consent,referral_details,closure_reason' : undefined,
      details: {
        format,
        rows: out.rows.length,
        personal,
        leftOut: out.leftOut,
        division: q.division ?? null,
        year: q.year ?? null,
      },
      requestId,
    });
  }

  /** The template's two header rows, then the data rows numbered in column A as in the template. */
  private sheet(rows: string[][]): (string | number)[][] {
    return [
      [...templateHeader],
      [...templateLabels],
      ...rows.map((r, i) => [i + 1, ...r.slice(1)] as (string | number)[]),
    ];
  }

  /** CSV in UTF-8 with a byte-order mark (so Excel reads accents), in the template's layout. */
  async csv(actor: Actor, q: ExportQuery, requestId: string) {
    const out = await this.rows(actor, q);
    const csv = csvFile(this.sheet(out.rows));
    await this.audit(actor, 'csv', q, out, requestId);
    return { body: Buffer.from(csv, 'utf8'), filename: this.filename(q, 'csv'), leftOut: out.leftOut };
  }

  /** XLSX with one sheet named as in the template ("Sheet1"), row 1 field names, row 2 labels. */
  async xlsx(actor: Actor, q: ExportQuery, requestId: string) {
    const out = await this.rows(actor, q);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    for (const r of this.sheet(out.rows)) ws.addRow(r.map((v) => (v === '' ? null : v)));
    ws.getRow(1).font = { bold: true };
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    await this.audit(actor, 'xlsx', q, out, requestId);
    return { body, filename: this.filename(q, 'xlsx'), leftOut: out.leftOut };
  }

  private filename(q: ExportQuery, ext: string) {
    return `htcds${q.division ? `-${q.division}` : ''}${q.year ? `-${q.year}` : ''}.${ext}`;
  }
}
