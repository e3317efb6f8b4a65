import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, makeUser, systemActor, testPassword, totpNow } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { formFixture, studyFixture } from '../../../tests/support/forms';
import { Measures } from '../board/measures';
import { Board } from '../board/service';
import { IntakeService } from '../cases/intake';
import { RecordService } from '../cases/record';
import { DirectoryService } from '../directory/service';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';
import { ProsecutionService } from '../prosecution/service';
import { PublicReports } from '../reports/public';
import { Reintegration } from '../returns/reintegration';
import { roleKeys, systemRoles } from './permissions';
import { needsSecondFactor } from './policy';
import { SessionService } from './sessions';

// The authorization matrix: every API route × every role × a record inside or outside the caller's
// jurisdiction. The caller is scoped to Colta (0603); "inside" records are in Colta, "outside" ones in Cuenca.
type Role = (typeof roleKeys)[number];
interface Expect {
  inside: Partial<Record<Role, number>> & { rest: number };
  outside?: Partial<Record<Role, number>> & { rest: number };
}
const all = (status: number): Expect => ({ inside: { rest: status } });
const by = (inside: Expect['inside'], outside?: Expect['outside']): Expect => ({ inside, outside });
const enrolled = Object.fromEntries(roleKeys.map((r) => [r, needsSecondFactor(systemRoles[r]!) ? 409 : 200])) as Record<
  Role,
  number
>;
const orgReaders = {
  administrator: 200,
  supervisor: 200,
  caseworker: 200,
  triage_officer: 200,
  prosecutor: 200,
  service_provider: 200,
  municipal_planner: 200,
};

const planReaders = { administrator: 200, supervisor: 200, caseworker: 200, municipal_planner: 200, donor_viewer: 200 };
const readOnly = { administrator: 403, supervisor: 403, caseworker: 403, donor_viewer: 403 };
/** Roles that read a study's counts under disclosure control where their jurisdiction covers its places. */
const studyAnalysts = {
  administrator: 200,
  supervisor: 200,
  caseworker: 200,
  municipal_planner: 200,
  researcher: 200,
  donor_viewer: 200,
};

