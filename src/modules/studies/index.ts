import type { ModuleDescriptor } from '../../platform/module';
import { seedStudiesDemo } from './demo';
import { studyRoutes } from './routes';
import { studyFileRoutes } from './routes-files';

export { cuencaStudySheets } from './demo-form';
export { StudiesService } from './service';

/** Studies: research questionnaires with anonymous respondents, collected by interviewers, analysed under disclosure control. */
export const studiesModule: ModuleDescriptor = {
  name: 'studies',
  routes: (ctx) => [studyRoutes, studyFileRoutes].map((r) => ({ plugin: r(ctx), prefix: '/api' })),
  seed: seedStudiesDemo,
};
