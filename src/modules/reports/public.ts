import { randomBytes, randomUUID } from 'node:crypto';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { isUniqueViolation } from '../../platform/db/dialect';
import { nextSequence, nowIso } from '../../platform/db/index';
import type { ReportTable } from '../../platform/db/types';
import { sha256 } from '../access/index';
import { GeoService } from '../geo/index';
import { atLeast, checkReceipt, hashReceipt, minAnswerMs, newReceipt, normaliseReceipt } from './receipt';
import * as repo from './repo';
import { type ReportFormBody, spokenReport } from './schema';

const sessionMinutes = 30;
const enc = (ctx: Context, id: string, column: string, v: string | null | undefined) =>
  ctx.crypto.encryptOptional(v, { table: 'reports', row: id, column });

export interface NewReport {
  what: string;
  division?: string;
  placeText?: string;
  whenText?: string;
  month?: string;
  forms: string[];
  child: boolean | null;
  people: number | null;
  danger: boolean;
  contact?: string;
  contactIndex?: string;
  language: string;
  channel: ReportTable['channel'];
  withReceipt: boolean;
}

/** The reporter's side: submit, receipt sign-in, read and answer. Nothing here knows who the reporter is. */
export class PublicReports {
  constructor(private readonly ctx: Context) {}

  private get db() {
    return this.ctx.db.db;
  }

  /** Turns a posted form into a new report (the form's strings become facts). */
  static fromForm(body: ReportFormBody, language: string): NewReport {
    const tri = (v?: string) => (v === 'yes' ? true : v === 'no' ? false : null);
    return {
      // A voice note alone is a whole report: its text then only says that it is spoken.
      what: body.what || spokenReport,
      division: body.division,
      placeText: body.placeText,
      whenText: body.whenText,
      month: body.month,
      forms: [body.forms ?? []].flat(),
      child: tri(body.child),
      people: body.people ? Number(body.people) : null,
      danger: body.danger === 'yes',
      contact: body.contact,
      language,
      channel: 'web',
      withReceipt: true,
    };
  }

  /** Stores a report (encrypted text) and returns its receipt code, shown once and never stored. */
  async submit(r: NewReport): Promise<{ id: string; code: string; receipt: string | null }> {
    const id = randomUUID();
    const now = nowIso();
    const country = this.ctx.config.MINKA_DEFAULT_COUNTRY;
    const known = r.division ? Boolean(await new GeoService(this.db).ancestry(country, r.division)) : false;
    let receipt = r.withReceipt ? await this.uniqueReceipt() : null;
    const year = now.slice(0, 4);
    const row: ReportTable = {
      id,
      code: '',
      status: 'new',
      channel: r.channel,
      language: r.language,
      country_code: country,
      division_code: known ? r.division! : this.ctx.config.MINKA_REPORTS_DEFAULT_DIVISION,
      place_known: known ? 1 : 0,
      forms: JSON.stringify([...new Set(r.forms)].sort()),
      child_involved: r.child === null ? null : r.child ? 1 : 0,
      people_count: r.people,
      danger_now: r.danger ? 1 : 0,
      occurred_month: r.month ?? null,
      what_enc: this.ctx.crypto.encrypt(r.what, { table: 'reports', row: id, column: 'what' }),
      place_text_enc: enc(this.ctx, id, 'place_text', r.placeText),
      when_text_enc: enc(this.ctx, id, 'when_text', r.whenText),
      contact_enc: enc(this.ctx, id, 'contact', r.contact),
      contact_index: r.contactIndex ?? null,
      receipt_locator: receipt?.locator ?? null,
      receipt_hash: receipt ? await hashReceipt(receipt.code) : null,
      assignee_user_id: null,
      case_code: null,
      reporter_activity_at: now,
      purge_warned_at: null,
      created_at: now,
      updated_at: now,
    };
    // Two reports sent at once may draw the same free locator; the unique index refuses the second, which
    // then draws another receipt instead of losing the report.
    for (let attempt = 1; ; attempt++) {
      try {
        await writeAudited(
          this.ctx,
          {
            actor: null,
            action: 'report.submitted',
            recordType: 'report',
            recordId: id,
            details: { channel: r.channel, code: row.code },
          },
          async (trx) => {
            row.code = `DEN-${year}-${String(await nextSequence(trx, `DEN-${year}`)).padStart(4, '0')}`;
            await repo.insertReport(trx, row);
          },
        );
        break;
      } catch (e) {
        if (!receipt || !isUniqueViolation(e) || attempt >= 5) throw e;
        receipt = await this.uniqueReceipt();
        row.receipt_locator = receipt.locator;
        row.receipt_hash = await hashReceipt(receipt.code);
      }
    }
    return { id, code: row.code, receipt: receipt?.code ?? null };
  }

