import type { AuditLogTable } from '../../platform/db/types';
import { entryCodec } from './codecs';

/** An audit entry as the browser shows it; details are already free of personal values. */
export function presentEntry(e: AuditLogTable) {
  return {
    id: Number(e.id),
    at: e.at,
    actorUserId: e.actor_user_id,
    actorOrgId: e.actor_org_id,
    action: e.action,
    recordType: e.record_type,
    recordId: e.record_id,
    fields: e.fields,
    details: entryCodec.decode(e).details,
    requestId: e.request_id,
    hash: e.hash,
    keyId: e.key_id,
  };
}
