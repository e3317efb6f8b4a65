import type { Transaction } from 'kysely';
import type { Database } from './db/types';

/** Who did something: a signed-in user (with organisation) or the system. */
export interface AuditActor {
  userId: string | null;
  orgId: string | null;
}

/** One entry of the audit trail. */
export interface AuditInput {
  actor: AuditActor | null;
  action: string;
  recordType?: string;
  recordId?: string;
  /** Which group of fields was read or changed, e.g. "identity" or "name,roles". */
  fields?: string;
  /** Non-personal details only: before/after of non-secret fields, counts, reasons. */
  details?: Record<string, unknown>;
  requestId?: string;
}

/** The audit trail as the platform sees it; the audit module implements it. */
export interface Auditor {
  /** Appends one entry inside `trx` when given (so it commits with the change it records), else on its own. */
  record(input: AuditInput, trx?: Transaction<Database>): Promise<number>;
}
