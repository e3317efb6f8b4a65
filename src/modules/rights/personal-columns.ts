// Every sealed (`*_enc`) and blind-index (`*_index`) column of the database, classified: how its rows link to a
// person or a case, and what anonymisation does to it. src/modules/rights/personal-columns.test.ts reads the migrated
// schema and fails when a column is missing here, so a new table with personal data must say what erasure does to it.

/**
 * How a table's rows belong to the person or case being anonymised:
 * - `person`: the persons row itself (and the persons merged into it); `person_id`: a column naming the person;
 * - `case`: the cases row itself; `case_id`: a column naming the case;
 * - `case_code`: the public reports a case took in (reports.case_code); `report_id`: their messages;
 * - `referral_id`: the services recorded on the case's referrals;
 * - `none`: rows about no case person (see `why`).
 */
export type PersonalLink =
  | 'person'
  | 'person_id'
  | 'case'
  | 'case_id'
  | 'case_code'
  | 'report_id'
  | 'referral_id'
  | 'none';

/**
 * What anonymisation does:
 * - `with-person`: destroyed when the person is anonymised (erasure, or retention of their last case);
 * - `with-case`: destroyed when the case is (and so with the person, for all their cases);
 * - `kept`: not about the persons of cases (staff accounts, research respondents, import staging): see `why`.
 */
export type PersonalFate = 'with-person' | 'with-case' | 'kept';

/** One sealed or blind-index column and what anonymisation does to it. */
export interface PersonalColumn {
  table: string;
  column: string;
  kind: 'sealed' | 'index';
  link: PersonalLink;
  fate: PersonalFate;
  /**
   * For a NOT NULL sealed column: the plain value sealed in its place ('' or '{}' for JSON answers), as the column
   * cannot hold NULL. It tells nothing about anyone. Absent: the column becomes NULL.
   */
  blank?: string;
  /** For an index kept in rows of its own (a person's phonetic name keys): the rows are deleted. */
  deleteRows?: true;
  /** One line: what the column holds, and why it is kept when it is. */
  why: string;
}

interface TableSpec {
  link: PersonalLink;
  fate: PersonalFate;
  why: string;
  sealed?: string[];
  /** NOT NULL sealed columns and the blank sealed in their place. */
  blanks?: Record<string, string>;
  indexes?: string[];
  deleteRows?: true;
}

