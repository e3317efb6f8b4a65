import type { ModuleDescriptor } from '../../platform/module';
import { checkpointJob } from './checkpoint-job';
import { auditRoutes } from './routes';

export { auditServiceOf, writeAuditCheckpoint } from './checkpoint-job';
export { checkpointDir } from './checkpoints';
export { carryAuditKeys } from './keys';
export type { AuditActor, AuditInput, Verification } from './service';
export { AuditChainBroken, AuditService } from './service';

/** The audit trail, chained with a keyed MAC and anchored by signed checkpoints outside the database. */
export const auditModule: ModuleDescriptor = {
  name: 'audit',
  routes: (ctx) => [{ plugin: auditRoutes(ctx), prefix: '/api' }],
  jobs: [checkpointJob],
};
