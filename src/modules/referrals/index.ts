import type { ModuleDescriptor } from '../../platform/module';
import { registerCaseSharing } from '../cases/index';
import { seedReferralsDemo } from './demo';
import { opensCaseTo } from './policy';
import * as repo from './repo';
import { referralRoutes } from './routes';

export { addressedTo, liveReferralStatuses, namesOnly } from './vocabulary';

// A live referral opens its case to the receiving organisation (to the named caseworker only, when it names one).
registerCaseSharing({
  async sharedWith(db, caseId, actor) {
    return (await repo.liveReceivers(db, caseId)).filter((r) => opensCaseTo(r, actor)).map((r) => r.to_org_id!);
  },
});

/** Referrals of a case to another organisation or provider, with consent, and the receivers' inboxes. */
export const referralsModule: ModuleDescriptor = {
  name: 'referrals',
  routes: (ctx) => [{ plugin: referralRoutes(ctx), prefix: '/api' }],
  seed: seedReferralsDemo,
};
