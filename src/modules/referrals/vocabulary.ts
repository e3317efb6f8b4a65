import { type CaseSection, caseSections } from '../cases/vocabulary';
import type { serviceTypes } from '../directory/schema';

type ServiceType = (typeof serviceTypes)[number];

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

/**
 * What each referral purpose (the service asked for) needs to see of the case: the receiver gets the union over the
 * referral's services, narrowed by the sections the person's consent covers. Edit here to change what a kind of
 * service receives; nothing else decides it.
 */
export const purposeSections: Record<ServiceType, readonly CaseSection[]> = {
  Health: ['identity', 'age', 'languages', 'vulnerabilities'],
  local_Psychosocial: ['identity', 'age', 'languages', 'vulnerabilities', 'exploitation'],
  local_Shelter: ['identity', 'age', 'languages', 'vulnerabilities', 'contact', 'safeguards', 'measures'],
  SocialCare: [
    'identity',
    'age',
    'languages',
    'vulnerabilities',
    'contact',
    'safeguards',
    'tasks',
    'plans',
    'measures',
  ],
  Legal: ['identity', 'age', 'languages', 'exploitation', 'perpetrators', 'decision', 'legal', 'files'],
  Education: ['identity', 'age', 'languages'],
  Financial: ['identity', 'age', 'languages', 'contact'],
  Livelihood: ['identity', 'age', 'languages', 'contact'],
  RightsBasedTraining: ['identity', 'age', 'languages'],
  LabourExploitationRehabilitation: ['identity', 'age', 'languages', 'vulnerabilities', 'exploitation'],
  SexualExploitationRehabilitation: ['identity', 'age', 'languages', 'vulnerabilities', 'exploitation'],
  local_FamilyReunification: ['identity', 'age', 'languages', 'contact', 'safeguards', 'returns'],
  local_ReturnReintegration: ['identity', 'age', 'languages', 'contact', 'vulnerabilities', 'plans', 'returns'],
};

/**
 * The sections a referral opens: what its services need, and (when the person's consent lists sections) only
 * those the consent covers. `consentSections` null = the consent covers every section (or a supervisor's override).
 */
export function referralSections(
  services: readonly string[],
  consentSections: readonly string[] | null,
): CaseSection[] {
  const needed = new Set(services.flatMap((s) => purposeSections[s as ServiceType] ?? []));
  return caseSections.filter((s) => needed.has(s) && (consentSections === null || consentSections.includes(s)));
}
