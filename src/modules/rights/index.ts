import type { ModuleDescriptor } from '../../platform/module';
import { seedRightsDemo } from './demo';
import { rightsRoutes } from './routes';
import { exportRoutes } from './routes-export';

/**
 * People's rights under the LOPDP: the data-subject request log (access, rectification, erasure, objection,
 * restriction, portability) with its deadlines, the access export, erasure as anonymisation, legal holds, and the
 * restriction and objection flags that stop referrals and exports.
 */
export const rightsModule: ModuleDescriptor = {
  name: 'rights',
  routes: (ctx) => [
    { plugin: rightsRoutes(ctx), prefix: '/api' },
    { plugin: exportRoutes(ctx), prefix: '/api' },
  ],
  seed: seedRightsDemo,
};

export { type AnonymiseOptions, type AnonymiseResult, anonymiseCase, anonymisePerson } from './anonymise';
export { assertNotRestricted, restrictedPersonIds } from './flags';
export { caseHeld, erasureBlockers } from './holds';
export { type PersonalColumn, personalColumns } from './personal-columns';
export { caseworkerOrg as demoCaseworkerOrg, closeCase as closeDemoCase } from './repo-demo';
