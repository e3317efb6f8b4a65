import type { ModuleDescriptor } from '../../platform/module';
import { seedFormsDemo } from './demo';
import { formRoutes } from './routes';

/** Forms: XLSForm questionnaires imported and versioned, attached to the cases of a jurisdiction as case sections. */
export const formsModule: ModuleDescriptor = {
  name: 'forms',
  routes: (ctx) => [{ plugin: formRoutes(ctx), prefix: '/api' }],
  seed: seedFormsDemo,
};

export { changedNames, factsOf } from './facts';
export {
  answerIssueError,
  answerIssueFields,
  formInvalidError,
  formIssueFields,
  formIssueMessage,
} from './issues';
export { maxFormBytes } from './routes';
export { FormsService, type FormUsage } from './service';
export { type CaseFormSection, CaseForms } from './service-cases';
export { readXlsformWorkbook } from './xlsx-read';
export { writeXlsformWorkbook } from './xlsx-write';
