import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { systemRoles } from './permissions';
import {
  type Actor,
  agreementCovers,
  agreementState,
  can,
  canGrant,
  canSee,
  inJurisdiction,
  needsSecondFactor,
  related,
} from './policy';

const actor = (role: string, code: string, extra: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  orgId: 'o1',
  roles: [role],
  permissions: new Set(systemRoles[role]),
  scope: { country: 'EC', code },
  sessionId: 's1',
  ...extra,
});
const colta = { country: 'EC', ancestry: ['060352', '0603', '06', 'EC'] };
const cuenca = { country: 'EC', ancestry: ['0101', '01', 'EC'] };

describe('access policies', () => {
  it('grants by the role’s permissions', () => {
    assert.equal(can(actor('caseworker', '0603'), 'cases:read'), true);
    assert.equal(can(actor('researcher', 'EC'), 'cases:read'), false);
    assert.equal(can(actor('donor_viewer', 'EC'), 'insights:aggregate'), true);
  });

  it('includes a division and everything under it in a jurisdiction', () => {
    assert.equal(inJurisdiction(actor('caseworker', '0603'), 'EC', colta.ancestry), true);
    assert.equal(inJurisdiction(actor('caseworker', '06'), 'EC', colta.ancestry), true);
    assert.equal(inJurisdiction(actor('caseworker', '0606'), 'EC', colta.ancestry), false);
    assert.equal(inJurisdiction(actor('caseworker', '0603'), 'PE', colta.ancestry), false);
    assert.equal(inJurisdiction(actor('supervisor', 'EC'), 'EC', cuenca.ancestry), true);
  });

  it('sees a record only with the permission and either jurisdiction or a relationship', () => {
    const cw = actor('caseworker', '0603');
    assert.equal(canSee(cw, 'cases:read', colta), true);
    assert.equal(canSee(cw, 'cases:read', cuenca), false);
    assert.equal(canSee(cw, 'cases:read', cuenca, { assignedUserIds: ['u1'] }), true);
    const prosecutor = actor('prosecutor', '06', { orgId: 'fiscalia' });
    assert.equal(canSee(prosecutor, 'referrals:receive', cuenca, { referredOrgIds: ['fiscalia'] }), true);
    assert.equal(canSee(prosecutor, 'cases:read', colta), false, 'a relationship never replaces the permission');
    assert.equal(related(cw, { ownerOrgId: 'o1' }), true);
    assert.equal(related(cw, {}), false);
  });

  it('requires a second factor for roles that see personal data', () => {
    const needs = Object.entries(systemRoles)
      .filter(([, p]) => needsSecondFactor(p))
      .map(([k]) => k)
      .sort();
    assert.deepEqual(needs, [
      'administrator',
      'caseworker',
      'prosecutor',
      'service_provider',
      'supervisor',
      'triage_officer',
    ]);
  });

  it('lets role managers grant any role and other user managers only what they hold themselves', () => {
    const admin = actor('administrator', 'EC');
    assert.equal(canGrant(admin, 'caseworker'), true);
    assert.equal(canGrant(admin, 'administrator'), true);
    const delegated = actor('x', 'EC', { permissions: new Set(['users:manage', 'plans:read']) });
    assert.equal(canGrant(delegated, 'donor_viewer', ['plans:read']), true);
    assert.equal(canGrant(delegated, 'caseworker', systemRoles.caseworker), false, 'not more than they hold');
    assert.equal(canGrant(delegated, 'administrator'), false);
    assert.equal(canGrant(actor('supervisor', 'EC'), 'caseworker'), false);
  });
});

describe('data-sharing agreements', () => {
  const terms = {
    fromOrgId: 'owner',
    toOrgId: 'o1',
    country: 'EC',
    places: ['0606'],
    startsOn: '2027-01-01',
    endsOn: '2027-07-01',
    endedAt: null,
  };
  const record = { ownerOrgId: 'owner', country: 'EC', ancestry: ['060650', '0606', '06', 'EC'] };
  it('runs from its start date until the day before its end date, or until ended', () => {
    assert.equal(agreementState(terms, '2026-12-31'), 'upcoming');
    assert.equal(agreementState(terms, '2027-01-01'), 'running');
    assert.equal(agreementState(terms, '2027-06-30'), 'running');
    assert.equal(agreementState(terms, '2027-07-01'), 'ended');
    assert.equal(agreementState({ ...terms, endedAt: '2027-02-01T00:00:00Z' }, '2027-03-01'), 'ended');
  });
  it("covers the owner's records in its places for the receiving organisation only", () => {
    const me = actor('caseworker', '0101');
    assert.ok(agreementCovers(terms, me, record, '2027-03-01'));
    assert.ok(!agreementCovers(terms, { ...me, orgId: 'o2' }, record, '2027-03-01'));
    assert.ok(!agreementCovers(terms, me, { ...record, ownerOrgId: 'other' }, '2027-03-01'));
    assert.ok(!agreementCovers(terms, me, { ...record, ancestry: ['0603', '06', 'EC'] }, '2027-03-01'));
    assert.ok(!agreementCovers(terms, me, record, '2027-07-01'));
  });
});
