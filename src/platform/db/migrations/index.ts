import type { Migration } from 'kysely';
import * as m0001 from './0001_platform';
import * as m0002 from './0002_access';

/** Every migration in order; names sort in the order they must run. */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_access': m0002,
};
