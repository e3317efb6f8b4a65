import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { dbTargets, type TestDb } from '../../../tests/support/db';
import type { CaseTable } from '../../platform/db/types';
import { prng } from '../insights/generate';
import { livingRecordDefaults } from './intake';
import { People } from './people';
import { nameKeys, searchTerm } from './phonetic';
import { insertCase } from './repo';
import { type CaseFilter, listCases, personsWithTerm } from './repo-list';

// The case list reads one index per way of reach and merges the pages; this holds it to the plain definition (every
// case the filter admits, newest first, then by id) over many filters and all the pages, on both engines.

const orgs = ['org-a', 'org-b', 'org-c'];
const users = ['user-1', 'user-2', 'user-3'];
const divisions = Array.from({ length: 12 }, (_, i) => `06${String(50 + i).padStart(4, '0')}`);
const fakeNames: [string, string][] = [
  ['Sisa', 'Quishpe Guamán'],
  ['Sisa Killa', 'Quispe Lema'],
  ['Inti', 'Guamán Lema'],
  ['Rosa', 'Chimbo'],
  ['María José', 'Quishpe Chimbo'],
  ['Amaru', 'Yupanqui'],
];

interface Fixture {
  cases: CaseTable[];
  names: Map<string, string[]>;
}

function caseRow(r: () => number, personId: string, i: number): CaseTable {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  // Few distinct dates, so many cases share one and the id decides their order.
  const created = new Date(Date.UTC(2026, 0, 1 + Math.floor(r() * 20))).toISOString();
  return {
    id: randomUUID(),
    code: `TST-2026-${String(i).padStart(4, '0')}`,
    person_id: personId,
    original_person_id: null,
    status: r() < 0.7 ? 'Active' : 'Closed',
    stage: pick(['Intake', 'Screening', 'Protection']),
    country_code: r() < 0.95 ? 'EC' : 'CO',
    division_code: pick(divisions),
    owner_org_id: pick(orgs),
    owner_user_id: 'someone',
    assigned_user_id: r() < 0.3 ? pick(users) : null,
    is_minor: r() < 0.5 ? 1 : 0,
    age_at_intake: 10,
    age_when_trafficked: null,
    trafficking_status: r() < 0.5 ? 'PossibleVictimOfTrafficking' : null,
    decision_org: null,
    decision_reason_enc: null,
    decided_at: null,
    exploitation: JSON.stringify([pick(['ForcedBegging', 'ForcedLabour'])]),
    recruitment_methods: '[]',
    relationship_to_trafficker: null,
    control_methods: '[]',
    labour_industries: '[]',
    sex_exploitation: '[]',
    months_exploited: null,
    guardian_enc: null,
    best_interest_enc: null,
    closure_reason_enc: null,
    suggestions: null,
    vulnerabilities: '[]',
    ...livingRecordDefaults,
    version: 1,
    created_at: created,
    updated_at: created,
    closed_at: null,
  };
}

/** What the list must answer, computed the plain way over every case. */
function expected(fx: Fixture, f: CaseFilter, wantedPersons?: string[]): CaseTable[] {
  const reached = (c: CaseTable) =>
    (f.own &&
      ((c.owner_org_id === f.own.orgId && (!f.own.divisions || f.own.divisions.includes(c.division_code))) ||
        c.assigned_user_id === f.own.userId)) ||
    f.shared?.ids.includes(c.id) ||
    f.shared?.agreements.some((a) => c.owner_org_id === a.ownerOrgId && a.divisions.includes(c.division_code));
  return fx.cases
    .filter(
      (c) =>
        c.country_code === f.country &&
        reached(c) &&
        (!f.divisions || f.divisions.includes(c.division_code)) &&
        (!f.status || c.status === f.status) &&
        (!f.stage || c.stage === f.stage) &&
        (f.minor === undefined || c.is_minor === (f.minor ? 1 : 0)) &&
        (!f.assignedTo || c.assigned_user_id === f.assignedTo) &&
        (!f.exploitation || c.exploitation.includes(`"${f.exploitation}"`)) &&
        (!f.name || (wantedPersons ?? []).includes(c.person_id)),
    )
    .sort((a, b) =>
      a.created_at === b.created_at ? b.id.localeCompare(a.id) : b.created_at.localeCompare(a.created_at),
    );
}

async function allPages(db: TestDb, f: CaseFilter): Promise<string[]> {
  const out: string[] = [];
  let after: CaseFilter['after'];
  for (let page = 0; page < 200; page++) {
    const rows = await listCases(db.handle.db, { ...f, after });
    out.push(...rows.slice(0, f.limit).map((c) => c.id));
    if (rows.length <= f.limit) return out;
    const last = rows[f.limit - 1]!;
    after = { createdAt: last.created_at, id: last.id };
  }
  throw new Error('too many pages');
}

