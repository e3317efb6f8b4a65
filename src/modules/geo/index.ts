import type { ModuleDescriptor } from '../../platform/module';
import { defaultSharedData, seedGeoDemo } from './demo';
import { geoRoutes } from './routes';
import { GeoService } from './service';

export { defaultSharedData } from './demo';
export { ImportFileError, parseBoundaries, parseDivisionsFile } from './parse';
export { GeoService } from './service';
export { searchForm, titleCase } from './text';

/** Administrative divisions of any country, their search and boundaries. */
export const geoModule: ModuleDescriptor = {
  name: 'geo',
  routes: (ctx) => [{ plugin: geoRoutes(ctx), prefix: '/api/geo' }],
  seed: (ctx) => seedGeoDemo(new GeoService(ctx.db.db), ctx.config.MINKA_SHARED_DATA ?? defaultSharedData()),
};
