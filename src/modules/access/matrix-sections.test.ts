import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrg, makeUser, systemActor } from '../../../tests/support/access';
import { openTestApp, type TestApp } from '../../../tests/support/app';
import { dbTargets } from '../../../tests/support/db';
import { IntakeService } from '../cases/intake';
import { type CaseSection, caseSections } from '../cases/vocabulary';
import { seedGeoDemo } from '../geo/demo';
import { GeoService } from '../geo/service';
import { purposeSections } from '../referrals/vocabulary';
import { systemRoles } from './permissions';
import { needsSecondFactor } from './policy';
import { SessionService } from './sessions';

// The authorization matrix, by section: what a receiver sees of a case for every referral purpose, under each
// consent state (given, narrowed to some sections, overridden by a supervisor, withdrawn), after completion and its
// grace period, through a data-sharing agreement (running, past its end date, ended by hand), and what another
// organisation in the same jurisdiction sees (nothing). The case belongs to organisation A in Colta (0603).
type Detail = Record<string, unknown> & { person: Record<string, unknown> };
const filled = (x: unknown) => (Array.isArray(x) ? x.length > 0 : x !== null && x !== undefined);
/** Whether the case as a receiver got it shows the section (sections with their own routes are asked there). */
const inDetail: Partial<Record<CaseSection, (d: Detail) => boolean>> = {
  identity: (d) => filled(d.person.prs_FirstName),
  contact: (d) => filled(d.person.local_Contact),
  age: (d) => filled(d.ageAtIntake),
  languages: (d) => filled(d.person.local_Languages),
  vulnerabilities: (d) => filled(d.vic_Vulnerabilities),
  exploitation: (d) => filled(d.vic_TypeOfExploitation) && filled(d.events),
  perpetrators: (d) => filled(d.perpetrators),
  decision: (d) => filled(d.decisionReason) && filled(d.vic_TraffickingStatus),
  safeguards: (d) => filled(d.guardian) && filled(d.bestInterest),
  screening: (d) => filled(d.screening),
  consents: (d) => filled(d.consents),
  tasks: (d) => filled(d.tasks),
  comments: (d) => filled(d.comments),
};
const routeOf: Partial<Record<CaseSection, string>> = {
  plans: 'plans',
  legal: 'legal',
  measures: 'board',
  files: 'files',
  forms: 'forms',
  history: 'history',
  returns: 'returns',
};

