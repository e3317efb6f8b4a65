import { todayIso } from '../../platform/clock';
import type { Context } from '../../platform/context';
import type { Db } from '../../platform/db/index';
import { GeoService } from '../geo/index';
import { countryName, divisionAbroadName } from './iso';
import * as repo from './repo';
import type { ReturnsView } from './schema';

type View = Omit<ReturnsView, 'abilities'>;

/**
 * Everything recorded about a case's cross-border work, opened and named for the reader: sealed fields decrypted
 * (bound to their table, row and column), places named (home divisions from the geography, divisions abroad by
 * their ISO 3166-2 name, countries in the reader's language), and each visit's state by the business clock.
 */
export async function presentReturns(ctx: Context, db: Db, caseId: string, lang: string): Promise<View> {
  const open = (table: string, row: string, column: string, v: string | null | undefined) =>
    ctx.crypto.decryptOptional(v, { table, row, column });
  const [exchanges, documents, tracings, assessments, returns, plans, visits, openTasks] = await Promise.all([
    repo.exchangesOf(db, caseId),
    repo.documentsOf(db, caseId),
    repo.tracingsOf(db, caseId),
    repo.assessmentsOf(db, caseId),
    repo.returnsOf(db, caseId),
    repo.plansOf(db, caseId),
    repo.visitsOf(db, caseId),
    repo.openTaskIds(db, caseId),
  ]);
  const homeCodes = new Map<string, string[]>();
  const home = (country: string, code: string) => homeCodes.set(country, [...(homeCodes.get(country) ?? []), code]);
  for (const t of tracings) home(t.country, t.division);
  for (const r of returns) home(r.to_country, r.to_division);
  const geo = new GeoService(db);
  const homeLabels = new Map<string, string>();
  for (const [country, codes] of homeCodes)
    for (const [k, v] of await geo.labels(country, codes)) homeLabels.set(`${country}:${k}`, v);
  const place = (country: string, code: string | null) => {
    const name = code ? (homeLabels.get(`${country}:${code}`) ?? divisionAbroadName(code) ?? code) : null;
    const c = countryName(country, lang);
    return { country, code, label: name ? `${name}, ${c}` : c };
  };
  const providers = await repo.providerNames(db, [
    ...exchanges.flatMap((e) => (e.authority_provider_id ? [e.authority_provider_id] : [])),
    ...returns.flatMap((r) => (r.receiving_provider_id ? [r.receiving_provider_id] : [])),
  ]);
  const orgs = await repo.organisationNames(
    db,
    returns.flatMap((r) => (r.receiving_org_id ? [r.receiving_org_id] : [])),
  );
  const today = todayIso();
  const latest = assessments.at(-1);
  return {
    caseId,
    exchanges: exchanges.map((e) => {
      const a = e.authority_provider_id ? providers.get(e.authority_provider_id) : undefined;
      return {
        id: e.id,
        direction: e.direction as 'incoming' | 'outgoing',
        authority: a && e.authority_provider_id ? { id: e.authority_provider_id, ...a } : null,
        place: place(e.country, e.division),
        exchangedOn: e.exchanged_on,
        reference: open('cross_border_exchanges', e.id, 'reference', e.reference_enc),
        notes: open('cross_border_exchanges', e.id, 'notes', e.notes_enc),
        documents: documents
          .filter((d) => d.exchange_id === e.id)
          .map((d) => ({
            id: d.id,
            fileId: d.file_id,
            type: d.doc_type,
            name: open('case_files', d.file_id, 'name', d.name_enc),
          })),
      };
    }),
    tracings: tracings.map((t) => ({
      id: t.id,
      tracedOn: t.traced_on,
      tracedBy: open('family_tracings', t.id, 'traced_by', t.traced_by_enc) ?? '',
      place: place(t.country, t.division),
      result: t.result as 'found' | 'not_found',
      familyContact: open('family_tracings', t.id, 'family_contact', t.family_contact_enc),
      notes: open('family_tracings', t.id, 'notes', t.notes_enc),
    })),
    assessments: assessments.map((a) => ({
      id: a.id,
      assessedOn: a.assessed_on,
      assessor: open('family_assessments', a.id, 'assessor', a.assessor_enc) ?? '',
      findings: open('family_assessments', a.id, 'findings', a.findings_enc) ?? '',
      childView: open('family_assessments', a.id, 'child_view', a.child_view_enc) ?? '',
      decision: a.decision as View['assessments'][number]['decision'],
      reasons: open('family_assessments', a.id, 'reasons', a.reasons_enc) ?? '',
    })),
    returns: returns.map((r) => {
      const p = plans.find((x) => x.return_id === r.id);
      const receiving = r.receiving_org_id
        ? { kind: 'organisation' as const, id: r.receiving_org_id, name: orgs.get(r.receiving_org_id) ?? '' }
        : r.receiving_provider_id
          ? {
              kind: 'provider' as const,
              id: r.receiving_provider_id,
              name: providers.get(r.receiving_provider_id)?.name ?? '',
            }
          : null;
      return {
        id: r.id,
        from: place(r.from_country, r.from_division),
        to: place(r.to_country, r.to_division),
        departedOn: r.departed_on,
        arrivedOn: r.arrived_on,
        route: open('case_returns', r.id, 'route', r.route_enc),
        accompanyingName: open('case_returns', r.id, 'accompanying', r.accompanying_enc),
        accompanyingRole: r.accompanying_role,
        receiving,
        plan: p
          ? {
              id: p.id,
              status: p.status as 'open' | 'closed',
              months: JSON.parse(p.months) as number[],
              goals: open('reintegration_plans', p.id, 'goals', p.goals_enc),
              outcome: p.outcome as NonNullable<View['returns'][number]['plan']>['outcome'],
              closedOn: p.closed_on,
              visits: visits
                .filter((v) => v.plan_id === p.id)
                .map((v) => ({
                  id: v.id,
                  month: Number(v.month),
                  dueOn: v.due_on,
                  doneOn: v.done_on,
                  outcome: v.outcome as NonNullable<View['returns'][number]['plan']>['visits'][number]['outcome'],
                  notes: open('monitoring_visits', v.id, 'notes', v.notes_enc),
                  state: v.done_on
                    ? ('done' as const)
                    : !v.task_id || !openTasks.has(v.task_id)
                      ? ('cancelled' as const)
                      : v.due_on < today
                        ? ('overdue' as const)
                        : ('due' as const),
                })),
            }
          : null,
      };
    }),
    decision: (latest?.decision ?? null) as View['decision'],
  };
}
