// The one rule of who a referral is addressed to. Pure, so the cases module (which must not depend on
// referrals) and the web app can use it too.

/** Statuses in which a referral opens the case to its receiver. */
export const liveReferralStatuses = ['sent', 'accepted', 'completed'] as const;

interface Addressed {
  to_org_id: string | null;
  to_user_id: string | null;
}

/** A referral that names a caseworker counts only for that person; one that names nobody counts for everyone. */
export function namesOnly(r: Pick<Addressed, 'to_user_id'>, who: { userId: string }): boolean {
  return !r.to_user_id || r.to_user_id === who.userId;
}

/** The referral is addressed to this person: made to their organisation and naming them or nobody. */
export function addressedTo(r: Addressed, who: { orgId: string; userId: string }): boolean {
  return r.to_org_id === who.orgId && namesOnly(r, who);
}
