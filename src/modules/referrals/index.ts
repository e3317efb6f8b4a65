import type { ModuleDescriptor } from '../../platform/module';
import { seedReferralsDemo } from './demo';
import { referralRoutes } from './routes';

/** Referrals of a case to another organisation or provider, with consent, and the receivers' inboxes. */
export const referralsModule: ModuleDescriptor = {
  name: 'referrals',
  routes: (ctx) => [{ plugin: referralRoutes(ctx), prefix: '/api' }],
  seed: seedReferralsDemo,
};
