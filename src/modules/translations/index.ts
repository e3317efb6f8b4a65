import type { ModuleDescriptor } from '../../platform/module';
import { translationRoutes } from './routes';
import { TranslationService } from './service';

export { catalogueLanguages, kichwaProvenance, placeholders, shipped } from './catalogues';
export { TranslationService } from './service';

/** Interface strings: Kichwa provenance, the translators' review sheet, an installation's reviewed strings. */
export const translationsModule: ModuleDescriptor = {
  name: 'translations',
  // Reviewed strings are in place before the first request is answered.
  hooks: async (_app, ctx) => new TranslationService(ctx).apply(),
  routes: (ctx) => [{ plugin: translationRoutes(ctx), prefix: '/api' }],
};
