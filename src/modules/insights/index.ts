import type { ModuleDescriptor } from '../../platform/module';
import { ctdcRoutes } from './ctdc/routes';
import { seedInsightsDemo } from './demo';
import { HtcdsImports } from './htcds/import';
import { htcdsImportJob } from './htcds/import-run';
import { htcdsRoutes } from './htcds/routes';
import { insightRoutes } from './routes';
import { storeFor } from './store';
import { syntheticRoutes } from './synthetic/routes';

export { csvFile, csvUnsafe } from './csv';
export { type Cell, protectCount, protectGroup } from './disclosure';
export { HtcdsExport } from './htcds/export';
export { HtcdsImports } from './htcds/import';
export { presentJob } from './htcds/present';
export { storeFor } from './store';

/** Dashboards under disclosure control, HTCDS exchange, CTDC-style and synthetic open data. */
export const insightsModule: ModuleDescriptor = {
  name: 'insights',
  routes: (ctx) =>
    [insightRoutes, htcdsRoutes, ctdcRoutes, syntheticRoutes].map((r) => ({ plugin: r(ctx), prefix: '/api' })),
  jobs: [
    { name: 'import clean-up', everyMs: 3_600_000, run: (ctx) => new HtcdsImports(ctx).expire() },
    // Applies the noted case changes to the analytical store, so the next dashboard view has nothing to catch up on.
    { name: 'insights store', everyMs: 600_000, run: (ctx) => storeFor(ctx).sync() },
  ],
  queued: [htcdsImportJob],
  seed: seedInsightsDemo,
};
