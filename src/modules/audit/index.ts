import type { ModuleDescriptor } from '../../platform/module';
import { auditRoutes } from './routes';

export type { AuditActor, AuditInput } from './service';
export { AuditService } from './service';

/** The hash-chained audit trail: who read and changed what. */
export const auditModule: ModuleDescriptor = {
  name: 'audit',
  routes: (ctx) => [{ plugin: auditRoutes(ctx), prefix: '/api' }],
};
