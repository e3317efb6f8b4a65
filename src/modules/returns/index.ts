import type { ModuleDescriptor } from '../../platform/module';
import { seedReturnsDemo } from './demo';
import { returnsRoutes } from './routes';

/**
 * Cross-border cases and returns: cases received from or referred to foreign authorities with the documents
 * exchanged, family tracing and assessment, the return itself, and the reintegration plan with monitoring visits.
 */
export const returnsModule: ModuleDescriptor = {
  name: 'returns',
  routes: (ctx) => [{ plugin: returnsRoutes(ctx), prefix: '/api' }],
  seed: seedReturnsDemo,
};

export { Reintegration } from './reintegration';
