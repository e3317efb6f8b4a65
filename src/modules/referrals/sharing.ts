import type { CaseSharing } from '../cases/index';
import { referralGrant } from './policy';
import * as repo from './repo';

/**
 * What live referrals open of a case to their receiver, checked at every read: the sections their purpose needs
 * and the person's live consent covers, while open and for MINKA_REFERRAL_GRACE_DAYS after completion.
 */
export const referralSharing: CaseSharing = {
  async grantsOn(ctx, caseId, actor) {
    const rows = await repo.liveReferralsTo(ctx.db.db, actor, caseId);
    if (!rows.length) return [];
    const consents = await repo.consentsOfCases(ctx.db.db, [caseId]);
    const now = new Date();
    return rows.flatMap((r) => {
      const sections = referralGrant(r, consents, now, ctx.config.MINKA_REFERRAL_GRACE_DAYS);
      return sections ? [{ sections, via: 'referral' as const, services: r.services }] : [];
    });
  },
  async casesFor(ctx, actor) {
    const rows = await repo.liveReferralsTo(ctx.db.db, actor);
    const consents = await repo.consentsOfCases(ctx.db.db, [...new Set(rows.map((r) => r.case_id))]);
    const now = new Date();
    return rows.flatMap((r) => {
      const sections = referralGrant(
        r,
        consents.filter((k) => k.case_id === r.case_id),
        now,
        ctx.config.MINKA_REFERRAL_GRACE_DAYS,
      );
      return sections ? [{ caseId: r.case_id, sections }] : [];
    });
  },
};