const matrix: Record<string, Expect> = {
  'GET /api/openapi.json': all(200),
  'GET /api/docs': all(200),
  'GET /api/docs/static/index.html': all(302),
  'GET /api/docs/static/swagger-initializer.js': all(200),
  'GET /api/docs/static/*': all(200),
  'GET /api/docs/json': all(200),
  'GET /api/docs/yaml': all(200),
  'GET /api/health': all(200),
  'GET /api/ready': all(200),
  'GET /api/geo/countries': all(200),
  'GET /api/geo/divisions/:country': all(200),
  'GET /api/geo/divisions/:country/:code': all(200),
  'GET /api/geo/divisions/:country/:code/children': all(200),
  'GET /api/geo/search': all(200),
  'GET /api/geo/boundaries/:country': all(200),
  'POST /api/auth/sign-in': all(200),
  'GET /api/auth/session': all(200),
  'POST /api/auth/sign-out': all(200),
  'POST /api/auth/sign-out-everywhere': all(200),
  'GET /api/auth/sessions': all(200),
  'POST /api/auth/totp/setup': by({ ...enrolled, rest: 200 }),
  'POST /api/auth/totp/confirm': all(409),
  'POST /api/auth/password': all(200),
  'POST /api/auth/link': all(400),
  'GET /api/auth/demo': all(404),
  'GET /api/admin/organisations': by({ ...orgReaders, rest: 403 }),
  'POST /api/admin/organisations': by({ administrator: 200, rest: 403 }, { administrator: 400, rest: 403 }),
  'GET /api/admin/organisations/:id': by({ ...orgReaders, rest: 404 }, { rest: 404 }),
  'PATCH /api/admin/organisations/:id': by(
    {
      administrator: 200,
      supervisor: 403,
      caseworker: 403,
      triage_officer: 403,
      prosecutor: 403,
      service_provider: 403,
      municipal_planner: 403,
      rest: 404,
    },
    { rest: 404 },
  ),
  'GET /api/admin/users': by({ administrator: 200, supervisor: 200, rest: 403 }),
  'POST /api/admin/users': by({ administrator: 200, rest: 403 }, { administrator: 400, rest: 403 }),
  'GET /api/admin/users/:id': by({ administrator: 200, supervisor: 200, rest: 404 }, { rest: 404 }),
  'PATCH /api/admin/users/:id': by({ administrator: 200, supervisor: 403, rest: 404 }, { rest: 404 }),
  'POST /api/admin/users/:id/deactivate': by({ administrator: 200, supervisor: 403, rest: 404 }, { rest: 404 }),
  'POST /api/admin/users/:id/reset-second-factor': by(
    { administrator: 200, supervisor: 403, rest: 404 },
    { rest: 404 },
  ),
  'POST /api/admin/users/:id/password-reset': by({ administrator: 200, supervisor: 403, rest: 404 }, { rest: 404 }),
  'GET /api/admin/users/:id/sessions': by({ administrator: 200, rest: 404 }, { rest: 404 }),
  'POST /api/admin/sessions/:id/revoke': by({ administrator: 200, rest: 404 }, { rest: 404 }),
  'GET /api/admin/roles': by({ administrator: 200, supervisor: 200, rest: 403 }),
  'GET /api/admin/sharing-agreements': by({ administrator: 200, rest: 403 }),
  'POST /api/admin/sharing-agreements': by({ administrator: 200, rest: 403 }, { administrator: 400, rest: 403 }),
  'POST /api/admin/sharing-agreements/:id/end': by({ administrator: 200, rest: 404 }, { rest: 404 }),
  'POST /api/admin/roles': by({ administrator: 200, rest: 403 }),
  'PUT /api/admin/roles/:key': by({ administrator: 200, rest: 403 }),
  'GET /api/audit': by({ administrator: 200, supervisor: 200, rest: 403 }),
  'GET /api/audit/verify': by({ administrator: 200, supervisor: 200, rest: 403 }),
  'GET /api/audit/people': by({ administrator: 200, supervisor: 200, rest: 403 }),
  'GET /api/reports': by({ supervisor: 200, caseworker: 200, triage_officer: 200, rest: 403 }),
  'GET /api/reports/:id': by({ supervisor: 200, caseworker: 200, triage_officer: 200, rest: 404 }, { rest: 404 }),
  'GET /api/reports/:id/similar': by(
    { supervisor: 200, caseworker: 200, triage_officer: 200, rest: 404 },
    { rest: 404 },
  ),
  'POST /api/reports/:id/assign': by(
    { supervisor: 200, caseworker: 200, triage_officer: 200, rest: 404 },
    { rest: 404 },
  ),
  'POST /api/reports/:id/status': by(
    { supervisor: 200, caseworker: 200, triage_officer: 200, rest: 404 },
    { rest: 404 },
  ),
  'POST /api/reports/:id/messages': by(
    { supervisor: 200, caseworker: 200, triage_officer: 200, rest: 404 },
    { rest: 404 },
  ),
  'POST /api/reports/:id/link-case': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/reports/webhook/rapidpro': all(404),
  'POST /api/persons/candidates': by({ supervisor: 200, caseworker: 200, rest: 403 }),
  'POST /api/cases': by(
    { supervisor: 200, caseworker: 200, rest: 403 },
    { supervisor: 400, caseworker: 400, rest: 403 },
  ),
  'GET /api/cases': by({ supervisor: 200, caseworker: 200, prosecutor: 200, service_provider: 200, rest: 403 }),
  'POST /api/cases/search': by({ supervisor: 200, caseworker: 200, prosecutor: 200, service_provider: 200, rest: 403 }),
  'GET /api/directory': all(200),
  'POST /api/cases/:id/transfers': by({ supervisor: 400, caseworker: 400, rest: 404 }, { rest: 404 }),
  'GET /api/me/transfers': all(200),
  'GET /api/cases/:id/transfers': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/transfers/:id/respond': all(404),
  'POST /api/cases/:id/plans': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'GET /api/cases/:id/plans': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/plans/:id/review': all(404),
  'POST /api/plans/:id/complete': all(404),
  'POST /api/cases/:id/legal': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'GET /api/cases/:id/legal': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/reopen': by({ supervisor: 409, caseworker: 403, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/tasks': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'GET /api/me/work': all(200),
  'GET /api/me/notifications': all(200),
  'POST /api/me/notifications/:id/read': all(404),
  'GET /api/supervision/overdue': by({ supervisor: 200, rest: 403 }),
  'POST /api/cases/:id/files': by({ supervisor: 415, caseworker: 415, rest: 404 }, { rest: 404 }),
  'GET /api/cases/:id/files': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'GET /api/cases/:id/files/:sub': all(404),
  'POST /api/cases/:id/referrals': by({ supervisor: 409, caseworker: 409, rest: 404 }, { rest: 404 }),
  'GET /api/cases/:id/referrals': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'GET /api/referrals/inbox': by({
    supervisor: 200,
    caseworker: 200,
    prosecutor: 200,
    service_provider: 200,
    rest: 403,
  }),
  'POST /api/referrals/:id/respond': all(404),
  'POST /api/referrals/:id/deliver': all(404),
  'POST /api/referrals/:id/revoke': all(404),
  'GET /api/referrals/:id/sheet': all(404),
  'GET /api/directory/:id': all(200),
  'GET /api/directory/:id/receivers': by({ supervisor: 200, caseworker: 200, rest: 404 }),
  'POST /api/directory': by({ administrator: 200, rest: 403 }),
  'PATCH /api/directory/:id': by({ administrator: 200, rest: 404 }, { administrator: 200, rest: 404 }),
  'POST /api/admin/users/search': by({ administrator: 200, supervisor: 200, rest: 403 }),
  'GET /api/cases/:id': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/screening': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/decision': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/consents': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/consents/:sub/withdraw': all(404),
  'POST /api/cases/:id/safeguards': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/tasks/:sub/done': all(404),
  'POST /api/cases/:id/comments': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'GET /api/cases/:id/history': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'PATCH /api/cases/:id': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'PATCH /api/cases/:id/person': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/events': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'PATCH /api/cases/:id/events/:sub': all(404),
  'DELETE /api/cases/:id/events/:sub': all(404),
  'POST /api/cases/:id/perpetrators': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'PATCH /api/cases/:id/perpetrators/:sub': all(404),
  'DELETE /api/cases/:id/perpetrators/:sub': all(404),
  'POST /api/cases/:id/open': by({ supervisor: 409, caseworker: 409, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/history/:sub/restore': by({ caseworker: 403, rest: 404 }, { rest: 404 }),
  'POST /api/persons/:id/merge': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/persons/:id/unmerge': all(404),
  'POST /api/reports/:id/convert': by(
    { supervisor: 200, caseworker: 200, triage_officer: 403, rest: 404 },
    { rest: 404 },
  ),
  'POST /api/cases/:id/close': by({ supervisor: 200, caseworker: 403, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/closure': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'GET /api/cases/:id/closure': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/closure/decision': by({ supervisor: 404, caseworker: 403, rest: 404 }, { rest: 404 }),
  'GET /api/supervision/closures': by({ supervisor: 200, rest: 403 }),
  'GET /api/supervision/plans': all(200),
  'GET /api/me/work/count': all(200),
  'GET /api/i18n/:lang': all(200),
  'GET /api/i18n/:lang/export': by({ administrator: 200, rest: 403 }),
  'POST /api/i18n/import': by({ administrator: 415, rest: 403 }),
  'POST /api/auth/language': all(200),
  'GET /api/reports/count': all(200),
  'GET /api/reports/reply-templates': by({ supervisor: 200, caseworker: 200, triage_officer: 200, rest: 403 }),
  'GET /api/reports/:id/files/:sub': all(404),
  'POST /api/field/devices': by({ supervisor: 200, caseworker: 200, interviewer: 200, rest: 403 }),
  'GET /api/field/devices': all(200),
  'POST /api/field/devices/:id/revoke': all(404),
  'GET /api/field/devices/:id/state': all(200),
  'POST /api/field/devices/:id/erased': all(200),
  'GET /api/field/cases': all(200),
  'PUT /api/field/cases/:id': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'DELETE /api/field/cases/:id': all(200),
  'GET /api/field/package': by({ supervisor: 400, caseworker: 400, interviewer: 400, rest: 403 }),
  'GET /api/local-plans': by({ ...planReaders, rest: 403 }),
  'GET /api/local-plans/compare': by({ ...planReaders, rest: 403 }),
  'GET /api/insights/dashboard': by({
    administrator: 200,
    supervisor: 200,
    caseworker: 200,
    municipal_planner: 200,
    researcher: 200,
    donor_viewer: 200,
    rest: 403,
  }),
  'GET /api/insights/ctdc.csv': by({ researcher: 200, rest: 403 }),
  'GET /api/insights/ctdc/report': by({ researcher: 200, rest: 403 }),
  'POST /api/insights/synthetic': by({ researcher: 200, rest: 403 }),
  'POST /api/local-plans/:id/documents': by({ ...readOnly, municipal_planner: 415, rest: 404 }, { rest: 404 }),
  'GET /api/local-plans/:id/documents/:sub': all(404),
  'POST /api/agreements/:id/documents': by({ ...readOnly, municipal_planner: 415, rest: 404 }, { rest: 404 }),
  'GET /api/agreements/:id/documents/:sub': all(404),
  'POST /api/local-plans': by({ municipal_planner: 200, rest: 403 }, { municipal_planner: 400, rest: 403 }),
  'GET /api/local-plans/:id': by({ ...planReaders, rest: 404 }, { rest: 404 }),
  'POST /api/local-plans/:id/objectives': by({ ...readOnly, municipal_planner: 200, rest: 404 }, { rest: 404 }),
  'POST /api/local-plans/:id/actions': by({ ...readOnly, municipal_planner: 400, rest: 404 }, { rest: 404 }),
  'PATCH /api/local-plans/:id/actions/:sub': by({ ...readOnly, municipal_planner: 404, rest: 404 }, { rest: 404 }),
  'POST /api/local-plans/:id/indicators': by({ ...readOnly, municipal_planner: 200, rest: 404 }, { rest: 404 }),
  'PUT /api/local-plans/:id/indicators/:sub/values': by({ ...readOnly, rest: 404 }, { rest: 404 }),
  'POST /api/local-plans/:id/activities': by({ ...readOnly, municipal_planner: 200, rest: 404 }, { rest: 404 }),
  'POST /api/local-plans/:id/instruments': by({ ...readOnly, municipal_planner: 200, rest: 404 }, { rest: 404 }),
  'POST /api/local-plans/:id/instruments/:sub/status': by({ ...readOnly, rest: 404 }, { rest: 404 }),
  'GET /api/local-plans/:id/report.pdf': by({ ...planReaders, rest: 404 }, { rest: 404 }),
  'GET /api/local-plans/:id/report.xlsx': by({ ...planReaders, rest: 404 }, { rest: 404 }),
  'GET /api/agreements': by({ ...planReaders, rest: 403 }),
  'POST /api/agreements': by({ municipal_planner: 200, rest: 403 }, { municipal_planner: 400, rest: 403 }),
  'GET /api/agreements/:id': by({ ...planReaders, rest: 404 }, { rest: 404 }),
  'POST /api/agreements/:id/commitments/:sub/status': by({ ...readOnly, rest: 404 }, { rest: 404 }),
  'GET /api/insights/htcds.csv': by({ supervisor: 200, caseworker: 200, rest: 403 }),
  'GET /api/insights/htcds.xlsx': by({ supervisor: 200, caseworker: 200, rest: 403 }),
  'POST /api/insights/htcds/imports': by({ supervisor: 415, caseworker: 415, rest: 403 }),
  'GET /api/insights/htcds/imports/:id': all(404),
  'POST /api/insights/htcds/imports/:id/commit': all(404),
  // forms (issue 19): entries below this line
  'POST /api/forms': by({ administrator: 415, rest: 403 }),
  'GET /api/forms': by({ administrator: 200, rest: 403 }),
  'GET /api/forms/:id': by({ administrator: 200, rest: 404 }, { administrator: 200, rest: 404 }),
  'GET /api/forms/:id/versions/:number': by({ administrator: 200, rest: 404 }, { administrator: 200, rest: 404 }),
  'POST /api/forms/:id/attachments': by({ administrator: 200, rest: 404 }, { administrator: 400, rest: 404 }),
  'DELETE /api/forms/:id/attachments/:sub': by({ administrator: 200, rest: 404 }, { rest: 404 }),
  'GET /api/cases/:id/forms': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'PUT /api/cases/:id/forms/:sub': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  // studies (issue 19): entries below this line
  // The study is open, of another organisation (orgIn), in one parish of the place: nobody here owns it (managing,
  // progress, form and imports answer 404); analysts whose jurisdiction covers its parish read it and its protected
  // tables; the interviewer collects there. Outside, it does not exist for anyone. Owners' rights: studies tests.
  'GET /api/studies': by({
    administrator: 200,
    supervisor: 200,
    caseworker: 200,
    municipal_planner: 200,
    researcher: 200,
    interviewer: 200,
    donor_viewer: 200,
    rest: 403,
  }),
  'POST /api/studies': all(400),
  'GET /api/studies/:id': by({ ...studyAnalysts, interviewer: 200, rest: 404 }, { rest: 404 }),
  'PATCH /api/studies/:id': by({ rest: 404 }, { rest: 404 }),
  'POST /api/studies/:id/form': by({ rest: 404 }, { rest: 404 }),
  'POST /api/studies/:id/submissions': by({ interviewer: 200, rest: 404 }, { rest: 404 }),
  'GET /api/studies/:id/progress': by({ rest: 404 }, { rest: 404 }),
  'GET /api/studies/:id/analysis': by({ ...studyAnalysts, rest: 404 }, { rest: 404 }),
  'GET /api/studies/:id/export.csv': by({ ...studyAnalysts, rest: 404 }, { rest: 404 }),
  'GET /api/studies/:id/export.xlsx': by({ ...studyAnalysts, rest: 404 }, { rest: 404 }),
  'POST /api/studies/:id/imports': by({ rest: 404 }, { rest: 404 }),
  // catalogues (issue 20): entries below this line. The legal catalogues hold no personal data: everyone reads them.
  'GET /api/catalogues/:list': all(200),
  // Only administrators (catalogues:manage) add or change entries; entries are configuration, not records of a place.
  'POST /api/catalogues/:list': by({ administrator: 200, rest: 403 }),
  'PATCH /api/catalogues/:list/:entry': by({ administrator: 200, rest: 403 }),
  // board (issue 20): entries below this line
  // These routes name a girl's case (issue 20's records are a child's). Its sub-records are real (a notification, a
  // pending emergency-custody measure, a case file as proof): the case's own staff record on them, nobody else
  // reaches the case (404, the prosecutor without a referral too).
  'GET /api/cases/:id/board': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/board/notifications': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'GET /api/cases/:id/board/notifications/:sub/pdf': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/board/notifications/:sub/delivery': by(
    { supervisor: 200, caseworker: 200, rest: 404 },
    { rest: 404 },
  ),
  'POST /api/cases/:id/board/hearings': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/board/measures': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/board/measures/:sub/reviews': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/board/measures/:sub/ratification': by(
    { supervisor: 200, caseworker: 200, rest: 404 },
    { rest: 404 },
  ),
  'POST /api/cases/:id/board/measures/:sub/end': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  // returns (issue 20): entries below this line
  // Places abroad are ISO reference data (no personal data). The case's cross-border work is the section 'returns':
  // read where the case is reachable; written (valid bodies, real exchange, return, plan and visit) by the case's own
  // staff (cases:write); everyone else is out of reach (404). Receivers' 403: src/modules/returns tests.
  'GET /api/places/abroad': all(200),
  'GET /api/places/abroad/:country': all(200),
  'GET /api/cases/:id/returns': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/returns/exchanges': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/returns/exchanges/:sub/documents': by(
    { supervisor: 200, caseworker: 200, rest: 404 },
    { rest: 404 },
  ),
  'POST /api/cases/:id/returns/tracings': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/returns/assessments': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/returns/journeys': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/returns/journeys/:sub/arrival': by(
    { supervisor: 200, caseworker: 200, rest: 404 },
    { rest: 404 },
  ),
  'POST /api/cases/:id/returns/visits/:sub': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/returns/plans/:sub/close': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  // prosecution (issue 20): entries below this line
  // Valid bodies on a real complaint (filed at the first stage) and a real perpetrator: the case's own staff record
  // the proceedings (legal:write); the prosecutor here received no referral, so the case is out of his reach (404).
  // His rights through a received referral, role by role and route by route: prosecution.test.ts.
  'GET /api/cases/:id/prosecution': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/complaints': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'PATCH /api/cases/:id/complaints/:sub': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/complaints/:sub/stages': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/complaints/:sub/charges': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/complaints/:sub/hearings': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/complaints/:sub/outcome': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  // protection figures (issue 20): entries below this line
  // rights (issue 21): requests, holds, flags, erasure: entries below this line
  // Supervisors (rights:manage) handle the rights of persons whose cases they reach directly; a caseworker reaches the
  // case but may not (403); everyone else, and everything outside, is out of reach (404). The request named is an
  // access request (so erasing with it is refused, 409); the flag is on the child's person, the hold on the case.
  'GET /api/rights/requests': by({ supervisor: 200, rest: 403 }),
  'POST /api/rights/requests': by({ supervisor: 201, rest: 403 }, { supervisor: 404, rest: 403 }),
  'GET /api/rights/requests/:id': by({ supervisor: 200, caseworker: 403, rest: 404 }, { rest: 404 }),
  'POST /api/rights/requests/:id/answer': by({ supervisor: 200, caseworker: 403, rest: 404 }, { rest: 404 }),
  'POST /api/rights/requests/:id/erase': by({ supervisor: 409, caseworker: 403, rest: 404 }, { rest: 404 }),
  'POST /api/rights/requests/:id/flags': by({ supervisor: 201, caseworker: 403, rest: 404 }, { rest: 404 }),
  'DELETE /api/rights/flags/:flagId': by({ supervisor: 200, caseworker: 403, rest: 404 }, { rest: 404 }),
  // The case page's privacy card: the case's own staff read it.
  'GET /api/cases/:id/privacy': by({ supervisor: 200, caseworker: 200, rest: 404 }, { rest: 404 }),
  'GET /api/cases/:id/holds': by({ supervisor: 200, caseworker: 403, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/holds': by({ supervisor: 201, caseworker: 403, rest: 404 }, { rest: 404 }),
  'POST /api/cases/:id/holds/:holdId/lift': by({ supervisor: 200, caseworker: 403, rest: 404 }, { rest: 404 }),
  // rights export (issue 21): entries below this line
  // The access export of the fixture's access request: supervisors who reach its case directly; a caseworker reaches
  // the case but lacks rights:manage (403); everyone else, and everyone outside, never sees it (404).
  'GET /api/rights/requests/:id/export.json': by({ supervisor: 200, caseworker: 403, rest: 404 }, { rest: 404 }),
  'GET /api/rights/requests/:id/export.pdf': by({ supervisor: 200, caseworker: 403, rest: 404 }, { rest: 404 }),
  // retention (issue 21): entries below this line
  // Schedules are configuration (no personal data): administrators (retention:manage) only. The upcoming list names
  // case codes: administrators see every one, supervisors (rights:manage) those of cases they reach, others 403.
  'GET /api/retention/schedules': by({ administrator: 200, rest: 403 }),
  'PUT /api/retention/schedules/:recordType': by({ administrator: 200, rest: 403 }),
  'GET /api/retention/upcoming': by({ administrator: 200, supervisor: 200, rest: 403 }),
  // notices (issue 21): entries below this line
  'GET /api/privacy/notice': all(200),
  'GET /api/privacy/record': by({ administrator: 200, supervisor: 200, rest: 403 }),
  // insights releases, CTDC batches, synthetic (issue 21): entries below this line
};

const expected = (e: Expect, role: Role, place: 'inside' | 'outside') => {
  const row = place === 'outside' && e.outside ? e.outside : e.inside;
  return row[role] ?? row.rest;
};

for (const target of dbTargets()) {
  describe(`authorization matrix on ${target.name}`, () => {
    let t: TestApp;
    let sessions: SessionService;
    let reports: PublicReports;
    let intake: IntakeService;
    let provider: { id: string };
    let authority: { id: string };
    const system = systemActor;
    let n = 0;
    before(async () => {
      t = await openTestApp(target, { MINKA_RATE_LIMIT_MAX: 1_000_000 });
      await seedGeoDemo(new GeoService(t.db.handle.db));
      sessions = new SessionService(t.db.ctx);
      reports = new PublicReports(t.db.ctx);
      intake = new IntakeService(t.db.ctx);
      provider = await new DirectoryService(t.db.ctx).create(
        system,
        {
          name: 'Proveedor de prueba',
          organisationId: null,
          country: 'EC',
          division: '0603',
          services: ['Health'],
          minAge: null,
          maxAge: null,
          sexes: ['Any'],
          contact: null,
          hours: null,
        },
        'matrix',
      );
      authority = await new DirectoryService(t.db.ctx).create(
        system,
        {
          name: 'Autoridad extranjera de prueba',
          organisationId: null,
          kind: 'authority',
          country: 'CO',
          division: 'CO-NAR',
          services: ['local_FamilyReunification'],
          minAge: null,
          maxAge: null,
          sexes: ['Any'],
          contact: null,
          hours: null,
        },
        'matrix',
      );
    });
    after(() => t.close());

    it('has an entry for every registered /api route', () => {
      const missing = t.app.routeList
        .filter((r) => r.url.startsWith('/api'))
        .map((r) => `${r.method} ${r.url}`)
        .filter((k) => !matrix[k]);
      assert.deepEqual(missing, [], 'add these routes to the authorization matrix');
      const registered = new Set(t.app.routeList.map((r) => `${r.method} ${r.url}`));
      assert.deepEqual(
        Object.keys(matrix).filter((k) => !registered.has(k)),
        [],
        'matrix rows for routes that no longer exist',
      );
    });

    type Place = 'inside' | 'outside';
    interface Fixtures {
      code: string;
      orgIn: string;
      targetUser: { id: string; email: string };
      targetSession: string;
      targetCase: { id: string; code: string };
      mergeSource: { personId: string };
      keepPerson: string;
      targetReport: string;
      targetPlan: string;
      targetAgreement: string;
      targetSharing: string;
      targetForm: { id: string; attachment: string };
      targetStudy: string;
      childCase: { id: string; code: string };
      /** Issue 21's rights records: an access request and a legal hold on the case, a flag on the child's person. */
      rights: { request: string; hold: string; flag: string };
      /** Issue 20's sub-records of the child's case. */
      sub: Record<
        'file' | 'notification' | 'measure' | 'exchange' | 'journey' | 'visit' | 'plan' | 'complaint',
        string
      > & {
        perpetrator: string;
        parish: string;
      };
    }
    interface Caller {
      email: string;
      headers: Record<string, string>;
    }
    // Read-only checks share one set of records per place and one signed-in person per role; a request that
    // changed something (a write that was not refused) marks its place's records and its caller as used, and the
    // next check builds fresh ones.
    const fixtures = new Map<Place, Fixtures>();
    const callers = new Map<Role, Caller>();
    let actorOrg = '';
    const personOf = async (caseId: string) =>
      (await t.db.handle.db.selectFrom('cases').select('person_id').where('id', '=', caseId).executeTakeFirstOrThrow())
        .person_id;
    const newCase = (code: string, first: string, age = 30) =>
      intake.intake(
        // The actors' organisation owns the cases: its staff reach them inside their jurisdiction, nobody else.
        { ...system, orgId: actorOrg },
        {
          draft: false,
          division: { country: 'EC', code },
          person: { prs_FirstName: first, prs_SecondName: 'Prueba Matriz', local_Languages: [], prs_Citizenship: [] },
          local_AgeAtIntake: age,
          vic_TypeOfExploitation: [],
          vic_MethodOfRecruitment: [],
          events: [],
        },
        'matrix',
      );
    async function build(place: Place): Promise<Fixtures> {
      const code = place === 'inside' ? '0603' : '0101';
      const orgIn = await makeOrg(t.db.ctx, code);
      const targetUser = await makeUser(t.db.ctx, { role: 'municipal_planner', scope: code, orgId: orgIn });
      const targetSession = (await sessions.create(targetUser.id, true)).session.id;
      const targetCase = await newCase(code, 'Persona');
      const merge = await newCase(code, 'Duplicada');
      const targetReport = await reports.submit({
        what: 'Prueba de matriz',
        division: code,
        forms: ['other'],
        child: null,
        people: null,
        danger: false,
        language: 'es',
        channel: 'web',
        withReceipt: false,
      });
      const now = new Date().toISOString();
      const targetPlan = crypto.randomUUID();
      const targetAgreement = crypto.randomUUID();
      const targetSharing = crypto.randomUUID();
      const db = t.db.handle.db;
      await db
        .insertInto('local_plans')
        .values({
          id: targetPlan,
          title: 'Plan de matriz',
          country_code: 'EC',
          division_code: code,
          year_from: 2090,
          year_to: 2090,
          status: 'draft',
          agreement_id: null,
          created_by: 'matrix',
          created_at: now,
          updated_at: now,
        })
        .execute();
      await db
        .insertInto('agreements')
        .values({
          id: targetAgreement,
          title: 'Convenio de matriz',
          purpose: null,
          parties: JSON.stringify([orgIn]),
          country_code: 'EC',
          division_code: code,
          signed_on: '2026-01-01',
          ends_on: null,
          renewed_from: null,
          created_by: 'matrix',
          created_at: now,
          updated_at: now,
        })
        .execute();
      await db
        .insertInto('sharing_agreements')
        .values({
          id: targetSharing,
          from_org_id: orgIn,
          to_org_id: actorOrg,
          sections: JSON.stringify(['identity']),
          country_code: 'EC',
          places: JSON.stringify([code]),
          starts_on: '2026-01-01',
          ends_on: '2099-01-01',
          legal_basis: 'Convenio de prueba',
          created_by: 'matrix',
          created_at: now,
          ended_at: null,
          ended_by: null,
        })
        .execute();
      const targetForm = await formFixture(db, code);
      const targetStudy = await studyFixture(db, code === '0603' ? '060352' : '010150', orgIn);
      // Board procedure, return and prosecution are a child's: their routes name a girl's case of the same place.
      const childCase = await newCase(code, 'Niña', 12);
      const sub = await protectionFixtures(childCase.id, code === '0603' ? '060352' : '010150');
      const rights = await rightsFixtures(targetCase.id, await personOf(targetCase.id), await personOf(childCase.id));
      return {
        code,
        orgIn,
        targetUser,
        targetSession,
        targetCase,
        mergeSource: { personId: await personOf(merge.id) },
        keepPerson: await personOf(targetCase.id),
        targetReport: targetReport.id,
        targetPlan,
        targetAgreement,
        targetSharing,
        targetForm,
        targetStudy,
        childCase,
        sub,
        rights,
      };
    }
    /** An open access request and an active legal hold on the case, an active objection flag on another person. */
    async function rightsFixtures(
      caseId: string,
      personId: string,
      flaggedPerson: string,
    ): Promise<Fixtures['rights']> {
      const db = t.db.handle.db;
      const now = new Date().toISOString();
      const ids = { request: crypto.randomUUID(), hold: crypto.randomUUID(), flag: crypto.randomUUID() };
      await db
        .insertInto('data_requests')
        .values({
          id: ids.request,
          code: `SOL-MATRIZ-${ids.request.slice(0, 8)}`,
          person_id: personId,
          case_id: caseId,
          right: 'access',
          requester_enc: null,
          channel: 'letter',
          language: 'es',
          note_enc: null,
          received_on: now.slice(0, 10),
          due_on: now.slice(0, 10),
          status: 'open',
          answered_on: null,
          answered_by: null,
          outcome_enc: null,
          refusal_reason: null,
          created_by: 'matrix',
          created_at: now,
          updated_at: now,
        })
        .execute();
      await db
        .insertInto('legal_holds')
        .values({
          id: ids.hold,
          case_id: caseId,
          reason_enc: null,
          basis_enc: null,
          placed_by: 'matrix',
          placed_at: now,
          lifted_by: null,
          lifted_at: null,
          lift_reason_enc: null,
        })
        .execute();
      await db
        .insertInto('person_flags')
        .values({
          id: ids.flag,
          person_id: flaggedPerson,
          flag: 'objection',
          request_id: null,
          set_by: 'matrix',
          set_at: now,
          lifted_by: null,
          lifted_at: null,
          lift_reason_enc: null,
        })
        .execute();
      return ids;
    }
    /**
     * The child's case's board, cross-border and prosecution records, made through their services by the owning
     * organisation (the case file, proof of delivery and document exchanged, is stored as a row).
     */
    async function protectionFixtures(caseId: string, parish: string): Promise<Fixtures['sub']> {
      const db = t.db.handle.db;
      const owner = { ...system, orgId: actorOrg };
      const now = new Date().toISOString();
      const file = crypto.randomUUID();
      await db
        .insertInto('case_files')
        .values({
          id: file,
          case_id: caseId,
          kind: 'pdf',
          mime: 'application/pdf',
          size: 4,
          name_enc: null,
          created_by: 'matrix',
          created_at: now,
        })
        .execute();
      await new Board(t.db.ctx).notify(
        owner,
        caseId,
        { facts: 'Hechos de matriz', request: 'Pedido de matriz', language: 'es' },
        'matrix',
        'es',
      );
      const day = '2026-01-10';
      await new Measures(t.db.ctx).add(
        owner,
        caseId,
        { type: 'emergency_custody', decidedOn: day, startOn: day, responsible: 'Institución de matriz' },
        'matrix',
        'es',
      );
      const returns = new Reintegration(t.db.ctx);
      await returns.addExchange(
        owner,
        caseId,
        { direction: 'incoming', authorityId: authority.id, country: 'CO', division: 'CO-NAR', exchangedOn: day },
        'matrix',
      );
      await returns.addAssessment(
        owner,
        caseId,
        {
          assessedOn: day,
          assessor: 'Evaluadora de matriz',
          findings: 'Hallazgos de matriz',
          childView: 'Opinión de matriz',
          decision: 'return',
          reasons: 'Razones de matriz',
        },
        'matrix',
      );
      const journey = {
        fromCountry: 'CO',
        fromDivision: 'CO-NAR',
        toDivision: parish,
        departedOn: day,
        receivingProviderId: provider.id,
      };
      await returns.addReturn(owner, caseId, journey, 'matrix');
      await returns.addReturn(owner, caseId, { ...journey, arrivedOn: '2026-01-12' }, 'matrix');
      await new RecordService(t.db.ctx).add(
        owner,
        caseId,
        'perpetrator',
        { per_RoleInProcess: ['Exploiter'] },
        'matrix',
      );
      await new ProsecutionService(t.db.ctx).create(owner, caseId, { filedOn: day }, 'es', 'matrix');
      const one = async <
        T extends
          | 'board_measures'
          | 'cross_border_exchanges'
          | 'reintegration_plans'
          | 'monitoring_visits'
          | 'complaints'
          | 'case_perpetrators'
          | 'board_notifications',
      >(
        table: T,
      ) =>
        (
          (await db
            .selectFrom(table as 'complaints')
            .select('id')
            .where('case_id', '=', caseId)
            .executeTakeFirstOrThrow()) as { id: string }
        ).id;
      const pending = await db
        .selectFrom('case_returns')
        .select('id')
        .where('case_id', '=', caseId)
        .where('arrived_on', 'is', null)
        .executeTakeFirstOrThrow();
      return {
        file,
        notification: await one('board_notifications'),
        measure: await one('board_measures'),
        exchange: await one('cross_border_exchanges'),
        journey: pending.id,
        visit: await one('monitoring_visits'),
        plan: await one('reintegration_plans'),
        complaint: await one('complaints'),
        perpetrator: await one('case_perpetrators'),
        parish,
      };
    }
    async function fixturesFor(place: Place) {
      if (!fixtures.has(place)) fixtures.set(place, await build(place));
      return fixtures.get(place)!;
    }
    async function callerFor(role: Role) {
      if (!callers.has(role)) {
        const actor = await makeUser(t.db.ctx, {
          role,
          scope: '0603',
          orgId: actorOrg,
          totp: needsSecondFactor(systemRoles[role]!),
        });
        const own = await sessions.create(actor.id, true);
        callers.set(role, {
          email: actor.email,
          headers: { cookie: `minka_session=${own.token}`, 'x-csrf-token': sessions.csrfToken(own.session) },
        });
      }
      return callers.get(role)!;
    }

    /** One request of the matrix; the failures it shows (empty when it holds). */
    async function check(key: string, role: Role, place: Place): Promise<string[]> {
      const failures: string[] = [];
      const [method, url] = key.split(' ') as [string, string];
      n++;
      const f = await fixturesFor(place);
      const caller = await callerFor(role);
      const { code, orgIn, targetUser, targetCase, mergeSource, keepPerson } = f;
      const path = url
        .replace('/api/docs/static/*', '/api/docs/static/swagger-ui.css')
        .replace(':country', 'EC')
        .replace(':code', code)
        .replace('/users/:id', `/users/${targetUser.id}`)
        .replace('/reports/:id', `/reports/${f.targetReport}`)
        .replace('/forms/:id', `/forms/${f.targetForm.id}`)
        .replace(':number', '1')
        .replace('/attachments/:sub', `/attachments/${f.targetForm.attachment}`)
        .replace('/forms/:sub', `/forms/${f.targetForm.id}`)
        .replace(/^\/api\/cases\/:id\/(board|returns|prosecution|complaints)\b/, `/api/cases/${f.childCase.id}/$1`)
        .replace('/cases/:id', `/cases/${targetCase.id}`)
        .replace('/rights/requests/:id', `/rights/requests/${f.rights.request}`)
        .replace('/rights/flags/:flagId', `/rights/flags/${f.rights.flag}`)
        .replace('/holds/:holdId', `/holds/${f.rights.hold}`)
        .replace('/directory/:id', `/directory/${provider.id}`)
        .replace('/transfers/:id', '/transfers/00000000-0000-4000-8000-000000000000')
        .replace('/studies/:id', `/studies/${f.targetStudy}`)
        .replace('/local-plans/:id', `/local-plans/${f.targetPlan}`)
        .replace('/sharing-agreements/:id', `/sharing-agreements/${f.targetSharing}`)
        .replace('/agreements/:id', `/agreements/${f.targetAgreement}`)
        .replace('/imports/:id', '/imports/00000000-0000-4000-8000-000000000000')
        .replace('/plans/:id', '/plans/00000000-0000-4000-8000-000000000000')
        .replace('/notifications/:id', '/notifications/00000000-0000-4000-8000-000000000000')
        .replace('/referrals/:id', '/referrals/00000000-0000-4000-8000-000000000000')
        .replace('/board/notifications/:sub', `/board/notifications/${f.sub.notification}`)
        .replace('/board/measures/:sub', `/board/measures/${f.sub.measure}`)
        .replace('/returns/exchanges/:sub', `/returns/exchanges/${f.sub.exchange}`)
        .replace('/returns/journeys/:sub', `/returns/journeys/${f.sub.journey}`)
        .replace('/returns/visits/:sub', `/returns/visits/${f.sub.visit}`)
        .replace('/returns/plans/:sub', `/returns/plans/${f.sub.plan}`)
        .replace('/complaints/:sub', `/complaints/${f.sub.complaint}`)
        .replace(':sub', '00000000-0000-4000-8000-000000000000')
        .replace('/persons/:id', `/persons/${mergeSource.personId}`)
        .replace('/organisations/:id', `/organisations/${orgIn}`)
        .replace('/sessions/:id', `/sessions/${f.targetSession}`)
        .replace('/devices/:id', '/devices/00000000-0000-4000-8000-000000000000')
        .replace(':key', 'caseworker')
        .replace(':lang', 'qu-EC')
        .replace(':list', 'offence')
        .replace(':entry', 'coip_91')
        .replace(':recordType', 'attachments');
      const bodies: Record<string, object> = {
        'POST /api/catalogues/:list': {
          key: `matriz_${n}`,
          labels: { es: `Delito de matriz ${n}` },
          source: 'COIP (prueba de matriz)',
          data: { trafficking: false },
        },
        'PATCH /api/catalogues/:list/:entry': { source: 'COIP art. 91' },
        'PUT /api/retention/schedules/:recordType': { warningDays: 31 },
        'POST /api/field/devices': { name: 'Teléfono de matriz' },
        'POST /api/forms/:id/attachments': { division: { country: 'EC', code: code === '0603' ? '060352' : '010150' } },
        'PUT /api/cases/:id/forms/:sub': { answers: { nota: 'Nota de matriz' }, version: 0 },
        'POST /api/studies/:id/submissions': {
          formVersion: 1,
          division: code === '0603' ? '060352' : '010150',
          consent: true,
          collectedAt: '2026-11-20T15:00:00.000Z',
          answers: { respuesta: 'si' },
        },
        'POST /api/local-plans': {
          title: `Plan ${n}`,
          division: { country: 'EC', code },
          yearFrom: 2031,
          yearTo: 2031,
        },
        'POST /api/local-plans/:id/objectives': { axis: 'prevention', text: 'Objetivo de matriz' },
        'POST /api/local-plans/:id/actions': {
          objectiveId: '00000000-0000-4000-8000-000000000000',
          title: 'Acción de matriz',
          budgetPlanned: 100,
        },
        'PATCH /api/local-plans/:id/actions/:sub': { status: 'done' },
        'POST /api/local-plans/:id/indicators': {
          code: 'M1',
          name: 'Indicador de matriz',
          kind: 'output',
          unit: 'count',
        },
        'PUT /api/local-plans/:id/indicators/:sub/values': { period: '2090', value: 1 },
        'POST /api/local-plans/:id/activities': {
          kind: 'training',
          title: 'Taller de matriz',
          heldOn: '2090-01-10',
          organisers: ['Organizadora de matriz'],
          participants: 12,
        },
        'POST /api/local-plans/:id/instruments': {
          kind: 'ordinance',
          title: 'Ordenanza de matriz',
          status: 'draft',
          date: '2090-01-10',
        },
        'POST /api/local-plans/:id/instruments/:sub/status': { status: 'approved', date: '2090-02-10' },
        'POST /api/agreements': {
          title: `Convenio ${n}`,
          parties: [orgIn, actorOrg],
          division: { country: 'EC', code },
          signedOn: '2026-01-01',
        },
        'POST /api/agreements/:id/commitments/:sub/status': { status: 'met' },
        'POST /api/admin/sharing-agreements': {
          fromOrgId: orgIn,
          toOrgId: actorOrg,
          sections: ['identity', 'age'],
          places: [code],
          startsOn: '2026-01-01',
          endsOn: '2099-01-01',
          legalBasis: 'Convenio de prueba',
        },
        'POST /api/auth/sign-in': {
          email: caller.email,
          password: testPassword,
          ...(needsSecondFactor(systemRoles[role]!) ? { totp: totpNow() } : {}),
        },
        'POST /api/auth/totp/confirm': { code: '123456' },
        'POST /api/auth/password': { currentPassword: testPassword, newPassword: 'a different long phrase' },
        'POST /api/auth/language': { language: 'en' },
        'POST /api/auth/link': { token: 'x'.repeat(43), password: 'a different long phrase' },
        'POST /api/admin/organisations': { name: `Org ${n}`, type: 'NGO', division: { country: 'EC', code } },
        'PATCH /api/admin/organisations/:id': { name: `Renamed ${n}` },
        'POST /api/admin/users': {
          email: `inv${n}@prueba.test`,
          name: 'Invitada Prueba',
          organisationId: orgIn,
          roles: ['municipal_planner'],
          scope: { country: 'EC', code },
        },
        'PATCH /api/admin/users/:id': { name: 'Nombre Cambiado Prueba' },
        'POST /api/admin/roles': { key: `custom_${n}`, permissions: ['plans:read'] },
        'PUT /api/admin/roles/:key': { permissions: [...systemRoles.caseworker!] },
        'POST /api/reports/:id/assign': { userId: null },
        'POST /api/reports/:id/status': { status: 'in_review' },
        'POST /api/reports/:id/messages': { body: '¿Puede contarnos más?' },
        'POST /api/reports/:id/link-case': { caseCode: targetCase.code },
        'POST /api/cases/search': { name: 'prueba' },
        'POST /api/directory': {
          name: 'Casa de acogida de prueba',
          country: 'EC',
          division: code,
          services: ['local_Shelter'],
        },
        'PATCH /api/directory/:id': { hours: '24 h' },
        'POST /api/transfers/:id/respond': { accept: true },
        'POST /api/cases/:id/plans': { spl_Objectives: 'Alojamiento seguro', spl_Type: ['local_Shelter'] },
        'POST /api/plans/:id/review': { approve: true },
        'POST /api/plans/:id/complete': { spl_ActualEndDate: '2027-02-01' },
        'POST /api/cases/:id/legal': { stage: 'Complaint', date: '2027-01-10' },
        'POST /api/cases/:id/reopen': { reason: 'Nueva información' },
        'POST /api/cases/:id/tasks': { dueAt: '2027-01-01T00:00:00.000Z' },
        'POST /api/cases/:id/referrals': { providerId: provider.id, services: ['Health'] },
        'POST /api/referrals/:id/respond': { accept: true },
        'POST /api/referrals/:id/deliver': { service: 'Health' },
        'POST /api/admin/users/search': { identityNumber: '9912345678' },
        'POST /api/persons/candidates': { prs_FirstName: 'Persona', prs_SecondName: 'Prueba' },
        'POST /api/cases': {
          division: { country: 'EC', code },
          person: { prs_FirstName: 'Nueva', prs_SecondName: 'Persona Prueba' },
          local_AgeAtIntake: 25,
        },
        'POST /api/cases/:id/screening': { type: 'labour', indicators: ['excessive_hours'] },
        'POST /api/cases/:id/decision': {
          vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
          vic_TraffickingStatusDecisionMakingOrg: 'NGO',
          reason: 'Indicadores de prueba',
        },
        'POST /api/cases/:id/consents': { scope: 'DataProcessing', givenBy: 'Self' },
        'POST /api/cases/:id/safeguards': { guardian: 'Tutor de prueba' },
        'POST /api/cases/:id/comments': { cco_CaseComment: 'Comentario de prueba' },
        'PATCH /api/cases/:id': { version: 1, fields: { local_MonthsExploited: 3 } },
        'PATCH /api/cases/:id/person': { version: 1, fields: { prs_Gender: 'Feminine' } },
        'POST /api/cases/:id/events': { hte_Type: 'Transit', hte_Country: 'CO' },
        'PATCH /api/cases/:id/events/:sub': { version: 1, fields: { hte_Country: 'PE' } },
        'POST /api/cases/:id/perpetrators': { per_RoleInProcess: ['Exploiter'] },
        'PATCH /api/cases/:id/perpetrators/:sub': { version: 1, fields: { per_Gender: 'Masculine' } },
        'POST /api/cases/:id/history/:sub/restore': { reason: 'Prueba de matriz' },
        'POST /api/persons/:id/merge': { into: keepPerson },
        'POST /api/cases/:id/close': { cas_Status: 'Closed', cas_ReasonForCaseClosure: 'Cierre de prueba' },
        'POST /api/cases/:id/closure': { cas_Status: 'Closed', cas_ReasonForCaseClosure: 'Cierre de prueba' },
        'POST /api/cases/:id/closure/decision': { approve: true },
        'POST /api/cases/:id/board/notifications': { facts: 'Hechos de matriz', request: 'Pedido de matriz' },
        'POST /api/cases/:id/board/notifications/:sub/delivery': {
          deliveredAt: new Date().toISOString(),
          method: 'in_person',
          receiver: 'Recepción de matriz',
          proofFileId: f.sub.file,
        },
        'POST /api/cases/:id/board/hearings': { heldOn: '2026-01-10', kind: 'initial' },
        'POST /api/cases/:id/board/measures': {
          type: 'family_support',
          decidedOn: '2026-01-10',
          startOn: '2026-01-10',
          responsible: 'Institución de matriz',
        },
        'POST /api/cases/:id/board/measures/:sub/reviews': { reviewedOn: '2026-01-10', outcome: 'maintained' },
        'POST /api/cases/:id/board/measures/:sub/ratification': {
          answer: 'ratified',
          on: '2026-01-10',
          courtReference: 'Juzgado de matriz',
        },
        'POST /api/cases/:id/board/measures/:sub/end': { status: 'ended', on: '2026-01-10' },
        'POST /api/cases/:id/returns/exchanges': {
          direction: 'outgoing',
          authorityId: authority.id,
          country: 'CO',
          division: 'CO-NAR',
          exchangedOn: '2026-01-10',
        },
        'POST /api/cases/:id/returns/exchanges/:sub/documents': { fileId: f.sub.file, type: 'social_report' },
        'POST /api/cases/:id/returns/tracings': {
          tracedOn: '2026-01-10',
          tracedBy: 'Rastreadora de matriz',
          division: f.sub.parish,
          result: 'found',
        },
        'POST /api/cases/:id/returns/assessments': {
          assessedOn: '2026-01-10',
          assessor: 'Evaluadora de matriz',
          findings: 'Hallazgos de matriz',
          childView: 'Opinión de matriz',
          decision: 'return',
          reasons: 'Razones de matriz',
        },
        'POST /api/cases/:id/returns/journeys': {
          fromCountry: 'CO',
          toDivision: f.sub.parish,
          departedOn: '2026-01-10',
          receivingProviderId: provider.id,
        },
        'POST /api/cases/:id/returns/journeys/:sub/arrival': { arrivedOn: '2026-01-12' },
        'POST /api/cases/:id/returns/visits/:sub': { doneOn: '2026-02-12', outcome: 'on_track' },
        'POST /api/cases/:id/returns/plans/:sub/close': { outcome: 'reintegrated', closedOn: '2026-03-01' },
        'POST /api/cases/:id/complaints': { filedOn: '2026-01-10', prosecutorOffice: 'Fiscalía de matriz' },
        'PATCH /api/cases/:id/complaints/:sub': { institution: 'Institución de matriz' },
        'POST /api/cases/:id/complaints/:sub/stages': { stage: 'instruction', reachedOn: '2026-02-10' },
        'POST /api/cases/:id/complaints/:sub/charges': { perpetratorId: f.sub.perpetrator, offences: ['coip_91'] },
        'POST /api/cases/:id/complaints/:sub/hearings': { heldOn: '2026-02-10', kind: 'charges_formulation' },
        'POST /api/cases/:id/complaints/:sub/outcome': { outcome: 'dismissal', outcomeOn: '2026-03-10' },
        'POST /api/rights/requests': {
          caseId: targetCase.id,
          right: 'access',
          requester: 'Solicitante de matriz',
          channel: 'letter',
          language: 'es',
          receivedOn: new Date().toISOString().slice(0, 10),
        },
        'POST /api/rights/requests/:id/answer': { outcome: 'withdrawn', note: 'Retirada en la matriz' },
        'POST /api/rights/requests/:id/erase': { confirmCode: targetCase.code },
        'POST /api/rights/requests/:id/flags': { flag: 'restriction' },
        'DELETE /api/rights/flags/:flagId': { reason: 'Levantada en la matriz' },
        'POST /api/cases/:id/holds': { reason: 'Retención de matriz', basis: 'Oficio de matriz' },
        'POST /api/cases/:id/holds/:holdId/lift': { reason: 'Levantada en la matriz' },
        'POST /api/reports/webhook/rapidpro': { contact: { urn: 'tel:+593990000003' }, results: {} },
      };
      const body = bodies[key] ?? (method === 'GET' ? undefined : {});
      const queries: Record<string, string> = {
        'GET /api/geo/search': '?q=colta',
        'GET /api/reports/reply-templates': '?lang=qu-EC',
      };
      const q = queries[key] ?? '';
      const written = () =>
        t.db.handle.db
          .selectFrom('record_changes')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('case_id', '=', path.includes(f.childCase.id) ? f.childCase.id : targetCase.id)
          .executeTakeFirstOrThrow()
          .then((r) => Number(r.n));
      const writtenBefore = method === 'GET' ? 0 : await written();
      const res = await t.app.inject({
        method: method as 'GET',
        url: path + q,
        headers: caller.headers,
        ...(body ? { payload: body } : {}),
      });
      const want = expected(matrix[key]!, role, place);
      if (method !== 'GET' && res.statusCode >= 400 && (await written()) !== writtenBefore)
        failures.push(`${key} as ${role} ${place}: refused with ${res.statusCode} but changed the case record`);
      if (res.statusCode !== want)
        failures.push(`${key} as ${role} ${place}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
      if (res.statusCode === 403 && /"code":"forbidden"/.test(res.body) && /\/:id/.test(url) && place === 'outside') {
        failures.push(`${key} as ${role} outside: a record out of reach must answer 404, not 403`);
      }
      // A change that went through used up the records it named, or (signing in or out, a new password, a second
      // factor) the caller's session.
      if (method !== 'GET' && res.statusCode < 400) {
        if (url.includes('/:')) fixtures.delete(place);
        if (url.startsWith('/api/auth/')) callers.delete(role);
      }
      return failures;
    }

    it('holds for every route, role and place, answering 404 (never 403) for records out of reach', async () => {
      actorOrg = await makeOrg(t.db.ctx, '0603');
      const failures: string[] = [];
      const places: Place[] = ['inside', 'outside'];
      for (const key of Object.keys(matrix)) {
        const pairs = (roleKeys as Role[]).flatMap((role) => places.map((place) => [role, place] as const));
        // Reads, and writes that must be refused, change nothing: they run at once on shared records. Writes
        // that go through run one by one, each on fresh records.
        const atOnce = key.startsWith('GET ') ? pairs : pairs.filter(([r, p]) => expected(matrix[key]!, r, p) >= 400);
        for (const place of places) await fixturesFor(place);
        for (const role of roleKeys as Role[]) await callerFor(role);
        failures.push(...(await Promise.all(atOnce.map(([r, p]) => check(key, r, p)))).flat());
        for (const [r, p] of pairs)
          if (!atOnce.some(([a, b]) => a === r && b === p)) failures.push(...(await check(key, r, p)));
      }
      assert.deepEqual(failures, []);
    });
  });
}
