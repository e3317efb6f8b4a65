// The small fixed vocabularies of cross-border work. Pure lists, so the directory, the services and the web app read
// one list. Places abroad (ISO 3166) are in iso.ts, server-side only.

/** An exchange with a foreign authority: the case was received from it (incoming) or referred to it (outgoing). */
export const exchangeDirections = ['incoming', 'outgoing'] as const;
/** The kinds of document exchanged with a foreign authority. */
export const documentTypes = [
  'referral_request',
  'identity_document',
  'social_report',
  'family_assessment',
  'travel_authorisation',
  'court_order',
  'other',
] as const;
export const tracingResults = ['found', 'not_found'] as const;
/** The best-interest decision of a family assessment. */
export const bestInterestDecisions = ['return', 'do_not_return', 'defer'] as const;
export const accompanyingRoles = ['family', 'caseworker', 'consular', 'police', 'other'] as const;
export const visitOutcomes = ['on_track', 'concern', 'at_risk', 'not_found'] as const;
export const planOutcomes = ['reintegrated', 'partially_reintegrated', 'not_reintegrated', 'lost_contact'] as const;
/** Kinds of directory entry: a service provider, a foreign (or national) authority, a consulate. */
export const providerKinds = ['service', 'authority', 'consulate'] as const;
/** The case task each scheduled monitoring visit is until it is recorded. */
export const monitoringVisitTask = 'monitoring_visit';
/**
 * The shipped default of the catalogue entry `visit_schedule/reintegration` (migration 0028: visits 1, 3, 6 and 12
 * months after the arrival). The catalogue decides the schedule; this is used only when the installation retired
 * that entry or it is missing, so that recording an arrival never fails for want of a schedule.
 */
export const defaultVisitMonths: readonly number[] = [1, 3, 6, 12];
