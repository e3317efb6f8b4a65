import type { ModuleDescriptor } from '../../platform/module';

/**
 * People's rights under the LOPDP: the data-subject request log (access, rectification, erasure, objection,
 * restriction, portability) with its deadlines, the access export, erasure as anonymisation, legal holds, and the
 * restriction and objection flags that stop referrals and exports.
 */
export const rightsModule: ModuleDescriptor = {
  name: 'rights',
};

export { type AnonymiseOptions, type AnonymiseResult, anonymiseCase, anonymisePerson } from './anonymise';
export { caseHeld, erasureBlockers } from './holds';
