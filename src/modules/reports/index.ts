import type { ModuleDescriptor } from '../../platform/module';
import { seedReportsDemo } from './demo';
import { publicReportRoutes } from './public-routes';
import { RetentionService } from './retention';
import { triageRoutes } from './routes';
import { webhookRoutes } from './webhook';

export { RetentionService } from './retention';
export { contactIndexing } from './webhook';

/** The public, anonymous reporting channel and its triage. */
export const reportsModule: ModuleDescriptor = {
  name: 'reports',
  routes: (ctx) => [
    { plugin: triageRoutes(ctx), prefix: '/api' },
    { plugin: webhookRoutes(ctx), prefix: '/api' },
    { plugin: publicReportRoutes(ctx) },
  ],
  jobs: [{ name: 'report retention', everyMs: 3_600_000, run: (ctx) => new RetentionService(ctx).purge() }],
  seed: seedReportsDemo,
};
