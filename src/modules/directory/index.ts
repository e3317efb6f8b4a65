import type { ModuleDescriptor } from '../../platform/module';
import { seedDirectoryDemo } from './demo';
import { directoryRoutes } from './routes';

export { demoForeign, ensureDemoForeign } from './demo';
export { activeProvider, findProvider, type Provider } from './repo';

/** Service providers and what they offer, by jurisdiction. */
export const directoryModule: ModuleDescriptor = {
  name: 'directory',
  routes: (ctx) => [{ plugin: directoryRoutes(ctx), prefix: '/api' }],
  seed: seedDirectoryDemo,
};
