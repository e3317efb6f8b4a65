// The epsilon ledger: every differentially private release is written down with its scope and epsilon, and a
// release that would take any one person past the yearly budget (MINKA_DP_BUDGET) is refused before it is made.
// Releases compose: a person in Colta is in every release of Colta, of Chimborazo and of Ecuador, so what a
// person has spent is the sum along their path of divisions. A release of scope S may spend epsilon when, for
// every division under S, the releases of S's ancestors and S itself, plus the heaviest path of releases between
// S and that division, plus epsilon stay within the budget.
import { randomUUID } from 'node:crypto';
import type { Context } from '../../../platform/context';
import { type Db, nowIso } from '../../../platform/db/index';
import { AppError } from '../../../platform/http/errors';
import type { Actor } from '../../access/index';
import { GeoService } from '../../geo/index';
import * as repoLedger from './repo-ledger';

/** Epsilon in millionths: sums of whole numbers are exact where 0.1 + 0.2 is not. */
export const toMicro = (epsilon: number) => Math.round(epsilon * 1_000_000);
const fromMicro = (micro: number) => Math.round(micro / 10_000) / 100;

/** The budget's period: the calendar year (UTC) of `at`. */
export const periodOf = (at: Date) => String(at.getUTCFullYear());

/**
 * The most any one person inside scope `path` has spent, from the ledger's (path, micro) entries: the entries on
 * `path` itself and above it, plus the heaviest chain of entries below it. Paths are division codes from the
 * country down.
 */
export function spentWithin(entries: readonly { path: string[]; micro: number }[], path: string[]): number {
  const isPrefix = (p: string[], of: string[]) => p.length <= of.length && p.every((c, i) => of[i] === c);
  let above = 0;
  const below = entries.filter((e) => e.path.length > path.length && isPrefix(path, e.path));
  for (const e of entries) if (isPrefix(e.path, path)) above += e.micro;
  let heaviest = 0;
  for (const leaf of below) {
    let chain = 0;
    for (const e of below) if (isPrefix(e.path, leaf.path)) chain += e.micro;
    heaviest = Math.max(heaviest, chain);
  }
  return above + heaviest;
}

export interface BudgetState {
  period: string;
  budget: number;
  /** Epsilon already spent on the most exposed person of the scope, this period (after this release, if any). */
  spent: number;
  remaining: number;
}

export class EpsilonLedger {
  constructor(private readonly ctx: Context) {}

  private get budgetMicro() {
    return toMicro(this.ctx.config.MINKA_DP_BUDGET);
  }

  /** The scope's divisions from the country down (the scope alone under its country when it is not in the geography). */
  private async path(actor: Actor): Promise<string[]> {
    const { country, code } = actor.scope;
    const up = await new GeoService(this.ctx.db.db).ancestry(country, code);
    const path = up ? [...up].reverse() : [code];
    return path[0] === country ? path : [country, ...path];
  }

  private async entries(db: Db, country: string, period: string) {
    const rows = await repoLedger.selectDpEpsilonLedgerByPeriodAndCountryCode(db, country, period);
    return rows.map((r) => ({ path: r.scope_path.split('/'), micro: Number(r.epsilon_micro) }));
  }

  private state(period: string, spentMicro: number): BudgetState {
    return {
      period,
      budget: this.ctx.config.MINKA_DP_BUDGET,
      spent: fromMicro(spentMicro),
      remaining: fromMicro(Math.max(0, this.budgetMicro - spentMicro)),
    };
  }

  /**
   * Records `epsilon` against the actor's scope, or throws 409 `privacy_budget_exhausted` and records nothing when
   * it would take anyone in the scope past the budget. Releases of one country take turns, so two at once cannot
   * both pass on the same remainder.
   */
  async spend(
    actor: Actor,
    epsilon: number,
    purpose: string,
    requestId: string,
    at = new Date(),
  ): Promise<BudgetState> {
    const period = periodOf(at);
    const path = await this.path(actor);
    const country = actor.scope.country;
    const micro = toMicro(epsilon);
    return this.ctx.db.db.transaction().execute(async (trx) => {
      await repoLedger.insertDpBudgetTurns(trx, { country_code: country, period, turns: 0 });
      await repoLedger.updateDpBudgetTurnsByPeriodAndCountryCode(trx, country, period);
      const spent = spentWithin(await this.entries(trx, country, period), path);
      if (spent + micro > this.budgetMicro) {
        const s = this.state(period, spent);
        throw new AppError(409, 'privacy_budget_exhausted', {
          epsilon,
          budget: s.budget,
          spent: s.spent,
          remaining: s.remaining,
          period,
        });
      }
      await repoLedger.insertDpEpsilonLedger(trx, {
        id: randomUUID(),
        country_code: country,
        scope_code: actor.scope.code,
        scope_path: path.join('/'),
        period,
        epsilon_micro: micro,
        purpose,
        actor_user_id: actor.userId,
        request_id: requestId,
        created_at: nowIso(),
      });
      return this.state(period, spent + micro);
    });
  }
}