const tables: Record<string, TableSpec> = {
  persons: {
    link: 'person',
    fate: 'with-person',
    why: "the person's names, birth date, identity number, contact and their lookup indexes",
    sealed: ['given_names_enc', 'surnames_enc', 'birthdate_enc', 'identity_enc', 'contact_enc'],
    indexes: ['birthdate_index', 'identity_index'],
  },
  person_name_keys: {
    link: 'person_id',
    fate: 'with-person',
    why: "phonetic keys of the person's names (duplicate search): the rows are deleted",
    indexes: ['key_index'],
    deleteRows: true,
  },
  person_flags: {
    link: 'person_id',
    fate: 'with-person',
    why: 'why a restriction or objection was lifted',
    sealed: ['lift_reason_enc'],
  },
  data_requests: {
    link: 'person_id',
    fate: 'with-person',
    why: "who asked, what and the answer's note; the request's code, right, dates and status stay (accountability)",
    sealed: ['requester_enc', 'note_enc', 'outcome_enc'],
  },
  cases: {
    link: 'case',
    fate: 'with-case',
    why: 'free text of the case: decision and closure reasons, guardian, best interest, vulnerabilities, referrer',
    sealed: [
      'decision_reason_enc',
      'guardian_enc',
      'best_interest_enc',
      'closure_reason_enc',
      'vulnerability_details_enc',
      'referred_by_enc',
      'referral_details_enc',
    ],
  },
  case_events: {
    link: 'case_id',
    fate: 'with-case',
    why: "places and descriptions of the case's events",
    sealed: ['place_enc', 'description_enc'],
  },
  case_perpetrators: {
    link: 'case_id',
    fate: 'with-case',
    why: "third parties' names and details, collected only for this case (roles, gender, citizenship stay)",
    sealed: ['details_enc', 'given_names_enc', 'surnames_enc'],
  },
  record_changes: {
    link: 'case_id',
    fate: 'with-case',
    why: 'old and new values and reasons of every change; who, when and which fields stay',
    sealed: ['values_enc', 'reason_enc'],
  },
  case_comments: { link: 'case_id', fate: 'with-case', why: 'staff notes on the case', blanks: { body_enc: '' } },
  case_tasks: {
    link: 'case_id',
    fate: 'with-case',
    why: "tasks' notes and outcomes",
    sealed: ['note_enc', 'outcome_enc'],
  },
  consents: { link: 'case_id', fate: 'with-case', why: "the consent giver's name", sealed: ['giver_name_enc'] },
  referrals: {
    link: 'case_id',
    fate: 'with-case',
    why: "referrals' free text: details, override and response reasons",
    sealed: ['override_reason_enc', 'response_reason_enc', 'details_enc'],
  },
  referral_services: {
    link: 'referral_id',
    fate: 'with-case',
    why: 'notes on services delivered',
    sealed: ['notes_enc'],
  },
  case_closure_requests: {
    link: 'case_id',
    fate: 'with-case',
    why: "closure requests' reasons and comments",
    sealed: ['comment_enc'],
    blanks: { reason_enc: '' },
  },
  case_transfers: { link: 'case_id', fate: 'with-case', why: 'why the case was transferred', sealed: ['reason_enc'] },
  support_plans: {
    link: 'case_id',
    fate: 'with-case',
    why: "support plans' objectives, actions and review comments",
    sealed: ['action_plan_enc', 'review_comment_enc'],
    blanks: { objectives_enc: '' },
  },
  legal_proceedings: {
    link: 'case_id',
    fate: 'with-case',
    why: 'file numbers, outcomes and protection measures of the legal process',
    sealed: ['file_number_enc', 'outcome_enc', 'protection_measures_enc'],
  },
  case_files: {
    link: 'case_id',
    fate: 'with-case',
    why: "attachments' names: the rows and the stored files are deleted",
    sealed: ['name_enc'],
  },
  case_form_answers: {
    link: 'case_id',
    fate: 'with-case',
    why: "answers to the installation's own forms (their plain aggregate facts stay)",
    blanks: { answers_enc: '{}' },
  },
  board_notifications: {
    link: 'case_id',
    fate: 'with-case',
    why: "the board notification's facts, request and receiver",
    sealed: ['receiver_enc'],
    blanks: { facts_enc: '', request_enc: '' },
  },
  board_hearings: {
    link: 'case_id',
    fate: 'with-case',
    why: "board hearings' attendees, notes and outcomes",
    sealed: ['attendees_enc', 'notes_enc', 'outcome_enc'],
  },
  board_measures: {
    link: 'case_id',
    fate: 'with-case',
    why: "protection measures' court reference, responsible, notes and end reason (type and dates stay)",
    sealed: ['court_ref_enc', 'notes_enc', 'end_reason_enc'],
    blanks: { responsible_enc: '' },
  },
  board_measure_reviews: { link: 'case_id', fate: 'with-case', why: "measure reviews' notes", sealed: ['notes_enc'] },
  cross_border_exchanges: {
    link: 'case_id',
    fate: 'with-case',
    why: 'references and notes of exchanges with foreign authorities',
    sealed: ['reference_enc', 'notes_enc'],
  },
  family_tracings: {
    link: 'case_id',
    fate: 'with-case',
    why: "who traced the family, the family's contact, notes",
    sealed: ['family_contact_enc', 'notes_enc'],
    blanks: { traced_by_enc: '' },
  },
  family_assessments: {
    link: 'case_id',
    fate: 'with-case',
    why: "family assessments' assessor, findings, the child's view and reasons (the decision stays)",
    blanks: { assessor_enc: '', findings_enc: '', child_view_enc: '', reasons_enc: '' },
  },
  case_returns: {
    link: 'case_id',
    fate: 'with-case',
    why: "a return's route and who accompanied the child",
    sealed: ['route_enc', 'accompanying_enc'],
  },
  reintegration_plans: { link: 'case_id', fate: 'with-case', why: "reintegration plans' goals", sealed: ['goals_enc'] },
  monitoring_visits: { link: 'case_id', fate: 'with-case', why: "monitoring visits' notes", sealed: ['notes_enc'] },
  complaints: {
    link: 'case_id',
    fate: 'with-case',
    why: "a complaint's file number and reparation text (stage, outcome, amounts stay: figures)",
    sealed: ['file_number_enc', 'reparation_enc'],
  },
  complaint_hearings: { link: 'case_id', fate: 'with-case', why: "court hearings' results", sealed: ['result_enc'] },
  legal_holds: {
    link: 'case_id',
    fate: 'with-case',
    why: "legal holds' reason, basis and lifting reason (that a hold was placed and lifted stays)",
    sealed: ['reason_enc', 'basis_enc', 'lift_reason_enc'],
  },
  reports: {
    link: 'case_code',
    fate: 'with-case',
    why: "the public reports the case took in: what was reported, where, when, the reporter's contact",
    sealed: ['place_text_enc', 'when_text_enc', 'contact_enc'],
    blanks: { what_enc: '' },
    indexes: ['contact_index'],
  },
  report_messages: {
    link: 'report_id',
    fate: 'with-case',
    why: "messages of the case's reports",
    blanks: { body_enc: '' },
  },
  users: {
    link: 'none',
    fate: 'kept',
    why: 'staff accounts (e-mail, name, identity, TOTP secret): the staff, not the persons of cases',
    sealed: ['email_enc', 'name_enc', 'identity_enc', 'totp_secret_enc'],
    indexes: ['email_index', 'identity_index'],
  },
  study_submissions: {
    link: 'none',
    fate: 'kept',
    why: 'research interviews with anonymous or pseudonymous respondents, never linked to a case',
    blanks: { answers_enc: '{}' },
  },
  htcds_imports: {
    link: 'none',
    fate: 'kept',
    why: "an HTCDS import's rows while it runs; emptied (NULL) when it commits, fails or expires",
    sealed: ['rows_enc'],
  },
};

