import type { Migration } from 'kysely';
import * as m0001 from './0001_platform';

/** Every migration in order; names sort in the order they must run. */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
};
