import type { ModuleDescriptor } from '../../platform/module';

/** Forms: XLSForm questionnaires imported and versioned, attached to the cases of a jurisdiction as case sections. */
export const formsModule: ModuleDescriptor = {
  name: 'forms',
};
