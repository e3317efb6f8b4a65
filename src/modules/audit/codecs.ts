import { rowCodec } from '../../platform/db/codec';
import type { AuditLogTable } from '../../platform/db/types';

/** An audit entry as read: its non-personal details as an object. */
export const entryCodec = rowCodec<AuditLogTable>()({ json: { details: {} as Record<string, unknown> } });
