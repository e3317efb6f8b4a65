import type { ModuleDescriptor } from '../../platform/module';

/** The record of processing activities and the privacy notices, generated from the installation's configuration. */
export const noticesModule: ModuleDescriptor = {
  name: 'notices',
};
