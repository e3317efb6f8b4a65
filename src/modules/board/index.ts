import type { ModuleDescriptor } from '../../platform/module';

/**
 * The protection-board procedure of a child's case: the notification to the Junta Cantonal (PDF) and its delivery,
 * the board's hearings, the administrative protection measures it decides, their review and judicial ratification.
 */
export const boardModule: ModuleDescriptor = {
  name: 'board',
};