  private async uniqueReceipt() {
    for (;;) {
      const r = newReceipt();
      if (!(await repo.findByLocator(this.db, r.locator))) return r;
    }
  }

  /** Opens a reporter session from a receipt; unknown, wrong and expired receipts take the same time and answer. */
  async signIn(typed: string): Promise<string | null> {
    return atLeast(minAnswerMs, this.checkAndOpen(normaliseReceipt(typed)));
  }

  private async checkAndOpen(code: string): Promise<string | null> {
    const report = code.length === 16 ? await repo.findByLocator(this.db, code.slice(0, 6)) : undefined;
    const ok = await checkReceipt(report?.receipt_hash ?? null, code);
    const cutoff = Date.now() - this.ctx.config.MINKA_RECEIPT_INACTIVE_DAYS * 86_400_000;
    if (!report || !ok || Date.parse(report.reporter_activity_at) < cutoff) return null;
    const token = randomBytes(32).toString('base64url');
    await repo.insertSession(
      this.db,
      sha256(token),
      report.id,
      new Date(Date.now() + sessionMinutes * 60_000).toISOString(),
    );
    await repo.updateReport(this.db, report.id, { reporter_activity_at: nowIso() });
    return token;
  }

  /** The report behind a reporter session cookie, or null. */
  async fromSession(token: string | undefined) {
    if (!token || token.length > 100) return null;
    const s = await repo.findSession(this.db, sha256(token));
    if (!s || Date.parse(s.expires_at) <= Date.now()) return null;
    return repo.findReport(this.db, s.report_id);
  }

  /** The thread as the reporter sees it: their report's text and every message. */
  async thread(reportId: string) {
    const report = (await repo.findReport(this.db, reportId))!;
    const messages = await repo.messagesOf(this.db, reportId);
    return {
      code: report.code,
      what: this.ctx.crypto.decrypt(report.what_enc, { table: 'reports', row: reportId, column: 'what' }),
      messages: messages.map((m) => ({
        author: m.author,
        createdAt: m.created_at,
        body: this.ctx.crypto.decrypt(m.body_enc, { table: 'report_messages', row: m.id, column: 'body' }),
      })),
    };
  }

  /** Adds a reporter message (an answer or more information). */
  async addMessage(reportId: string, body: string): Promise<void> {
    const id = randomUUID();
    const now = nowIso();
    await writeAudited(
      this.ctx,
      { actor: null, action: 'report.reporter_message', recordType: 'report', recordId: reportId },
      async (trx) => {
        await repo.insertMessage(trx, {
          id,
          report_id: reportId,
          author: 'reporter',
          staff_user_id: null,
          body_enc: this.ctx.crypto.encrypt(body, { table: 'report_messages', row: id, column: 'body' }),
          created_at: now,
        });
        await repo.updateReport(trx, reportId, { reporter_activity_at: now, updated_at: now, purge_warned_at: null });
      },
    );
  }

  signOut = (token: string) => repo.deleteSession(this.db, sha256(token));
}
