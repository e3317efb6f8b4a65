import type { ModuleDescriptor } from '../../platform/module';

/**
 * Structured prosecution data: complaints, suspects linked to the case's perpetrators, charges by offence, procedural
 * stages and hearings, outcome, sentence and reparation.
 */
export const prosecutionModule: ModuleDescriptor = {
  name: 'prosecution',
};
