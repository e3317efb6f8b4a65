import type { ModuleDescriptor } from '../../platform/module';

/** Retention schedules per record type: warned, then anonymised or deleted, unless a legal hold keeps the record. */
export const retentionModule: ModuleDescriptor = {
  name: 'retention',
};
