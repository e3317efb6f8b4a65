import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import type { ReportTable } from '../../platform/db/types';
import { AppError, notFound } from '../../platform/http/errors';
import { type Actor, can, ScopeCheck, userGrant } from '../access/index';
import { CaseAccess, IntakeService } from '../cases/index';
import { GeoService } from '../geo/index';
import { reportCodec } from './codecs';
import * as repo from './repo';
import type { reportListItem, reportStatuses } from './schema';

type ListItem = z.infer<typeof reportListItem>;
/** The HTCDS form of exploitation a report's answer suggests (a suggestion only: the caseworker confirms it). */
const suggestedForm: Record<string, string> = {
  begging: 'ForcedBegging',
  labour: 'ForcedLabour',
  domestic: 'Servitude',
  sexual: 'SexualExploitation',
  forced_marriage: 'ForcedMarriage',
  other: 'Other',
};

const dayMs = 86_400_000;

/** Staff triage: queue, reading (audited), assignment, status, messages to the reporter, links to cases. */
export class TriageService {
  constructor(private readonly ctx: Context) {}

  private get db() {
    return this.ctx.db.db;
  }
  private dec = (v: string | null, row: string, column: string, table = 'reports') =>
    this.ctx.crypto.decryptOptional(v, { table, row, column });

  purgesOn(r: ReportTable): string | null {
    if (r.case_code) return null;
    const last = Math.max(Date.parse(r.updated_at), Date.parse(r.reporter_activity_at));
    return new Date(last + this.ctx.config.MINKA_REPORT_RETENTION_DAYS * dayMs).toISOString().slice(0, 10);
  }

  private item(actor: Actor, row: ReportTable, lastAuthor?: string): ListItem {
    const r = reportCodec.decode(row);
    return {
      id: r.id,
      code: r.code,
      status: r.status,
      channel: r.channel,
      language: r.language,
      division: {
        country: r.country_code,
        code: r.division_code,
        label: r.division_code,
        known: r.place_known === true,
      },
      forms: r.forms,
      childInvolved: r.child_involved,
      peopleCount: r.people_count,
      dangerNow: r.danger_now === true,
      occurredMonth: r.occurred_month,
      assigneeUserId: r.assignee_user_id,
      caseCode: r.case_code,
      createdAt: r.created_at,
      reporterActivityAt: r.reporter_activity_at,
      purgesOn: this.purgesOn(row),
      awaitingReply: lastAuthor === 'reporter',
      abilities: {
        assign: true,
        reply: r.channel === 'web' || Boolean(r.contact_index),
        changeStatus: true,
        linkCase: can(actor, 'reports:triage'),
      },
    };
  }

  /** Replaces division codes by their names for display. */
  private async labelled<T extends { division: { country: string; code: string; label: string } }>(
    items: T[],
  ): Promise<T[]> {
    const country = items[0]?.division.country;
    if (!country) return items;
    const labels = await new GeoService(this.db).labels(
      country,
      items.map((i) => i.division.code),
    );
    for (const i of items) i.division.label = labels.get(i.division.code) ?? i.division.code;
    return items;
  }

  /** A report the actor may triage (reports:triage and the report's division in the actor's jurisdiction), else 404. */
  async visible(actor: Actor, id: string, scope = new ScopeCheck(this.ctx)): Promise<ReportTable> {
    const r = await repo.findReport(this.db, id);
    if (!r || !can(actor, 'reports:triage') || !(await scope.within(actor, r.country_code, r.division_code)))
      throw notFound();
    return r;
  }

  /** The divisions of the actor's jurisdiction (undefined: the whole country). */
  private jurisdiction(actor: Actor) {
    return actor.scope.code === actor.scope.country
      ? undefined
      : new GeoService(this.db).descendantCodes(actor.scope.country, actor.scope.code);
  }

  /** How many new reports wait in the actor's jurisdiction (0 for a role that does not triage), for the menu. */
  async countNew(actor: Actor): Promise<number> {
    if (!can(actor, 'reports:triage')) return 0;
    return repo.countReports(this.db, {
      country: actor.scope.country,
      divisions: await this.jurisdiction(actor),
      status: 'new',
    });
  }

  async list(actor: Actor, f: { status?: string; mine?: boolean; limit: number }) {
    if (!can(actor, 'reports:triage')) throw new AppError(403, 'forbidden');
    // The jurisdiction filter runs in SQL, so a busy neighbouring canton never pushes my reports off the page.
    const divisions = await this.jurisdiction(actor);
    const mine: ReportTable[] = await repo.listReports(this.db, {
      country: actor.scope.country,
      divisions,
      status: f.status,
      assignee: f.mine ? actor.userId : undefined,
      limit: f.limit,
    });
    const last = await repo.lastAuthors(
      this.db,
      mine.map((r) => r.id),
    );
    return this.labelled(mine.map((r) => this.item(actor, r, last.get(r.id))));
  }

  async get(actor: Actor, id: string, requestId: string) {
    const r = await this.visible(actor, id);
    const messages = await repo.messagesOf(this.db, id);
    const files = await repo.filesOf(this.db, id);
    await this.ctx.audit.record({
      actor,
      action: 'report.read',
      recordType: 'report',
      recordId: id,
      fields: 'what,place,when,contact,messages',
      requestId,
    });
    const [head] = await this.labelled([this.item(actor, r, messages.at(-1)?.author)]);
    return {
      ...head!,
      what: this.dec(r.what_enc, id, 'what')!,
      placeText: this.dec(r.place_text_enc, id, 'place_text'),
      whenText: this.dec(r.when_text_enc, id, 'when_text'),
      contact: this.dec(r.contact_enc, id, 'contact'),
      messages: messages.map((m) => ({
        id: m.id,
        author: m.author,
        createdAt: m.created_at,
        body: this.dec(m.body_enc, m.id, 'body', 'report_messages')!,
      })),
      files: files.map((f) => ({ id: f.id, kind: f.kind, mime: f.mime, size: Number(f.size) })),
    };
  }

