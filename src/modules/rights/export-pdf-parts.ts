import type { Db } from '../../platform/db/index';
import { GeoService } from '../geo/index';
import type { AccessExport, ExportedCase } from './export-types';

// Parts of the access export's PDF: the protection records of a case as rows, and the names of the places it names.

const CATALOGUE = 'catalogue';

/** Board, return and prosecution records of a case: what, when, where it stands (types, dates, statuses only). */
export function protectionRows(
  c: ExportedCase,
  named: (group: string, code: string | null | undefined) => string,
  day: (v: string | null | undefined) => string,
  s: (key: string, params?: Record<string, unknown>) => string,
): string[][] {
  const rows: [string, string, string][] = [
    ...c.board.notifications.map(
      (x) =>
        [
          x.on,
          s('boardNotification'),
          x.deliveredAt ? s('deliveredOn', { date: day(x.deliveredAt) }) : s('notDelivered'),
        ] as [string, string, string],
    ),
    ...c.board.hearings.map(
      (x) =>
        [x.on, `${s('boardHearing')}: ${named('accessExport.boardHearing', x.kind)}`, ''] as [string, string, string],
    ),
    ...c.board.measures.map(
      (x) =>
        [
          x.decidedOn,
          `${named(`${CATALOGUE}.measure_type`, x.type)} (${named('accessExport.decidedBy', x.decidedBy)})`,
          [
            named('accessExport.measureStatus', x.status),
            x.ratification ? named('accessExport.ratification', x.ratification) : '',
            x.endedOn ? s('endedOn', { date: day(x.endedOn) }) : '',
          ]
            .filter(Boolean)
            .join(' · '),
        ] as [string, string, string],
    ),
    ...c.returns.exchanges.map(
      (x) => [x.on, `${named('accessExport.direction', x.direction)} (${x.country})`, ''] as [string, string, string],
    ),
    ...c.returns.tracings.map(
      (x) => [x.on, s('tracing'), named('accessExport.tracingResult', x.result)] as [string, string, string],
    ),
    ...c.returns.assessments.map(
      (x) => [x.on, s('assessment'), named('accessExport.assessmentDecision', x.decision)] as [string, string, string],
    ),
    ...c.returns.journeys.map(
      (x) =>
        [
          x.departedOn,
          s('journey', { from: x.from, to: x.to }),
          x.arrivedOn ? s('arrivedOn', { date: day(x.arrivedOn) }) : '',
        ] as [string, string, string],
    ),
    ...c.returns.reintegration.map(
      (x) =>
        [x.closedOn ?? '', s('reintegration'), x.outcome ? named('accessExport.planOutcome', x.outcome) : ''] as [
          string,
          string,
          string,
        ],
    ),
    ...c.returns.visits.map(
      (x) =>
        [
          x.doneOn ?? x.dueOn,
          s('visit', { n: x.month }),
          x.outcome ? named('accessExport.planOutcome', x.outcome) : '',
        ] as [string, string, string],
    ),
    ...c.complaints.flatMap((x) => [
      [
        x.filedOn,
        [s('complaint'), ...x.offences.map((o) => named(`${CATALOGUE}.offence`, o))].join('\n'),
        [
          named(`${CATALOGUE}.proceeding_stage`, x.stage),
          x.outcome ? `${named('prosecution.outcome', x.outcome)} (${day(x.outcomeOn)})` : '',
        ]
          .filter(Boolean)
          .join(' · '),
      ] as [string, string, string],
      ...x.hearings.map(
        (h) =>
          [h.on, `${s('complaintHearing')}: ${named('prosecution.hearingKind', h.kind)}`, ''] as [
            string,
            string,
            string,
          ],
      ),
    ]),
  ];
  return rows.sort((a, b) => a[0].localeCompare(b[0])).map(([on, what, status]) => [on ? day(on) : '—', what, status]);
}

/** Names of the places the export mentions (the case's place and its events'), keyed `country|code`. */
export async function placeNames(db: Db, doc: AccessExport): Promise<Map<string, string>> {
  const wanted = new Map<string, Set<string>>();
  const add = (country: unknown, code: unknown) => {
    if (typeof country !== 'string' || typeof code !== 'string' || !code) return;
    if (!wanted.has(country)) wanted.set(country, new Set());
    wanted.get(country)!.add(code);
  };
  for (const c of doc.cases) {
    add(c.country, c.division);
    for (const e of c.events) add(e.hte_Country ?? c.country, e.local_DivisionCode);
    for (const h of c.history)
      for (const f of h.fields)
        if (/Division/.test(f.field)) {
          add(c.country, f.from);
          add(c.country, f.to);
        }
  }
  const geo = new GeoService(db);
  const names = new Map<string, string>();
  for (const [country, codes] of wanted)
    for (const [code, name] of await geo.labels(country, [...codes])) names.set(`${country}|${code}`, name);
  return names;
}
