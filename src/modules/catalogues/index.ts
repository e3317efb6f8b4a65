import type { ModuleDescriptor } from '../../platform/module';
import { catalogueRoutes } from './routes';

/** Legal catalogues: measure types, authorities, deadlines, offences, stages and visit schedules, with their sources. */
export const cataloguesModule: ModuleDescriptor = {
  name: 'catalogues',
  routes: (ctx) => [{ plugin: catalogueRoutes(ctx), prefix: '/api' }],
};

export { type CatalogueDataOf, type CatalogueEntry, Catalogues, notificationHours } from './service';
