import type { Migration } from 'kysely';
import * as m0001 from './0001_platform';
import * as m0002 from './0002_access';
import * as m0003 from './0003_reports';
import * as m0004 from './0004_cases';
import * as m0005 from './0005_protection';
import * as m0006 from './0006_closure';
import * as m0007 from './0007_plans';
import * as m0008 from './0008_insights';
import * as m0009 from './0009_imports';
import * as m0010 from './0010_insight_snapshots';
import * as m0011 from './0011_epsilon_ledger';
import * as m0012 from './0012_referral_user';
import * as m0013 from './0013_living_record';
import * as m0014 from './0014_field_reach';
import * as m0015 from './0015_field_devices';
import * as m0016 from './0016_signin_hardening';
import * as m0017 from './0017_audit_mac';
import * as m0018 from './0018_need_to_know';
import * as m0019 from './0019_key_rotation';
import * as m0020 from './0020_device_secret';
import * as m0021 from './0021_blobs';
import * as m0022 from './0022_shared_limits';
import * as m0023 from './0023_jobs';
import * as m0024 from './0024_insights_incremental';
import * as m0025 from './0025_national_indexes';
import * as m0026 from './0026_forms';
import * as m0027 from './0027_studies';
import * as m0028 from './0028_catalogues';
import * as m0029 from './0029_board';
import * as m0030 from './0030_returns';
import * as m0031 from './0031_prosecution';
import * as m0032 from './0032_protection_facts';
import * as m0033 from './0033_rights';
import * as m0034 from './0034_anonymisation';
import * as m0035 from './0035_retention';
import * as m0036 from './0036_ctdc_batches';
import * as m0037 from './0037_releases';

/** Every migration in order; names sort in the order they must run. */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_access': m0002,
  '0003_reports': m0003,
  '0004_cases': m0004,
  '0005_protection': m0005,
  '0006_closure': m0006,
  '0007_plans': m0007,
  '0008_insights': m0008,
  '0009_imports': m0009,
  '0010_insight_snapshots': m0010,
  '0011_epsilon_ledger': m0011,
  '0012_referral_user': m0012,
  '0013_living_record': m0013,
  '0014_field_reach': m0014,
  '0015_field_devices': m0015,
  '0016_signin_hardening': m0016,
  '0017_audit_mac': m0017,
  '0018_need_to_know': m0018,
  '0019_key_rotation': m0019,
  '0020_device_secret': m0020,
  '0021_blobs': m0021,
  '0022_shared_limits': m0022,
  '0023_jobs': m0023,
  '0024_insights_incremental': m0024,
  '0025_national_indexes': m0025,
  '0026_forms': m0026,
  '0027_studies': m0027,
  '0028_catalogues': m0028,
  '0029_board': m0029,
  '0030_returns': m0030,
  '0031_prosecution': m0031,
  '0032_protection_facts': m0032,
  '0033_rights': m0033,
  '0034_anonymisation': m0034,
  '0035_retention': m0035,
  '0036_ctdc_batches': m0036,
  '0037_releases': m0037,
};
