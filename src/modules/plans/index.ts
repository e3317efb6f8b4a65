import type { ModuleDescriptor } from '../../platform/module';
import { agreementRoutes } from './agreements-routes';
import { seedPlansDemo } from './demo';
import { planDocumentRoutes } from './documents-routes';
import { planRoutes } from './routes';

/** Cooperation agreements, local plans on the four axes, actions, indicators and prevention work. */
export const plansModule: ModuleDescriptor = {
  name: 'plans',
  routes: (ctx) => [planRoutes, agreementRoutes, planDocumentRoutes].map((r) => ({ plugin: r(ctx), prefix: '/api' })),
  seed: seedPlansDemo,
};
