import type { AuditLogTable } from '../../platform/db/types';
import { entryCodec } from './codecs';

/** Names the trail looked up for a page of entries: staff by user id, organisations and case codes by id. */
export interface Naming {
  people: Map<string, string>;
  organisations: Map<string, string>;
  cases: Map<string, string>;
  /** Legal catalogue entries by `<list>:<key>`, labelled in the reader's language. */
  catalogue?: Map<string, string>;
}

// A short human reference to the record: a case's code, a person's or organisation's name, a catalogue entry's label
// (its whole `<list>:<key>` when the entry is gone: never cut short); null when the record has no cheap name (the page
// then shows the record type's label and a short id).
function recordName(e: AuditLogTable, n: Naming): string | null {
  if (!e.record_id) return null;
  if (e.record_type === 'case') return n.cases.get(e.record_id) ?? null;
  if (e.record_type === 'user') return n.people.get(e.record_id) ?? null;
  if (e.record_type === 'organisation') return n.organisations.get(e.record_id) ?? null;
  if (e.record_type === 'catalogue') return n.catalogue?.get(e.record_id) ?? e.record_id;
  return null;
}

/**
 * An audit entry as the administrator reads it: who acted by name and organisation (null for the system), the
 * record's short name where there is one; details are already free of personal values.
 */
export function presentEntry(e: AuditLogTable, n: Naming) {
  return {
    id: Number(e.id),
    at: e.at,
    actorUserId: e.actor_user_id,
    actorOrgId: e.actor_org_id,
    actorName: e.actor_user_id ? (n.people.get(e.actor_user_id) ?? null) : null,
    actorOrganisation: e.actor_org_id ? (n.organisations.get(e.actor_org_id) ?? null) : null,
    action: e.action,
    recordType: e.record_type,
    recordId: e.record_id,
    recordName: recordName(e, n),
    fields: e.fields,
    details: entryCodec.decode(e).details,
    requestId: e.request_id,
    hash: e.hash,
    keyId: e.key_id,
  };
}
