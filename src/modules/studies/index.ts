import type { ModuleDescriptor } from '../../platform/module';

/** Studies: research questionnaires with anonymous respondents, collected by interviewers, analysed under disclosure control. */
export const studiesModule: ModuleDescriptor = {
  name: 'studies',
};
