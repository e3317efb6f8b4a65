// The board procedure's own small vocabularies (what the catalogues do not configure). Pure data, so the service, the
// figures and the web app read one list. Measure types, deadlines and authorities come from the legal catalogues.

/** How a notification reached the board. */
export const deliveryMethods = ['in_person', 'email', 'official_letter', 'quipux'] as const;
/** The kinds of hearing a board holds. */
export const hearingKinds = ['initial', 'evidence', 'resolution', 'review', 'other'] as const;
/** What a review of a measure concluded (ending or revoking is its own step). */
export const reviewOutcomes = ['maintained', 'modified'] as const;
/** A measure's life. */
export const measureStatuses = ['active', 'ended', 'revoked'] as const;
/** The judge's answer to a measure that needs ratification. */
export const ratificationAnswers = ['ratified', 'refused'] as const;
/** The case tasks the procedure opens and closes (the 24-hour notification task is the cases module's own). */
export const boardTaskKinds = {
  notification: 'notify_child_protection',
  review: 'measure_review',
  ratification: 'measure_ratification',
} as const;
/** The languages a notification is written in. */
export const noticeLanguages = ['es', 'en', 'qu-EC'] as const;