for (const target of dbTargets()) {
  describe(`the case list's queries on ${target.name}`, () => {
    let db: TestDb;
    const fx: Fixture = { cases: [], names: new Map() };
    before(async () => {
      db = await target.open();
      const people = new People(db.ctx);
      const r = prng(11);
      const persons: string[] = [];
      for (const [given, surnames] of fakeNames) {
        const p = await people.create(db.handle.db, {
          prs_FirstName: given,
          prs_SecondName: surnames,
          local_Languages: [],
          prs_Citizenship: [],
        });
        persons.push(p.id);
        fx.names.set(p.id, nameKeys(given, surnames));
      }
      for (let i = 0; i < 240; i++) {
        const row = caseRow(r, persons[Math.floor(r() * persons.length)]!, i);
        await insertCase(db.handle.db, row);
        fx.cases.push(row);
      }
    });
    after(() => db.cleanup());

    it('answers every page of what the plain definition admits, whatever the reach and filters', async () => {
      const r = prng(5);
      const sharedIds = fx.cases.filter(() => r() < 0.1).map((c) => c.id);
      const reaches: Pick<CaseFilter, 'own' | 'shared'>[] = [
        { own: { orgId: 'org-a', userId: 'user-1' } },
        { own: { orgId: 'org-a', userId: 'user-1', divisions: divisions.slice(0, 3) } },
        { own: { orgId: 'org-b', userId: 'user-2', divisions: divisions.slice(0, 10) } },
        { own: { orgId: 'org-c', userId: 'user-3', divisions: [] } },
        { shared: { ids: sharedIds, agreements: [{ ownerOrgId: 'org-b', divisions: divisions.slice(2, 12) }] } },
        {
          own: { orgId: 'org-a', userId: 'user-2', divisions: divisions.slice(5) },
          shared: { ids: sharedIds, agreements: [{ ownerOrgId: 'org-c', divisions: divisions.slice(0, 2) }] },
        },
      ];
      const filters: Partial<CaseFilter>[] = [
        {},
        { status: 'Active' },
        { minor: true, stage: 'Screening' },
        { divisions: [divisions[3]!] },
        { divisions: divisions.slice(1, 11), exploitation: 'ForcedBegging' },
        { assignedTo: 'user-1' },
        { assignedTo: 'user-2', minor: false },
        { minor: false, status: 'Closed', divisions: divisions.slice(0, 6) },
      ];
      let compared = 0;
      for (const reach of reaches)
        for (const filter of filters) {
          const f: CaseFilter = { country: 'EC', ...reach, ...filter, limit: 7 };
          const want = expected(fx, f).map((c) => c.id);
          assert.deepEqual(await allPages(db, f), want, JSON.stringify({ ...f, shared: Boolean(f.shared) }));
          compared += want.length;
        }
      assert.ok(compared > 500, 'the filters admit enough cases to page through');
    });

    it('finds by name through the persons with its term or along the list, with the same answer', async () => {
      const own = { orgId: 'org-a', userId: 'user-1', divisions: divisions.slice(0, 9) };
      const indexes = (term: string) => db.ctx.crypto.blindIndexes('name-phonetic', term);
      for (const name of [
        'quispe',
        'Sisa Quispe',
        'lema guaman inti',
        'María Chimbo',
        'Killa Amaru',
        'Chimbo de la Rosa',
      ]) {
        const words = nameKeys(name);
        const persons = [...fx.names].filter(([, keys]) => words.every((w) => keys.includes(w))).map(([id]) => id);
        const want = expected(fx, { country: 'EC', own, name: { term: [], rest: [] }, limit: 5 }, persons);
        const found = searchTerm(words)!;
        const withTerm = await personsWithTerm(db.handle.db, indexes(found.term), 100);
        for (const byPerson of [false, true]) {
          const f: CaseFilter = {
            country: 'EC',
            own,
            name: {
              term: indexes(found.term),
              rest: found.rest.map(indexes),
              persons: byPerson ? withTerm : undefined,
            },
            limit: 5,
          };
          assert.deepEqual(
            await allPages(db, f),
            want.map((c) => c.id),
            `${name}, ${byPerson ? 'by person' : 'along the list'}`,
          );
        }
        assert.ok(
          persons.every((p) => withTerm.includes(p)),
          name,
        );
      }
    });

    it('finds one case by its code within the reach only', async () => {
      const c = fx.cases.find((x) => x.country_code === 'EC' && x.owner_org_id === 'org-b')!;
      const own = (orgId: string) => ({ country: 'EC', own: { orgId, userId: 'nobody' }, code: c.code, limit: 5 });
      assert.deepEqual(
        (await listCases(db.handle.db, own('org-b'))).map((x) => x.id),
        [c.id],
      );
      assert.deepEqual(await listCases(db.handle.db, own('org-a')), []);
    });
  });
}
