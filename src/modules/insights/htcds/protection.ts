import type { Context } from '../../../platform/context';
import { Catalogues } from '../../catalogues/index';
import * as repoExport from './repo-export';

// What the protection records of issue 20 give the HTCDS flat file. The standard has fields for a case received
// from or referred to another organisation (cas_*Referral*), and for who decided the trafficking status; it has
// none for protection-board measures, hearings, returns, reintegration plans, charges or sentences, which stay out.

/** An exchange with a foreign authority as the export writes it. */
export interface ForeignExchange {
  id: string;
  /** The authority's name in the directory (a public institution, not a person). */
  authority: string | null;
  on: string;
  notesEnc: string | null;
}

export interface ProtectionFacts {
  /** The first exchange that received the case from a foreign authority. */
  incoming?: ForeignExchange;
  /** The latest exchange that referred the case to a foreign authority. */
  outgoing?: ForeignExchange;
  /** A suspect was convicted of an offence the catalogue marks as trafficking (e.g. COIP art. 91). */
  traffickingConviction: boolean;
}

/** Loads, for a batch of cases, what the export maps from exchanges abroad and complaints. */
export async function protectionFacts(
  ctx: Pick<Context, 'db'>,
  caseIds: string[],
  traffickingOffences: ReadonlySet<string>,
): Promise<Map<string, ProtectionFacts>> {
  const out = new Map<string, ProtectionFacts>();
  const of = (id: string) => {
    const f = out.get(id) ?? { traffickingConviction: false };
    out.set(id, f);
    return f;
  };
  for (const e of await repoExport.selectForeignExchanges(ctx.db.db, caseIds)) {
    const x = { id: e.id, authority: e.authority_name, on: e.exchanged_on, notesEnc: e.notes_enc };
    const f = of(e.case_id);
    if (e.direction === 'incoming') f.incoming ??= x;
    else if (e.direction === 'outgoing') f.outgoing = x;
  }
  for (const c of await repoExport.selectChargeOutcomes(ctx.db.db, caseIds)) {
    // A suspect's own outcome when it differs from the complaint's.
    const outcome = c.suspect_outcome ?? c.complaint_outcome;
    if (outcome === 'conviction' && traffickingOffences.has(c.offence)) of(c.case_id).traffickingConviction = true;
  }
  return out;
}

/** The offences the installation's catalogue marks as trafficking (retired ones included: old records keep them). */
export async function traffickingOffences(ctx: Pick<Context, 'db'>): Promise<Set<string>> {
  const entries = await new Catalogues(ctx).entries('offence');
  return new Set(entries.filter((e) => e.data.trafficking).map((e) => e.key));
}
