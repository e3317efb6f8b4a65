import type { Context } from '../../platform/context';
import type { Actor } from '../access/index';
import type { CaseSection } from './sections';

/** One way a case is opened to an organisation outside its own: what it opens, and through what. */
export interface CaseGrant {
  sections: readonly CaseSection[];
  via: 'referral' | 'agreement';
  /** For a referral: the services asked for (its purpose). */
  services?: readonly string[];
}

/**
 * Who besides the case's own organisation may read a case. Cases do not know referrals: the referrals module
 * (downstream of cases) provides this lookup when it is loaded, so the dependency points one way.
 */
export interface CaseSharing {
  /** What this source opens of the case to this person now (empty: nothing). */
  grantsOn(ctx: Context, caseId: string, actor: Actor): Promise<CaseGrant[]>;
  /** The cases this source opens to this person now, with the sections each opens (for lists). */
  casesFor(ctx: Context, actor: Actor): Promise<{ caseId: string; sections: readonly CaseSection[] }[]>;
}

const providers: CaseSharing[] = [];

/** Adds a source of case sharing (called once by the module that owns the sharing records). */
export function registerCaseSharing(provider: CaseSharing): void {
  if (!providers.includes(provider)) providers.push(provider);
}

/** Every grant the registered sharing sources give this person on the case now. */
export async function grantsOn(ctx: Context, caseId: string, actor: Actor): Promise<CaseGrant[]> {
  return (await Promise.all(providers.map((p) => p.grantsOn(ctx, caseId, actor)))).flat();
}

/** Every case the registered sharing sources open to this person now, with the sections they open together. */
export async function casesSharedWith(ctx: Context, actor: Actor): Promise<Map<string, Set<CaseSection>>> {
  const out = new Map<string, Set<CaseSection>>();
  for (const g of (await Promise.all(providers.map((p) => p.casesFor(ctx, actor)))).flat()) {
    const sections = out.get(g.caseId) ?? new Set<CaseSection>();
    for (const s of g.sections) sections.add(s);
    out.set(g.caseId, sections);
  }
  return out;
}
