import type { ModuleDescriptor } from '../../platform/module';

/**
 * Cross-border cases and returns: cases received from or referred to foreign authorities with the documents
 * exchanged, family tracing and assessment, the return itself, and the reintegration plan with monitoring visits.
 */
export const returnsModule: ModuleDescriptor = {
  name: 'returns',
};
