import type { Context } from '../../platform/context';
import { type Actor, can } from '../access/index';
import { RightsAccess } from './access';
import { personFlags } from './flags';
import { Holds } from './holds';
import * as repo from './repo-holds';
import { anonymisedAtOf } from './requests';
import type { PrivacyView } from './schema';

/**
 * The case page's privacy card: the person's restriction and objection flags, the case's legal holds, whether a
 * proceeding is open, when its retention schedule applies, and when the case was anonymised. Read by the case's own staff (direct reach); what is shared
 * with another organisation does not open it.
 */
export async function casePrivacy(ctx: Context, actor: Actor, caseId: string): Promise<PrivacyView> {
  const c = await new RightsAccess(ctx).caseFor(actor, caseId, 'cases:read');
  const [flags, holds, open, row, notice] = await Promise.all([
    personFlags(ctx, c.person_id),
    new Holds(ctx).present(c.id),
    repo.openProceedingCaseIds(ctx.db.db, [c.id]),
    repo.caseRow(ctx.db.db, c.id),
    repo.retentionNotice(ctx.db.db, c.id),
  ]);
  return {
    flags,
    holds,
    openProceeding: open.size > 0,
    anonymisedAt: anonymisedAtOf(row),
    retention: notice && !row?.anonymised_at ? { dueOn: notice.due_on, held: Number(notice.held) === 1 } : null,
    abilities: { manage: can(actor, 'rights:manage') },
  };
}
