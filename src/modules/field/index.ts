import type { ModuleDescriptor } from '../../platform/module';
import { seedFieldDemo } from './demo';
import { registerFieldHooks } from './hooks';
import { fieldRoutes } from './routes';
import { FieldService } from './service';

export { FieldService } from './service';

/** Offline field work: devices with an encrypted copy, cases marked for the field, writes that apply once. */
export const fieldModule: ModuleDescriptor = {
  name: 'field',
  hooks: (app, ctx) => registerFieldHooks(app, ctx),
  routes: (ctx) => [{ plugin: fieldRoutes(ctx), prefix: '/api' }],
  seed: seedFieldDemo,
  jobs: [{ name: 'idempotency key clean-up', everyMs: 3_600_000, run: (ctx) => new FieldService(ctx).purgeKeys() }],
};
