import type { Db } from '../../platform/db/index';
import type { Actor } from '../access/index';

/**
 * Who besides the case's own jurisdiction may read a case. Cases do not know referrals: the referrals
 * module (downstream of cases) provides this lookup when it is loaded, so the dependency points one way.
 */
export interface CaseSharing {
  /** Organisations a live referral opened the case to; with an actor, only those that count for that person. */
  sharedWith(db: Db, caseId: string, actor?: Actor): Promise<string[]>;
}

const providers: CaseSharing[] = [];

/** Adds a source of case sharing (called once by the module that owns the sharing records). */
export function registerCaseSharing(provider: CaseSharing): void {
  if (!providers.includes(provider)) providers.push(provider);
}

/** Every organisation the registered sharing sources open this case to. */
export async function sharedWith(db: Db, caseId: string, actor?: Actor): Promise<string[]> {
  const all = await Promise.all(providers.map((p) => p.sharedWith(db, caseId, actor)));
  return [...new Set(all.flat())];
}
