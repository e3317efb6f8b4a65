import type { Context } from '../../platform/context';
import { notFound } from '../../platform/http/errors';
import { t } from '../../platform/i18n/index';
import { renderSheet, sheetHeading, sheetTable } from '../../platform/pdf/sheet';
import { type Actor, userNames } from '../access/index';
import { CaseAccess } from '../cases/index';
import { Catalogues } from '../catalogues/index';
import { GeoService } from '../geo/index';
import * as repo from './repo';

/** The canton level of the divisions (province 1, canton 2, parish 3). */
const cantonLevel = 2;

/** A YYYY-MM-DD day written out in the document's language ("6 de diciembre de 2026"); Kichwa uses Spanish's form. */
export const longDate = (day: string, lang: string): string =>
  new Intl.DateTimeFormat(lang.startsWith('qu') ? 'es-EC' : lang, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00.000Z`),
  );

/**
 * The notification to the Junta Cantonal de Protección de Derechos in the board's format: the child by case code
 * only (never the name, in the document, its file name or its address), the facts, what the board is asked to do,
 * who sends it and when, and the legal basis from the catalogue. In the notification's language unless another is
 * asked.
 */
export class BoardNotice {
  constructor(private readonly ctx: Context) {}

  async render(actor: Actor, caseId: string, notificationId: string, asked: string | undefined, requestId: string) {
    const c = await new CaseAccess(this.ctx).load(actor, caseId, 'cases:read', 'measures');
    const db = this.ctx.db.db;
    const n = await repo.findNotification(db, caseId, notificationId);
    if (!n) throw notFound();
    const lang = asked ?? n.language;
    const s = (key: string, params: Record<string, unknown> = {}) => t(lang, `boardNotice.${key}`, params);
    const open = (column: string, v: string | null) =>
      this.ctx.crypto.decryptOptional(v, { table: 'board_notifications', row: n.id, column }) ?? '';
    const catalogues = new Catalogues(this.ctx);
    const entry = await catalogues.entry('authority', 'jcpd');
    // The board by the catalogue's name in the document's language, with the case's canton: the same in the title
    // and in the "addressed to" row.
    const name = entry ? Catalogues.label(entry, lang, 'jcpd') : s('board');
    const canton = await this.cantonOf(c.country_code, c.division_code);
    const board = canton ? s('boardOf', { board: name, canton }) : name;
    const deadline = await catalogues.entry('deadline', 'board_notification');
    const officer = (await userNames(this.ctx, [n.created_by])).get(n.created_by) ?? null;
    const org = await repo.organisationName(db, n.sender_org_id);
    const pdf = await renderSheet(s('title', { code: c.code, board }), s('confidential'), [
      sheetTable([
        [s('to'), board],
        [s('date'), longDate(n.created_on, lang)],
        [s('code'), c.code],
        [s('age'), c.age_at_intake === null ? null : String(c.age_at_intake)],
        [s('from'), org],
        [s('officer'), officer],
        [s('basis'), deadline ? s('basisText', { source: deadline.source, hours: deadline.data.hours }) : null],
      ]),
      sheetHeading(s('facts')),
      { text: open('facts', n.facts_enc) },
      sheetHeading(s('request')),
      { text: open('request', n.request_enc) },
      { text: s('identity', { code: c.code }), italics: true, margin: [0, 16, 0, 0] },
      { text: s('signature'), margin: [0, 40, 0, 0] },
      { text: [officer, org].filter(Boolean).join(' · '), margin: [0, 2, 0, 0] },
    ]);
    await this.ctx.audit.record({
      actor,
      action: 'board.notification_downloaded',
      recordType: 'case',
      recordId: c.id,
      details: { notification: n.id, language: lang },
      requestId,
    });
    return { pdf, filename: `notificacion-junta-${c.code}.pdf` };
  }

  /** The name of the canton the case is registered in (null when the division is not known). */
  private async cantonOf(country: string, division: string): Promise<string | null> {
    const geo = new GeoService(this.ctx.db.db);
    const codes = (await geo.ancestry(country, division)) ?? [];
    for (const code of codes)
      if ((await geo.levelOf(country, code)) === cantonLevel)
        return (await geo.labels(country, [code])).get(code) ?? null;
    return null;
  }
}
