import type { Context } from '../../platform/context';
import type { ModuleDescriptor } from '../../platform/module';
import { seedAccessDemo } from './demo';
import { registerSessionHook } from './guard';
import { OrganisationsService } from './organisations';
import { adminRoutes } from './routes-admin';
import { authRoutes } from './routes-auth';
import { sharingRoutes } from './routes-sharing';
import { SessionService } from './sessions';
import { UsersService } from './users';

export { demoPassword, demoTotpSecret, demoUsers } from './demo';
export { requireActor, requirePermission } from './guard';
export {
  actorByEmail,
  administratorExists,
  organisationExists,
  organisationIdByName,
  type UserGrant,
  userGrant,
  userNames,
} from './lookup';
export { OrganisationsService } from './organisations';
export { organisationTypes, type Permission, permissions } from './permissions';
export { type Actor, agreementCovers, can, canSee, inJurisdiction, type SharingTerms } from './policy';
export { ScopeCheck } from './scope';
export { SessionService, sha256 } from './sessions';
export { agreementsRunningTo, SharingAgreements } from './sharing-agreements';
export { normaliseEmail, normaliseIdentity } from './user-row';
export { UsersService } from './users';

/** Organisations, users, roles, jurisdictions, sessions and second factors. */
export const accessModule: ModuleDescriptor = {
  name: 'access',
  hooks: (app, ctx) => registerSessionHook(app, new SessionService(ctx)),
  routes: (ctx: Context) => {
    const sessions = new SessionService(ctx);
    const users = new UsersService(ctx, sessions);
    const orgs = new OrganisationsService(ctx);
    return [
      { plugin: authRoutes(ctx, sessions, users), prefix: '/api/auth' },
      { plugin: adminRoutes(ctx, users, orgs), prefix: '/api/admin' },
      { plugin: sharingRoutes(ctx), prefix: '/api/admin' },
    ];
  },
  seed: seedAccessDemo,
};
