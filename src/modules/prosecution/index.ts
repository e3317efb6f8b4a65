import type { ModuleDescriptor } from '../../platform/module';
import { seedProsecutionDemo } from './demo';
import { prosecutionRoutes } from './routes';

/**
 * Structured prosecution data: complaints, suspects linked to the case's perpetrators, charges by offence, procedural
 * stages and hearings, outcome, sentence and reparation.
 */
export const prosecutionModule: ModuleDescriptor = {
  name: 'prosecution',
  routes: (ctx) => [{ plugin: prosecutionRoutes(ctx), prefix: '/api' }],
  seed: seedProsecutionDemo,
};

export { seedSimulatedComplaints } from './demo-volume';
export { ProsecutionService } from './service';
