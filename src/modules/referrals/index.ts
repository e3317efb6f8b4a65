import type { ModuleDescriptor } from '../../platform/module';
import { registerCaseSharing } from '../cases/index';
import { seedReferralsDemo } from './demo';
import { referralRoutes } from './routes';
import { referralSharing } from './sharing';

export { addressedTo, liveReferralStatuses, namesOnly } from './vocabulary';

// Live referrals open the sections of their case that their purpose and the person's consent cover.
registerCaseSharing(referralSharing);

/** Referrals of a case to another organisation or provider, with consent, and the receivers' inboxes. */
export const referralsModule: ModuleDescriptor = {
  name: 'referrals',
  routes: (ctx) => [{ plugin: referralRoutes(ctx), prefix: '/api' }],
  seed: seedReferralsDemo,
};