for (const target of dbTargets()) {
  describe(`authorization matrix by section on ${target.name}`, () => {
    let t: TestApp;
    let sessions: SessionService;
    let caseId = '';
    let orgA = '';
    let worker: Record<string, string>;
    let boss: Record<string, string>;
    let admin: Record<string, string>;
    const today = new Date().toISOString().slice(0, 10);

    const person = async (role: string, scope: string, orgId: string) => {
      const u = await makeUser(t.db.ctx, { role, scope, orgId, totp: needsSecondFactor(systemRoles[role]!) });
      const s = await sessions.create(u.id, true);
      return { cookie: `minka_session=${s.token}`, 'x-csrf-token': sessions.csrfToken(s.session) };
    };
    const call = async (headers: Record<string, string>, method: string, url: string, payload?: object) => {
      const res = await t.app.inject({ method: method as 'GET', url, headers, ...(payload ? { payload } : {}) });
      return { status: res.statusCode, body: res.statusCode < 300 ? res.json() : res.body };
    };
    const ok = async (headers: Record<string, string>, method: string, url: string, payload?: object) => {
      const r = await call(headers, method, url, payload);
      assert.equal(r.status, 200, `${method} ${url}: ${r.status} ${String(r.body).slice(0, 200)}`);
      return r.body;
    };
    /** What the receiver sees: for each section, shown or not; null when the case answers 404. */
    const seen = async (headers: Record<string, string>) => {
      const r = await call(headers, 'GET', `/api/cases/${caseId}`);
      if (r.status === 404) return null;
      assert.equal(r.status, 200, String(r.body));
      const d = r.body as Detail;
      const out: CaseSection[] = [];
      for (const s of caseSections) {
        const route = routeOf[s];
        const shown = route
          ? (await call(headers, 'GET', `/api/cases/${caseId}/${route}`)).status === 200
          : inDetail[s]!(d);
        if (shown) out.push(s);
      }
      assert.deepEqual(d.sharing && (d.sharing as { sections: string[] }).sections, out, 'sharing names what shows');
      return out;
    };
    const listed = async (headers: Record<string, string>) =>
      ((await ok(headers, 'GET', '/api/cases?limit=100')).items as { id: string }[]).some((c) => c.id === caseId);
    const receiver = async (role = 'service_provider', scope = '0101') => {
      const orgId = await makeOrg(t.db.ctx, scope);
      return { orgId, headers: await person(role, scope, orgId) };
    };
    const consent = (orgId: string, sections?: CaseSection[]) =>
      ok(worker, 'POST', `/api/cases/${caseId}/consents`, {
        scope: 'SharingWithOrganisation',
        organisationId: orgId,
        givenBy: 'Guardian',
        giverName: 'Tutora de prueba',
        ...(sections ? { sections } : {}),
      });
    const refer = async (orgId: string, services: string[], by = worker, override?: string) =>
      (
        await ok(by, 'POST', `/api/cases/${caseId}/referrals`, {
          toOrgId: orgId,
          services,
          ...(override ? { override: { reason: override } } : {}),
        })
      ).id as string;

    before(async () => {
      t = await openTestApp(target, { MINKA_RATE_LIMIT_MAX: 1_000_000 });
      await seedGeoDemo(new GeoService(t.db.handle.db));
      sessions = new SessionService(t.db.ctx);
      orgA = await makeOrg(t.db.ctx, '0603');
      worker = await person('caseworker', '0603', orgA);
      boss = await person('supervisor', '0603', orgA);
      admin = await person('administrator', 'EC', orgA);
      const c = await new IntakeService(t.db.ctx).intake(
        { ...systemActor, orgId: orgA },
        {
          division: { country: 'EC', code: '060352' },
          person: {
            prs_FirstName: 'Rosa',
            prs_SecondName: 'Prueba Secciones',
            local_Languages: ['qu', 'es'],
            prs_Citizenship: ['EC'],
          },
          local_AgeAtIntake: 15,
          vic_TypeOfExploitation: ['ForcedLabour'],
          vic_MethodOfRecruitment: [],
          vic_Vulnerabilities: ['Addiction'],
          events: [{ hte_Type: 'Recruitment', hte_Country: 'EC' }],
          perpetrators: [{ per_FirstName: 'Tratante', per_RoleInProcess: ['Exploiter'] }],
        },
        'sections',
      );
      caseId = c.id;
      const d = (await ok(worker, 'GET', `/api/cases/${caseId}`)) as Detail;
      await ok(worker, 'PATCH', `/api/cases/${caseId}/person`, {
        version: d.person.version,
        fields: { local_Contact: 'Teléfono de prueba 0990000000' },
      });
      await ok(worker, 'POST', `/api/cases/${caseId}/decision`, {
        vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
        vic_TraffickingStatusDecisionMakingOrg: 'NGO',
        reason: 'Motivo reservado de prueba',
      });
      await ok(worker, 'POST', `/api/cases/${caseId}/safeguards`, {
        guardian: 'Tutora de prueba',
        bestInterest: 'Nota de interés superior de prueba',
      });
      await ok(worker, 'POST', `/api/cases/${caseId}/screening`, { type: 'labour', indicators: ['excessive_hours'] });
      await ok(worker, 'POST', `/api/cases/${caseId}/tasks`, { dueAt: '2090-01-01T00:00:00.000Z' });
      await ok(worker, 'POST', `/api/cases/${caseId}/comments`, { cco_CaseComment: 'Comentario reservado' });
      await ok(worker, 'POST', `/api/cases/${caseId}/consents`, {
        scope: 'DataProcessing',
        givenBy: 'Guardian',
        giverName: 'Tutora de prueba',
      });
    });
    after(() => t.close());

    it('the owner sees every section; another organisation in the same jurisdiction sees nothing', async () => {
      const own = (await ok(worker, 'GET', `/api/cases/${caseId}`)) as Detail;
      assert.equal(own.sharing, null);
      for (const s of caseSections) if (inDetail[s]) assert.ok(inDetail[s]!(own), `owner sees ${s}`);
      const other = await receiver('caseworker', '0603');
      assert.equal(await seen(other.headers), null);
      assert.equal(await listed(other.headers), false);
      for (const route of Object.values(routeOf))
        assert.equal((await call(other.headers, 'GET', `/api/cases/${caseId}/${route}`)).status, 404, route);
    });

    it('a referral shows exactly the sections its purpose needs, for every purpose', async () => {
      const failures: string[] = [];
      for (const [purpose, sections] of Object.entries(purposeSections)) {
        // A caseworker of another organisation in the same canton, so that jurisdiction alone grants nothing.
        const r = await receiver(purpose === 'Health' ? 'caseworker' : 'service_provider', '0603');
        await consent(r.orgId);
        await refer(r.orgId, [purpose]);
        const got = await seen(r.headers);
        if (JSON.stringify(got) !== JSON.stringify(caseSections.filter((x) => sections.includes(x))))
          failures.push(`${purpose}: sees ${got?.join(',')}, should see ${sections.join(',')}`);
        if (!(await listed(r.headers))) failures.push(`${purpose}: the case is not in the receiver's list`);
      }
      assert.deepEqual(failures, []);
    });

    it('a health referral shows identity, age, languages and health notes, never perpetrators or the decision reason', async () => {
      const r = await receiver();
      await consent(r.orgId);
      await refer(r.orgId, ['Health']);
      const d = (await ok(r.headers, 'GET', `/api/cases/${caseId}`)) as Detail;
      assert.equal(d.person.prs_FirstName, 'Rosa');
      assert.deepEqual(d.perpetrators, []);
      assert.equal(d.decisionReason, null);
      assert.equal(d.guardian, null);
      assert.equal(d.bestInterest, null);
      assert.deepEqual(d.comments, []);
      assert.ok(!JSON.stringify(d).includes('Tratante'));
      assert.ok(!JSON.stringify(d).includes('reservad'));
      assert.equal((await call(r.headers, 'GET', `/api/cases/${caseId}/history`)).status, 404);
      assert.equal((await call(r.headers, 'GET', `/api/cases/${caseId}/files`)).status, 404);
      assert.equal(
        (await call(r.headers, 'POST', `/api/cases/${caseId}/comments`, { cco_CaseComment: 'x' })).status,
        403,
      );
    });

    it('consent narrowed to some sections, or overridden by a supervisor, decides with the purpose', async () => {
      const narrowed = await receiver();
      await consent(narrowed.orgId, ['identity', 'age', 'perpetrators']);
      await refer(narrowed.orgId, ['Health']);
      assert.deepEqual(await seen(narrowed.headers), ['identity', 'age']);
      const overridden = await receiver();
      await refer(overridden.orgId, ['Health'], boss, 'Urgencia médica sin posibilidad de consentimiento');
      assert.deepEqual(await seen(overridden.headers), purposeSections.Health);
    });

    it('withdrawing the consent ends the access at once (404), and the case leaves the list', async () => {
      const r = await receiver();
      const withConsent = (await consent(r.orgId)) as { consents: { id: string; organisationId: string | null }[] };
      const k = withConsent.consents.find((x) => x.organisationId === r.orgId)!;
      await refer(r.orgId, ['Health']);
      assert.deepEqual(await seen(r.headers), purposeSections.Health);
      await ok(worker, 'POST', `/api/cases/${caseId}/consents/${k.id}/withdraw`);
      assert.equal(await seen(r.headers), null);
      assert.equal(await listed(r.headers), false);
      assert.equal((await call(r.headers, 'GET', `/api/cases/${caseId}/referrals`)).status, 404);
    });

    it('a completed referral opens the case for the grace period, then 404', async () => {
      const r = await receiver();
      await consent(r.orgId);
      const id = await refer(r.orgId, ['Health']);
      await ok(r.headers, 'POST', `/api/referrals/${id}/respond`, { accept: true });
      assert.equal(
        (await ok(r.headers, 'POST', `/api/referrals/${id}/deliver`, { service: 'Health' })).status,
        'completed',
      );
      assert.deepEqual(await seen(r.headers), purposeSections.Health);
      const graceDays = t.db.ctx.config.MINKA_REFERRAL_GRACE_DAYS;
      const at = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
      await t.db.handle.db
        .updateTable('referrals')
        .set({ completed_at: at(graceDays - 1) })
        .where('id', '=', id)
        .execute();
      assert.deepEqual(await seen(r.headers), purposeSections.Health);
      await t.db.handle.db
        .updateTable('referrals')
        .set({ completed_at: at(graceDays + 1) })
        .where('id', '=', id)
        .execute();
      assert.equal(await seen(r.headers), null);
      assert.equal(await listed(r.headers), false);
    });

    it('a data-sharing agreement opens exactly its scope, ends on its end date and when ended', async () => {
      const agree = async (toOrgId: string, sections: CaseSection[], endsOn: string, places = ['0603']) =>
        (
          await ok(admin, 'POST', '/api/admin/sharing-agreements', {
            fromOrgId: orgA,
            toOrgId,
            sections,
            places,
            startsOn: '2026-01-01',
            endsOn,
            legalBasis: 'Convenio interinstitucional de prueba',
          })
        ).id as string;
      const d = await receiver('caseworker', '0101');
      const id = await agree(d.orgId, ['identity', 'exploitation', 'history'], '2099-12-31');
      assert.deepEqual(await seen(d.headers), ['identity', 'exploitation', 'history']);
      assert.equal(await listed(d.headers), true);
      assert.equal((await call(d.headers, 'PATCH', `/api/cases/${caseId}`, { version: 1, fields: {} })).status, 403);
      // Elsewhere (Cuenca) the same organisations' agreement covers nothing of this case.
      const elsewhere = await receiver('caseworker', '0101');
      await agree(elsewhere.orgId, ['identity'], '2099-12-31', ['0101']);
      assert.equal(await seen(elsewhere.headers), null);
      // It stops applying on its end date.
      const lapsed = await receiver('caseworker', '0101');
      await agree(lapsed.orgId, ['identity'], today);
      assert.equal(await seen(lapsed.headers), null);
      assert.equal(await listed(lapsed.headers), false);
      // Ended by hand: at once; ending it again is a conflict; it is in the audit trail.
      const ended = await ok(admin, 'POST', `/api/admin/sharing-agreements/${id}/end`);
      assert.equal(ended.state, 'ended');
      assert.equal(await seen(d.headers), null);
      assert.equal((await call(admin, 'POST', `/api/admin/sharing-agreements/${id}/end`)).status, 409);
      const actions = await t.db.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('record_id', '=', id)
        .execute();
      assert.deepEqual(actions.map((a) => a.action).sort(), ['sharing_agreement.created', 'sharing_agreement.ended']);
      const list = (await ok(admin, 'GET', '/api/admin/sharing-agreements')) as {
        id: string;
        state: string;
        places: { code: string; label: string }[];
      }[];
      assert.equal(list.find((a) => a.id === id)?.state, 'ended');
      // Each agreement's places carry their names (looked up once for the whole list).
      assert.deepEqual(list.find((a) => a.id === id)?.places, [{ code: '0603', label: 'Colta' }]);
      assert.ok(list.some((a) => a.places.some((p) => p.code === '0101' && p.label !== '0101')));
    });

    it('the case list names a shared case only when some grant shares its identity, and a name search follows', async () => {
      /** The case as the receiver's list shows it, and whether a search by its name finds it. */
      const inList = async (headers: Record<string, string>) => {
        const items = (await ok(headers, 'GET', '/api/cases?limit=100')).items as { id: string; name: string }[];
        const found = (await ok(headers, 'POST', '/api/cases/search', { name: 'Rosa', limit: 100 })).items as {
          id: string;
        }[];
        return { name: items.find((c) => c.id === caseId)?.name, byName: found.some((c) => c.id === caseId) };
      };
      const agreeTo = (toOrgId: string, sections: CaseSection[]) =>
        ok(admin, 'POST', '/api/admin/sharing-agreements', {
          fromOrgId: orgA,
          toOrgId,
          sections,
          places: ['0603'],
          startsOn: '2026-01-01',
          endsOn: '2099-12-31',
          legalBasis: 'Convenio interinstitucional de prueba',
        });
      // A referral whose consent leaves out the identity: listed without a name, and not found by it.
      const r = await receiver('caseworker', '0101');
      await consent(r.orgId, ['age', 'languages']);
      await refer(r.orgId, ['Health']);
      assert.deepEqual(await inList(r.headers), { name: '', byName: false });
      // An agreement that shares the identity adds to the referral's sections: now named and found.
      await agreeTo(r.orgId, ['identity']);
      assert.deepEqual(await inList(r.headers), { name: 'Rosa Prueba Secciones', byName: true });
      // An agreement alone, without the identity: listed without a name.
      const a = await receiver('caseworker', '0101');
      await agreeTo(a.orgId, ['exploitation']);
      assert.deepEqual(await inList(a.headers), { name: '', byName: false });
    });
  });
}
