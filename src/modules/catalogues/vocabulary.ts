// The legal catalogues an installation configures: lists whose entries carry their legal source, labels that an
// administrator may reword, and the numbers the rules read (deadlines, review periods, visit months). Pure data, so
// the services of the protection modules and the web app read one list of names.

/** Every configurable list. */
export const catalogueLists = [
  /** Protection measures a board or a judge decides (CONA). */
  'measure_type',
  /** Authorities that decide, ratify or receive (protection board, family judge, prosecutor's office…). */
  'authority',
  /** Legal deadlines, in hours (e.g. the 24-hour notification to the board). */
  'deadline',
  /** Offences a complaint charges (COIP art. 91 trafficking and related offences). */
  'offence',
  /** Stages of a criminal proceeding, in order. */
  'proceeding_stage',
  /** Months after a return at which monitoring visits fall due. */
  'visit_schedule',
] as const;
export type CatalogueList = (typeof catalogueLists)[number];

/** Who decides a measure. */
export const deciders = ['board', 'judge'] as const;
/** The kinds of authority. */
export const authorityKinds = ['board', 'judge', 'prosecutor', 'police', 'ministry', 'foreign'] as const;

/**
 * Lists whose entries Minka reads by key (deadline `board_notification`, visit_schedule `reintegration`): an
 * administrator changes their numbers, wording and source, but adds no entry and retires none.
 */
export const readByKey: readonly CatalogueList[] = ['deadline', 'visit_schedule'];
