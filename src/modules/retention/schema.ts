import { z } from 'zod';
import { retentionBounds, retentionRecordTypes } from './vocabulary';

const { months, days, warningDays } = retentionBounds;

export const scheduleParam = z.strictObject({ recordType: z.enum(retentionRecordTypes) });

/** A schedule as the API shows it. */
export const scheduleSchema = z
  .object({
    recordType: z.enum(retentionRecordTypes),
    months: z.number().nullable(),
    days: z.number().nullable(),
    warningDays: z.number(),
    action: z.enum(['anonymise', 'destroy_text', 'delete_files', 'keep', 'delete']),
    kept: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'RetentionSchedule' });

/** A change to a schedule: months and the warning, each within its bounds (days only to refuse them at their field). */
export const schedulePatchBody = z.strictObject({
  months: z.number().int().min(months[0]).max(months[1]).optional(),
  days: z.number().int().min(days[0]).max(days[1]).optional(),
  warningDays: z.number().int().min(warningDays[0]).max(warningDays[1]).optional(),
});
export type SchedulePatch = z.infer<typeof schedulePatchBody>;

/** A record the retention job has warned about (or found held), with its case. */
export const upcomingSchema = z
  .object({
    recordType: z.enum(retentionRecordTypes),
    caseId: z.string().nullable(),
    caseCode: z.string().nullable(),
    dueOn: z.string(),
    warnedAt: z.string().nullable(),
    held: z.boolean(),
  })
  .meta({ id: 'RetentionUpcoming' });
