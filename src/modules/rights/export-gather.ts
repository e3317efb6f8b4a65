import type { Context } from '../../platform/context';
import {
  caseExportFields,
  eventExportFields,
  perpetratorExportFields,
  personExportFields,
  readExportFields,
} from './export-fields';
import type { AccessExport, ExportedCase, HistoryEntry } from './export-types';
import * as repo from './repo-export';

// Everything Minka holds on one person, gathered for their access export: the person, each of their cases with its
// record, events, perpetrators' roles, field-level history, staff notes, tasks, screenings, consents, referrals,
// files, plans, legal steps, protection records (types, dates, statuses), form answers, linked reports and holds;
// their data requests and flags. Values are codes here (machine-readable, stable keys: the JSON the person may take
// elsewhere); the PDF turns them into labels in the request's language.

type Row = Record<string, unknown>;
type Value = string | number | boolean | string[] | null;
const list = (v: unknown): string[] => (typeof v === 'string' ? (JSON.parse(v) as string[]) : ((v as string[]) ?? []));

/** Gathers the export of the person of a request (the request row given). */
export async function gatherExport(
  ctx: Context,
  request: { code: string; right: string; received_on: string; due_on: string; language: string; person_id: string },
  generatedAt: string,
): Promise<AccessExport> {
  const db = ctx.db.db;
  const opener = (table: string, row: string) => (sealed: string | null | undefined, column: string) =>
    sealed ? ctx.crypto.decrypt(sealed, { table, row, column }) : null;
  const person = (await repo.findPerson(db, request.person_id))!;
  const cases = await repo.casesOfPerson(db, person.id);
  const ids = cases.map((c) => c.id);
  const rows = <K extends repo.CaseLinked>(table: K) => repo.rowsOfCases(db, table, ids);
  const [events, perpetrators, changes, comments, tasks, screenings, consents, referrals, files, plans, legal] =
    await Promise.all([
      rows('case_events'),
      rows('case_perpetrators'),
      rows('record_changes'),
      rows('case_comments'),
      rows('case_tasks'),
      rows('case_screenings'),
      rows('consents'),
      rows('referrals'),
      rows('case_files'),
      rows('support_plans'),
      rows('legal_proceedings'),
    ]);
  const [notifications, boardHearings, measures, exchanges, tracings, assessments, journeys, reintegration, visits] =
    await Promise.all([
      rows('board_notifications'),
      rows('board_hearings'),
      rows('board_measures'),
      rows('cross_border_exchanges'),
      rows('family_tracings'),
      rows('family_assessments'),
      rows('case_returns'),
      rows('reintegration_plans'),
      rows('monitoring_visits'),
    ]);
  const [complaints, charges, complaintHearings, forms, holds] = await Promise.all([
    rows('complaints'),
    rows('complaint_charges'),
    rows('complaint_hearings'),
    rows('case_form_answers'),
    rows('legal_holds'),
  ]);
  const delivered = await repo.deliveredServices(
    db,
    referrals.map((r) => r.id),
  );
  const reports = await repo.reportsOfCases(
    db,
    cases.map((c) => c.code),
  );
  const orgs = await repo.organisationNames(db, [
    ...cases.map((c) => c.owner_org_id),
    ...changes.map((c) => c.actor_org_id),
    ...consents.map((c) => c.organisation_id ?? ''),
    ...referrals.map((r) => r.to_org_id ?? ''),
  ]);
  const providers = await repo.providerNames(
    db,
    referrals.map((r) => r.provider_id ?? ''),
  );
  const titles = await repo.formTitles(
    db,
    forms.map((f) => f.form_id),
  );
  const of = <R extends { case_id: string }>(all: R[], caseId: string) => all.filter((r) => r.case_id === caseId);
  const org = (id: string | null | undefined) => (id ? (orgs.get(id) ?? null) : null);

  const exported: ExportedCase[] = cases.map((c) => {
    const open = opener('cases', c.id);
    return {
      code: c.code,
      status: c.status,
      stage: c.stage,
      country: c.country_code,
      division: c.division_code,
      organisation: org(c.owner_org_id),
      createdAt: c.created_at,
      updatedAt: c.updated_at,
      closedAt: c.closed_at,
      closureReason: open(c.closure_reason_enc, 'closure_reason'),
      decision: {
        status: c.trafficking_status,
        by: c.decision_org,
        at: c.decided_at,
        reason: open(c.decision_reason_enc, 'decision_reason'),
      },
      fields: readExportFields(caseExportFields, c as unknown as Row, (s, col) => open(s, col)),
      events: of(events, c.id).map((e) =>
        readExportFields(eventExportFields, e as unknown as Row, (s, col) => opener('case_events', e.id)(s, col)),
      ),
      perpetrators: of(perpetrators, c.id).map((p) => ({
        roles: readExportFields(perpetratorExportFields, p as unknown as Row, () => null).per_RoleInProcess as string[],
      })),
      history: of(changes, c.id)
        .map((h) => history(h, opener('record_changes', h.id), org(h.actor_org_id)))
        .filter((h): h is HistoryEntry => h !== null),
      comments: of(comments, c.id).map((x) => ({
        at: x.created_at,
        text: opener('case_comments', x.id)(x.body_enc, 'body'),
      })),
      tasks: of(tasks, c.id).map((x) => ({
        kind: x.kind,
        dueAt: x.due_at,
        doneAt: x.done_at,
        note: opener('case_tasks', x.id)(x.note_enc, 'note'),
      })),
      screenings: of(screenings, c.id).map((x) => ({
        at: x.created_at,
        indicators: list(x.indicators),
        result: JSON.parse(x.result) as unknown,
      })),
      consents: of(consents, c.id).map((x) => ({
        scope: x.scope,
        organisation: org(x.organisation_id),
        givenBy: x.given_by,
        giverName: opener('consents', x.id)(x.giver_name_enc, 'giver_name'),
        givenAt: x.given_at,
        withdrawnAt: x.withdrawn_at,
        sections: x.sections ? list(x.sections) : null,
      })),
      referrals: of(referrals, c.id).map((x) => ({
        to: (x.provider_id ? providers.get(x.provider_id) : undefined) ?? org(x.to_org_id),
        services: list(x.services),
        status: x.status,
        reason: x.reason,
        sentAt: x.created_at,
        acceptedAt: x.accepted_at,
        completedAt: x.completed_at ?? null,
        details: opener('referrals', x.id)(x.details_enc, 'details'),
        delivered: delivered
          .filter((d) => d.referral_id === x.id)
          .map((d) => ({ service: d.service, at: d.delivered_at })),
      })),
      files: of(files, c.id).map((x) => ({
        name: opener('case_files', x.id)(x.name_enc, 'name'),
        kind: x.kind,
        mime: x.mime,
        size: Number(x.size),
        at: x.created_at,
      })),
      plans: of(plans, c.id).map((x) => ({
        version: Number(x.version),
        status: x.status,
        types: list(x.types),
        objectives: opener('support_plans', x.id)(x.objectives_enc, 'objectives'),
        plannedEnd: x.planned_end,
        actualEnd: x.actual_end,
      })),
      legal: of(legal, c.id).map((x) => ({ stage: x.stage, date: x.date, authority: x.authority })),
      board: {
        notifications: of(notifications, c.id).map((x) => ({ on: x.created_on, deliveredAt: x.delivered_at })),
        hearings: of(boardHearings, c.id).map((x) => ({ on: x.held_on, kind: x.kind })),
        measures: of(measures, c.id).map((x) => ({
          type: x.type,
          decidedBy: x.decided_by,
          decidedOn: x.decided_on,
          startOn: x.start_on,
          status: x.status,
          reviewOn: x.review_on,
          ratification: x.ratification,
          endedOn: x.ended_on,
        })),
      },
      returns: {
        exchanges: of(exchanges, c.id).map((x) => ({ on: x.exchanged_on, direction: x.direction, country: x.country })),
        tracings: of(tracings, c.id).map((x) => ({ on: x.traced_on, country: x.country, result: x.result })),
        assessments: of(assessments, c.id).map((x) => ({ on: x.assessed_on, decision: x.decision })),
        journeys: of(journeys, c.id).map((x) => ({
          from: x.from_country,
          to: x.to_country,
          departedOn: x.departed_on,
          arrivedOn: x.arrived_on,
        })),
        reintegration: of(reintegration, c.id).map((x) => ({
          status: x.status,
          outcome: x.outcome,
          closedOn: x.closed_on,
        })),
        visits: of(visits, c.id).map((x) => ({
          month: Number(x.month),
          dueOn: x.due_on,
          doneOn: x.done_on,
          outcome: x.outcome,
        })),
      },
      complaints: of(complaints, c.id).map((x) => ({
        filedOn: x.filed_on,
        stage: x.stage,
        chargedOn: x.charged_on,
        outcome: x.outcome,
        outcomeOn: x.outcome_on,
        offences: [...new Set(charges.filter((h) => h.complaint_id === x.id).map((h) => h.offence))],
        hearings: complaintHearings
          .filter((h) => h.complaint_id === x.id)
          .map((h) => ({ on: h.held_on, kind: h.kind })),
      })),
      forms: of(forms, c.id).map((x) => ({
        form: JSON.parse(titles.get(x.form_id) ?? '{}') as Record<string, string>,
        updatedAt: x.updated_at,
        answers: JSON.parse(opener('case_form_answers', x.id)(x.answers_enc, 'answers') ?? 'null') as unknown,
      })),
      reports: reports
        .filter((r) => r.case_code === c.code)
        .map((r) => ({ code: r.code, channel: r.channel, status: r.status, receivedAt: r.created_at })),
      holds: of(holds, c.id).map((x) => ({ placedAt: x.placed_at, liftedAt: x.lifted_at })),
    };
  });

  const openPerson = opener('persons', person.id);
  return {
    format: 'minka.access-export',
    version: 1,
    generatedAt,
    language: request.language,
    request: {
      code: request.code,
      right: request.right,
      receivedOn: request.received_on,
      dueOn: request.due_on,
    },
    person: {
      ...readExportFields(personExportFields, person as unknown as Row, (s, col) => openPerson(s, col)),
      createdAt: person.created_at,
      updatedAt: person.updated_at,
    },
    cases: exported,
    requests: (await repo.requestsOfPerson(db, person.id)).map((r) => ({
      code: r.code,
      right: r.right,
      status: r.status,
      channel: r.channel,
      language: r.language,
      receivedOn: r.received_on,
      dueOn: r.due_on,
      answeredOn: r.answered_on,
      refusalReason: r.refusal_reason,
    })),
    flags: (await repo.flagsOfPerson(db, person.id)).map((f) => ({
      flag: f.flag,
      setAt: f.set_at,
      liftedAt: f.lifted_at,
    })),
  };
}

/**
 * One record change as the person reads it. Changes of a perpetrator record keep only the roles (the rest is about
 * someone else); a change left with no field is left out. Values destroyed by an erasure read as null.
 */
function history(
  h: {
    record_type: string;
    kind: string;
    at: string;
    fields: string;
    values_enc: string | null;
    reason_enc: string | null;
  },
  open: (sealed: string | null | undefined, column: string) => string | null,
  organisation: string | null,
): HistoryEntry | null {
  const values = open(h.values_enc, 'values');
  const triples: [string, unknown, unknown][] = values
    ? (JSON.parse(values) as [string, unknown, unknown][])
    : list(h.fields).map((f) => [f, null, null]);
  const keep = h.record_type === 'perpetrator' ? (f: string) => f in perpetratorExportFields : () => true;
  const fields = triples
    .filter(([f]) => keep(f))
    .map(([field, from, to]) => ({ field, from: (from ?? null) as Value, to: (to ?? null) as Value }));
  if (!fields.length) return null;
  return {
    at: h.at,
    organisation,
    record: h.record_type,
    kind: h.kind,
    reason: open(h.reason_enc, 'reason'),
    fields,
  };
}
