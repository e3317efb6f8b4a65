import type { ModuleDescriptor } from '../../platform/module';
import { seedDirectoryDemo } from './demo';
import { directoryRoutes } from './routes';

/** Service providers and what they offer, by jurisdiction. */
export const directoryModule: ModuleDescriptor = {
  name: 'directory',
  routes: (ctx) => [{ plugin: directoryRoutes(ctx), prefix: '/api' }],
  seed: seedDirectoryDemo,
};