  private async change(
    actor: Actor,
    id: string,
    set: Partial<ReportTable>,
    action: string,
    details: Record<string, unknown>,
    requestId: string,
  ) {
    const before = await this.visible(actor, id);
    await writeAudited(
      this.ctx,
      {
        actor,
        action,
        recordType: 'report',
        recordId: id,
        details: {
          ...details,
          before: { status: before.status, assignee: before.assignee_user_id, caseCode: before.case_code },
        },
        requestId,
      },
      (trx) => repo.updateReport(trx, id, { ...set, updated_at: nowIso() }),
    );
    return (await this.labelled([this.item(actor, (await repo.findReport(this.db, id))!)]))[0]!;
  }

  /** Assigns to a colleague who also triages in this report's jurisdiction (or unassigns). */
  async assign(actor: Actor, id: string, userId: string | null, requestId: string) {
    const r = await this.visible(actor, id);
    if (userId) {
      const user = await userGrant(this.db, userId);
      const scope = new ScopeCheck(this.ctx);
      const ancestry = (await scope.ancestry(r.country_code, r.division_code)) ?? [];
      if (
        !user?.active ||
        !user.permissions.has('reports:triage') ||
        user.scope.country !== r.country_code ||
        !ancestry.includes(user.scope.code)
      ) {
        throw new AppError(400, 'assignee_not_eligible');
      }
    }
    return this.change(actor, id, { assignee_user_id: userId }, 'report.assigned', { assignee: userId }, requestId);
  }

  async setStatus(
    actor: Actor,
    id: string,
    status: (typeof reportStatuses)[number],
    reason: string | undefined,
    requestId: string,
  ) {
    return this.change(
      actor,
      id,
      { status },
      'report.status_changed',
      { status, reason: reason ? 'given' : 'none' },
      requestId,
    );
  }

  /** Links the report to a case by its code (until case management converts reports itself). */
  async linkCase(actor: Actor, id: string, caseCode: string, requestId: string) {
    const r = await this.visible(actor, id);
    if (r.case_code) throw new AppError(409, 'report_already_linked');
    await new CaseAccess(this.ctx).loadByCode(actor, caseCode);
    return this.change(
      actor,
      id,
      { case_code: caseCode, status: 'referred' },
      'report.linked_to_case',
      { caseCode },
      requestId,
    );
  }

  /**
   * Opens a draft case from the report and links the two, in one transaction. Nothing is invented: a report that
   * says a child is involved opens a minor's case with the age unknown (the 24-hour safeguard applies at once);
   * the report's forms of exploitation are suggestions the caseworker confirms, not recorded facts. The reporter
   * stays anonymous: nothing about them moves into the case.
   */
  async convert(actor: Actor, id: string, requestId: string) {
    const r = await this.visible(actor, id);
    if (r.case_code) throw new AppError(409, 'report_already_linked');
    const report = reportCodec.decode(r);
    const forms = [...new Set(report.forms.map((f) => suggestedForm[f]).filter(Boolean))];
    return new IntakeService(this.ctx).intake(
      actor,
      {
        draft: true,
        division: { country: r.country_code, code: r.division_code },
        ...(report.child_involved ? { local_IsMinor: true } : {}),
      },
      requestId,
      {
        suggestions: forms.length ? { vic_TypeOfExploitation: forms } : {},
        also: async (trx, opened) => {
          const claimed = await repo.linkReportToCase(trx, id, opened.code, nowIso());
          if (!claimed) throw new AppError(409, 'report_already_linked');
          await this.ctx.audit.record(
            {
              actor,
              action: 'report.converted_to_case',
              recordType: 'report',
              recordId: id,
              details: { caseCode: opened.code, before: { status: r.status, caseCode: null } },
              requestId,
            },
            trx,
          );
        },
      },
    );
  }

  /** A question or answer from staff, which the reporter reads with the receipt. */
  async message(actor: Actor, id: string, body: string, requestId: string) {
    const r = await this.visible(actor, id);
    const mid = randomUUID();
    const now = nowIso();
    await writeAudited(
      this.ctx,
      { actor, action: 'report.staff_message', recordType: 'report', recordId: id, requestId },
      async (trx) => {
        await repo.insertMessage(trx, {
          id: mid,
          report_id: id,
          author: 'staff',
          staff_user_id: actor.userId,
          body_enc: this.ctx.crypto.encrypt(body, { table: 'report_messages', row: mid, column: 'body' }),
          created_at: now,
        });
        await repo.updateReport(trx, id, {
          updated_at: now,
          ...(r.status === 'new' ? { status: 'in_review' as const } : {}),
        });
      },
    );
    return { id: mid, author: 'staff' as const, body, createdAt: now };
  }

  /** Reports in the same canton or parish within 60 days that share a form of exploitation. */
  async similar(actor: Actor, id: string) {
    const r = await this.visible(actor, id);
    const forms = new Set<string>(reportCodec.decode(r).forms);
    const since = new Date(Date.parse(r.created_at) - 60 * dayMs).toISOString();
    const near = await repo.recentInDivision(this.db, r.country_code, r.division_code, since);
    return this.labelled(
      near
        .filter((o) => o.id !== id && reportCodec.decode(o).forms.some((f) => forms.has(f)))
        .map((o) => this.item(actor, o)),
    );
  }
}
