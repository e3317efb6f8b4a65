// The small fixed vocabularies of criminal proceedings. Offences and stages are the installation's legal catalogues
// (`offence`, `proceeding_stage`), never listed here; these are the kinds of hearing and the outcomes, which the
// figures count and which the web app labels from the shared labels (`prosecution.hearingKind.*`, `.outcome.*`).

/** Kinds of procedural hearing (COIP): formulation of charges, evaluation and preparation for trial, trial, appeal. */
export const hearingKinds = ['charges_formulation', 'evaluation_preparatory', 'trial', 'appeal', 'other'] as const;
export type HearingKind = (typeof hearingKinds)[number];

/** How a proceeding ends: dismissed (at any stage), or after prosecution an acquittal or a conviction. */
export const outcomes = ['dismissal', 'acquittal', 'conviction'] as const;
export type Outcome = (typeof outcomes)[number];

/** Outcomes that need the proceeding to have been prosecuted (a stage with prosecuted=true reached). */
export const outcomesAfterCharges: readonly Outcome[] = ['acquittal', 'conviction'];
