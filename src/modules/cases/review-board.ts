import type { Context } from '../../platform/context';
import type { Actor } from '../access/index';
import { CaseAccess } from './access';
import { Closure } from './closure';
import { FollowUps } from './followups';
import { maySupervise } from './policy';
import * as repoProtection from './repo-protection';

/**
 * What waits for a supervisor besides tasks: support plans to review (closure requests are the closure board's),
 * and the count of everything waiting for a person, for the menu.
 */
export class ReviewBoard {
  private readonly access: CaseAccess;

  constructor(private readonly ctx: Context) {
    this.access = new CaseAccess(ctx);
  }

  /** Submitted support plans in the supervisor's jurisdiction, oldest first; empty for anyone else. */
  async plansToReview(actor: Actor) {
    if (!maySupervise(actor)) return [];
    const codes = await this.access.scopeCodes(actor);
    const rows = await repoProtection.selectSubmittedPlans(this.ctx.db.db, actor.scope.country, codes);
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      caseCode: r.code,
      version: Number(r.version),
      submittedAt: r.updated_at,
    }));
  }

  /** Open tasks and stale drafts, plus (for supervisors) plans and closures waiting for review. */
  async count(actor: Actor): Promise<{ work: number }> {
    const mine = (await new FollowUps(this.ctx).myWork(actor)).length;
    if (!maySupervise(actor)) return { work: mine };
    const [plans, closures] = await Promise.all([this.plansToReview(actor), new Closure(this.ctx).board(actor)]);
    return { work: mine + plans.length + closures.length };
  }
}
