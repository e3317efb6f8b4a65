import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Actor, permissions } from '../access/index';
import { abilitiesOn, addressedTo, mayRespond, maySeeSheet, referralGrant, revocable, stillOpen } from './policy';
import { purposeSections, referralSections } from './vocabulary';

const actor = (orgId: string, userId: string, perms: string[] = ['cases:write']): Actor => ({
  userId,
  orgId,
  roles: [],
  permissions: new Set(perms.filter((p) => (permissions as readonly string[]).includes(p))) as Actor['permissions'],
  scope: { country: 'EC', code: 'EC' },
  sessionId: '',
});
const ref = (to_org_id: string | null, to_user_id: string | null, status = 'sent' as const) => ({
  to_org_id,
  to_user_id,
  status,
});

describe('referral policy', () => {
  const ana = actor('org-b', 'ana');
  const luis = actor('org-b', 'luis');
  const sender = actor('org-a', 'sara');

  it('a referral to an organisation counts for its members unless it names one of them', () => {
    assert.ok(addressedTo(ref('org-b', null), ana));
    assert.ok(addressedTo(ref('org-b', 'ana'), ana));
    assert.ok(!addressedTo(ref('org-b', 'ana'), luis));
    assert.ok(!addressedTo(ref('org-b', null), sender));
    assert.ok(!addressedTo(ref(null, null), ana), 'a referral to an external provider is addressed to nobody in Minka');
  });

  it('the receiver answers and records services; the sender withdraws', () => {
    assert.ok(mayRespond(ana, ref('org-b', null)));
    assert.ok(!mayRespond(actor('org-b', 'ana', []), ref('org-b', null)), 'a role that receives nothing');
    assert.deepEqual(abilitiesOn(ana, ref('org-b', null)), { respond: true, deliver: false, revoke: false });
    assert.deepEqual(abilitiesOn(sender, ref('org-b', null)), { respond: false, deliver: false, revoke: true });
    assert.ok(revocable(sender, ref('org-b', null)));
    assert.ok(!revocable(ana, ref('org-b', null)));
    assert.ok(!maySeeSheet(luis, ref('org-b', 'ana')));
    assert.ok(maySeeSheet(sender, ref('org-b', 'ana')));
  });

  it('a referral opens the sections its purpose and the live consent cover, while open and for the grace period', () => {
    const now = new Date('2027-03-31T12:00:00Z');
    const r = {
      status: 'accepted' as const,
      updated_at: '2027-03-01T00:00:00Z',
      override_reason_enc: null,
      to_org_id: 'org-b',
      services: ['Health'],
    };
    const given = { scope: 'SharingWithOrganisation', organisation_id: 'org-b', withdrawn_at: null };
    assert.deepEqual(referralGrant(r, [given], now, 30), ['identity', 'age', 'languages', 'vulnerabilities']);
    assert.equal(referralGrant(r, [{ ...given, withdrawn_at: '2027-03-30T00:00:00Z' }], now, 30), undefined);
    assert.equal(referralGrant(r, [{ ...given, organisation_id: 'org-c' }], now, 30), undefined);
    assert.deepEqual(referralGrant(r, [{ ...given, sections: '["age","perpetrators"]' }], now, 30), ['age']);
    assert.deepEqual(referralGrant({ ...r, override_reason_enc: 'x' }, [], now, 30), purposeSections.Health);
    const done = { ...r, status: 'completed' as const, completed_at: '2027-03-10T00:00:00Z' };
    assert.ok(stillOpen(done, now, 30));
    assert.ok(!stillOpen(done, now, 20));
    assert.ok(!stillOpen({ ...r, status: 'revoked' as never }, now, 30));
    assert.deepEqual(referralSections(['Health', 'Legal'], null).includes('perpetrators'), true);
  });
});
