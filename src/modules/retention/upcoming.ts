import type { Context } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import { type Actor, can } from '../access/index';
import { CaseAccess } from '../cases/index';
import * as repo from './repo';
import type { RetentionRecordType } from './vocabulary';

/** A record the retention job warned about (or found held), as the upcoming list shows it. */
export interface Upcoming {
  recordType: RetentionRecordType;
  caseId: string | null;
  caseCode: string | null;
  dueOn: string;
  warnedAt: string | null;
  held: boolean;
}

/**
 * What retention will apply soon: warned (with the date it is due) or held records. Administrators (retention:manage)
 * see every one; supervisors (rights:manage) only those whose case they may read; anyone else is refused (403).
 */
export async function upcoming(ctx: Context, actor: Actor): Promise<Upcoming[]> {
  const all = can(actor, 'retention:manage');
  if (!all && !can(actor, 'rights:manage')) throw new AppError(403, 'forbidden');
  const rows = await repo.upcomingNotices(ctx.db.db);
  const access = new CaseAccess(ctx);
  const seen = new Map<string, boolean>();
  const readable = async (caseId: string | null) => {
    if (all) return true;
    if (!caseId) return false;
    if (!seen.has(caseId))
      seen.set(
        caseId,
        await access.load(actor, caseId).then(
          () => true,
          () => false,
        ),
      );
    return seen.get(caseId)!;
  };
  const out: Upcoming[] = [];
  for (const r of rows)
    if (await readable(r.case_id))
      out.push({
        recordType: r.record_type as RetentionRecordType,
        caseId: r.case_id,
        caseCode: r.case_code,
        dueOn: r.due_on,
        warnedAt: r.warned_at,
        held: Number(r.held) === 1,
      });
  return out;
}
