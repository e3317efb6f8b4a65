import { AppError } from '../../platform/http/errors';
import type { OutcomeBody } from './schema';
import { outcomesAfterCharges } from './vocabulary';

// The rules of a proceeding, as pure checks over what is recorded; each refusal names the field it is about.

/** A refused value, named at its field so the form shows the message beside it. */
export const fieldError = (status: number, code: string, path: string) =>
  new AppError(status, code, {}, { fields: [{ path: `body.${path}`, problem: code }] });

/** A later stage on a day: forward in the catalogue's order, on or after the filing and the last stage. */
export function checkStage(
  o: { nextOrder: number; currentOrder: number | null; reachedOn: string; filedOn: string; lastOn: string | null },
  today: string,
): void {
  if (o.currentOrder !== null && o.nextOrder <= o.currentOrder) throw fieldError(409, 'stage_not_forward', 'stage');
  if (o.reachedOn > today) throw fieldError(400, 'date_in_future', 'reachedOn');
  if (o.reachedOn < o.filedOn || (o.lastOn && o.reachedOn < o.lastOn))
    throw fieldError(400, 'date_before_stage', 'reachedOn');
}

/**
 * A hearing's day: on or after the filing, and at most one year after today on the business clock (a hearing may be
 * recorded ahead, once scheduled, as the form's optional "what was decided" allows; a later day is a typing error).
 */
export function checkHearingDay(heldOn: string, filedOn: string, today: string): void {
  if (heldOn < filedOn) throw fieldError(400, 'date_before_stage', 'heldOn');
  const yearAhead = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  if (heldOn > yearAhead) throw fieldError(400, 'hearing_too_far_ahead', 'heldOn');
}

/**
 * An outcome: dated between the filing and today; sentence, fine and reparation only with a conviction; per-suspect
 * outcomes only for the complaint's suspects; an acquittal or a conviction (of anyone) only once prosecuted (409).
 */
export function checkOutcome(
  b: OutcomeBody,
  c: { filed_on: string; charged_on: string | null },
  suspectIds: readonly string[],
  today: string,
): void {
  if (b.outcomeOn > today) throw fieldError(400, 'date_in_future', 'outcomeOn');
  if (b.outcomeOn < c.filed_on) throw fieldError(400, 'date_before_stage', 'outcomeOn');
  for (const k of ['sentenceMonths', 'fineAmount', 'reparation', 'reparationAmount'] as const)
    if (b[k] !== undefined && b.outcome !== 'conviction') throw fieldError(400, 'sentence_needs_conviction', k);
  for (const [i, s] of (b.suspects ?? []).entries()) {
    if (!suspectIds.includes(s.suspectId)) throw fieldError(400, 'unknown_suspect', `suspects.${i}.suspectId`);
    if ((s.sentenceMonths !== undefined || s.fineAmount !== undefined) && s.outcome !== 'conviction')
      throw fieldError(400, 'sentence_needs_conviction', `suspects.${i}.sentenceMonths`);
  }
  const needsCharges = [b.outcome, ...(b.suspects ?? []).map((s) => s.outcome)].some((o) =>
    outcomesAfterCharges.includes(o),
  );
  if (needsCharges && !c.charged_on) throw fieldError(409, 'outcome_needs_charges', 'outcome');
}