const columnsOf = (table: string, s: TableSpec): PersonalColumn[] => {
  const base = { table, link: s.link, fate: s.fate, why: s.why };
  return [
    ...(s.sealed ?? []).map((column) => ({ ...base, column, kind: 'sealed' as const })),
    ...Object.entries(s.blanks ?? {}).map(([column, blank]) => ({ ...base, column, kind: 'sealed' as const, blank })),
    ...(s.indexes ?? []).map((column) => ({
      ...base,
      column,
      kind: 'index' as const,
      ...(s.deleteRows ? { deleteRows: true as const } : {}),
    })),
  ];
};

/** Every sealed and blind-index column of the database with its link to a person or case and its fate; complete (tested). */
export const personalColumns: readonly PersonalColumn[] = Object.entries(tables).flatMap(([t, s]) => columnsOf(t, s));

/** The columns of one table that anonymisation destroys, grouped by table, for the tables of a fate. */
export function erasedTables(
  fates: readonly PersonalFate[],
): { table: string; link: PersonalLink; columns: PersonalColumn[] }[] {
  const out = new Map<string, { table: string; link: PersonalLink; columns: PersonalColumn[] }>();
  for (const c of personalColumns) {
    if (!fates.includes(c.fate)) continue;
    const t = out.get(c.table) ?? { table: c.table, link: c.link, columns: [] };
    t.columns.push(c);
    out.set(c.table, t);
  }
  return [...out.values()];
}
