import { rowCodec } from '../../platform/db/codec';
import type { AuthThrottleTable, OrganisationTable, RoleTable } from '../../platform/db/types';

/** A role as services read it: its permissions as a list, whether it is built in as a boolean. */
export const roleCodec = rowCodec<RoleTable>()({ booleans: ['system'], json: { permissions: [] as string[] } });

/** An organisation as services read it: active as a boolean. */
export const organisationCodec = rowCodec<OrganisationTable>()({ booleans: ['active'] });

/** A throttle counter: the accounts a source tried, as a list; failures as a number. */
export const throttleCodec = rowCodec<AuthThrottleTable>()({
  numbers: ['failures'],
  json: { accounts: [] as string[] },
});
