import { normaliseEmail, normaliseIdentity } from '../modules/access/index';
import { nameTerms } from '../modules/cases/index';
import { contactIndexing } from '../modules/reports/index';
import type { IndexSpec } from '../platform/crypto/rotate';

/**
 * Every blind index that can be rebuilt from the sealed value it indexes: what `keys rotate --index` recomputes.
 * Indexes of values never stored (CSRF tokens, sign-in throttles, report-form tokens, recovery codes) cannot be:
 * those start again under the new key (see docs/administrator.md).
 */
export const rebuildableIndexes: IndexSpec[] = [
  { table: 'users', column: 'email_index', source: 'email_enc', purpose: 'email', normalise: normaliseEmail },
  {
    table: 'users',
    column: 'identity_index',
    source: 'identity_enc',
    purpose: 'identity',
    normalise: normaliseIdentity,
  },
  {
    table: 'persons',
    column: 'birthdate_index',
    source: 'birthdate_enc',
    purpose: 'person-birthdate',
    normalise: (v) => v,
  },
  {
    table: 'persons',
    column: 'identity_index',
    source: 'identity_enc',
    purpose: 'person-identity',
    normalise: normaliseIdentity,
  },
  {
    table: 'persons',
    sources: ['given_names_enc', 'surnames_enc'],
    purpose: 'name-phonetic',
    values: (given, surnames) => nameTerms(given, surnames),
    into: { table: 'person_name_keys', ref: 'person_id', column: 'key_index' },
  },
  {
    table: 'reports',
    column: 'contact_index',
    source: 'contact_enc',
    ...contactIndexing,
    onlyIndexed: true,
  },
];
