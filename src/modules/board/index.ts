import type { ModuleDescriptor } from '../../platform/module';
import { seedBoardDemo } from './demo';
import { boardRoutes } from './routes';

/**
 * The protection-board procedure of a child's case: the notification to the Junta Cantonal (PDF) and its delivery,
 * the board's hearings, the administrative protection measures it decides, their review and judicial ratification.
 */
export const boardModule: ModuleDescriptor = {
  name: 'board',
  routes: (ctx) => [{ plugin: boardRoutes(ctx), prefix: '/api' }],
  seed: seedBoardDemo,
};
