import type { ModuleDescriptor } from '../../platform/module';
import { seedRetentionDemo } from './demo';
import { runRetention } from './job';
import { retentionRoutes } from './routes';

/** Retention schedules per record type: warned, then anonymised or deleted, unless a legal hold keeps the record. */
export const retentionModule: ModuleDescriptor = {
  name: 'retention',
  routes: (ctx) => [{ plugin: retentionRoutes(ctx), prefix: '/api' }],
  jobs: [{ name: 'retention', everyMs: 86_400_000, run: runRetention }],
  seed: seedRetentionDemo,
};

export { type RetentionRun, runRetention } from './job';
export { type RetentionSchedule, RetentionSchedules } from './schedules';
export { type Upcoming, upcoming } from './upcoming';
