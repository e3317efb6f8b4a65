import type { Content } from 'pdfmake/interfaces';
import type { Context } from '../../platform/context';
import { AppError, notFound } from '../../platform/http/errors';
import { t } from '../../platform/i18n/index';
import { renderSheet, type SheetRow, sheetTable } from '../../platform/pdf/sheet';
import { label } from '../../shared/labels/index';
import type { Actor } from '../access/index';
import { CaseAccess, findPerson, People, personCodec } from '../cases/index';
import { type CaseSection, grants } from '../cases/vocabulary';
import { findProvider } from '../directory/index';
import { maySeeSheet } from './policy';
import * as repo from './repo';
import { ReferralService } from './service';

/**
 * The referral sheet for a provider that is not on Minka: who is referred, for what, by whom. Personal data
 * appear only when the person consented; a referral made under a supervisor's override carries the case
 * code, age, sex and languages, and says why the rest is left out.
 */
export class ReferralSheet {
  private readonly access: CaseAccess;
  constructor(private readonly ctx: Context) {
    this.access = new CaseAccess(ctx);
  }
  private get db() {
    return this.ctx.db.db;
  }

  async render(actor: Actor, referralId: string, lang: string, requestId: string) {
    const r = await repo.findReferral(this.db, referralId);
    if (!r || !maySeeSheet(actor, r)) throw notFound();
    // The receiver reads its sheet; on the sending side it takes the right to work the case.
    const { c, granted } = await this.access.reach(
      actor,
      r.case_id,
      r.to_org_id === actor.orgId ? 'cases:read' : 'cases:write',
    );
    // A receiver's sheet carries only the sections shared with it.
    const shows = (section: CaseSection) => grants(granted, section);
    if (r.status === 'revoked' || r.status === 'declined') throw new AppError(409, 'referral_not_live');
    const person = (await findPerson(this.db, c.person_id))!;
    const names = new People(this.ctx).decrypt(person);
    const provider = r.provider_id ? await findProvider(this.db, r.provider_id) : undefined;
    const toOrg = r.to_org_id ? (await repo.namesOf(this.db, [r.to_org_id], []))[0] : undefined;
    const fromOrg = (await repo.organisationsOfUsers(this.db, [r.created_by]))[0];
    // Consent is checked now, not when the referral was made: a withdrawal takes the name off the sheet.
    const consented = await new ReferralService(this.ctx).hasConsent(r.case_id, r.to_org_id);
    const details = this.ctx.crypto.decryptOptional(r.details_enc, {
      table: 'referrals',
      row: r.id,
      column: 'details',
    });
    const s = (key: string, params: Record<string, unknown> = {}) => t(lang, `referralSheet.${key}`, params);
    const row = (label: string, value: string | null | undefined): SheetRow => [label, value];
    const services = r.services.map((x) => label(lang, 'directory.services', x)).join(', ');
    const languages = personCodec
      .decode(person)
      .languages.map((l) => label(lang, 'htcds.local_Languages', l))
      .join(', ');
    const personRows: SheetRow[] = [
      ...(consented && shows('identity')
        ? [row(s('name'), [names.prs_FirstName, names.prs_SecondName].filter(Boolean).join(' '))]
        : []),
      ...(shows('age') ? [row(s('age'), c.age_at_intake === null ? null : String(c.age_at_intake))] : []),
      ...(shows('identity')
        ? [row(s('sex'), person.gender ? label(lang, 'htcds.prs_Gender', person.gender) : null)]
        : []),
      ...(shows('languages') ? [row(s('languages'), languages)] : []),
    ];
    const doc = await renderSheet(s('title', { code: c.code }), s('confidential'), [
      sheetTable(
        [
          row(s('date'), r.created_at.slice(0, 10)),
          row(s('from'), fromOrg?.name),
          row(s('to'), provider?.name ?? toOrg?.name),
          row(s('contact'), [provider?.contact, provider?.hours].filter(Boolean).join(' · ')),
          row(s('services'), services),
          row(s('reason'), t(lang, `referralReasons.${r.reason}`)),
          row(s('details'), details),
        ],
        [0, 0, 0, 12],
      ),
      { text: s('person'), fontSize: 12, bold: true, margin: [0, 0, 0, 4] },
      // A sheet that shares no person data says so with a dash.
      sheetTable(personRows.length ? personRows : [row(s('person'), null)]),
      ...(consented ? [] : [{ text: s('withheld'), italics: true, margin: [0, 6, 0, 0] } as Content]),
      { text: s('reply', { code: c.code }), margin: [0, 16, 0, 0] },
    ]);
    await this.ctx.audit.record({
      actor,
      action: 'referral.sheet_downloaded',
      recordType: 'case',
      recordId: c.id,
      details: { referral: r.id, personalData: consented },
      requestId,
    });
    return { pdf: doc, filename: `derivacion-${c.code}.pdf` };
  }
}
