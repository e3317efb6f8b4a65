import type { Generated } from 'kysely';

/** Key-value facts about this installation (for example which demo seed ran). */
export interface MetaTable {
  key: string;
  value: string;
  updated_at: string;
}

/** One node of an administrative hierarchy: country (level 0) down to level 3. */
export interface DivisionTable {
  country_code: string;
  code: string;
  level: number;
  parent_code: string | null;
  name: string;
  name_search: string;
  created_at: string;
  updated_at: string;
}

/** A division's boundary as GeoJSON geometry text (WGS84). */
export interface DivisionBoundaryTable {
  country_code: string;
  code: string;
  geometry: string;
  updated_at: string;
}

export interface DataKeyTable {
  id: string;
  purpose: string;
  master_version: number;
  wrapped: string;
  created_at: string;
  retired_at: string | null;
}

export interface OrganisationTable {
  id: string;
  name: string;
  org_type: string;
  country_code: string;
  division_code: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface RoleTable {
  key: string;
  label: string | null;
  permissions: string;
  system: number;
  created_at: string;
  updated_at: string;
}

/** Staff accounts. Email, name and identity number are encrypted; *_index columns are blind indexes. */
export interface UserTable {
  id: string;
  organisation_id: string;
  email_index: string;
  email_enc: string;
  name_enc: string;
  identity_index: string | null;
  identity_enc: string | null;
  password_hash: string | null;
  status: 'invited' | 'active' | 'deactivated';
  scope_country: string;
  scope_code: string;
  totp_secret_enc: string | null;
  totp_enabled_at: string | null;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
  /** The language the person reads (es, en, qu-EC): e-mails and documents follow it; null = Spanish. */
  language: string | null;
  /** The TOTP time step of the last accepted code: a code of this step or an earlier one is refused. */
  totp_last_step: number | null;
}

export interface UserRoleTable {
  user_id: string;
  role_key: string;
}

export interface SessionTable {
  id: string;
  token_hash: string;
  user_id: string;
  mfa: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface RecoveryCodeTable {
  code_hash: string;
  user_id: string;
  used_at: string | null;
}

export interface OneTimeTokenTable {
  token_hash: string;
  user_id: string;
  purpose: 'invite' | 'reset';
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A browser that signed in before: only the SHA-256 of its cookie, and whose it is. */
export interface KnownDeviceTable {
  token_hash: string;
  user_id: string;
  created_at: string;
}

export interface AuthThrottleTable {
  key: string;
  failures: number;
  accounts: string;
  first_failure_at: string;
  blocked_until: string | null;
}

/** Shared limit counters (platform/limits): an opaque keyed hash per source and window, never an address. */
export interface RateCounterTable {
  key: string;
  count: number;
  expires_at: number;
}

export interface AuditLogTable {
  id: number;
  at: string;
  actor_user_id: string | null;
  actor_org_id: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  fields: string | null;
  details: string;
  request_id: string | null;
  prev_hash: string;
  hash: string;
  /** Which audit MAC key chained this entry ("v1": derived from master key v1); null for plain SHA-256 entries from before 0017. */
  key_id: string | null;
}

export interface ReportTable {
  id: string;
  code: string;
  status: 'new' | 'in_review' | 'referred' | 'unfounded' | 'closed';
  channel: 'web' | 'sms' | 'whatsapp';
  language: string;
  country_code: string;
  division_code: string;
  place_known: number;
  forms: string;
  child_involved: number | null;
  people_count: number | null;
  danger_now: number;
  occurred_month: string | null;
  what_enc: string;
  place_text_enc: string | null;
  when_text_enc: string | null;
  contact_enc: string | null;
  contact_index: string | null;
  receipt_locator: string | null;
  receipt_hash: string | null;
  assignee_user_id: string | null;
  case_code: string | null;
  reporter_activity_at: string;
  purge_warned_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReportMessageTable {
  id: string;
  report_id: string;
  author: 'reporter' | 'staff';
  staff_user_id: string | null;
  body_enc: string;
  created_at: string;
}

export interface ReportFileTable {
  id: string;
  report_id: string;
  kind: 'photo' | 'audio';
  mime: string;
  size: number;
  created_at: string;
}

export interface ReportSessionTable {
  token_hash: string;
  report_id: string;
  expires_at: string;
}

export interface PersonTable {
  id: string;
  given_names_enc: string | null;
  surnames_enc: string | null;
  birthdate_enc: string | null;
  birthdate_index: string | null;
  birth_year: number | null;
  gender: string | null;
  ethnicity: string | null;
  languages: string;
  citizenship: string;
  identity_enc: string | null;
  identity_index: string | null;
  merged_into: string | null;
  marital_status: string | null;
  primary_language: string | null;
  secondary_language: string | null;
  contact_enc: string | null;
  /** When the person was anonymised (erasure or retention: rights/anonymise.ts); null while they are not. */
  anonymised_at?: string | null;
  /** Optimistic concurrency: raised by one on every change. */
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CaseTable {
  id: string;
  code: string;
  person_id: string;
  /** Set while a merge moved this case to another person, so the merge can be undone. */
  original_person_id: string | null;
  status: string;
  stage: string;
  country_code: string;
  division_code: string;
  owner_org_id: string;
  owner_user_id: string;
  assigned_user_id: string | null;
  is_minor: number;
  age_at_intake: number | null;
  age_when_trafficked: number | null;
  trafficking_status: string | null;
  decision_org: string | null;
  decision_reason_enc: string | null;
  decided_at: string | null;
  exploitation: string;
  recruitment_methods: string;
  relationship_to_trafficker: string | null;
  control_methods: string;
  labour_industries: string;
  sex_exploitation: string;
  months_exploited: number | null;
  guardian_enc: string | null;
  best_interest_enc: string | null;
  closure_reason_enc: string | null;
  /** What a report suggested (JSON, e.g. forms of exploitation) until a caseworker confirms or dismisses it. */
  suggestions: string | null;
  vulnerabilities: string | null;
  vulnerability_details_enc: string | null;
  recruitment_apps: string | null;
  exploitation_apps: string | null;
  /** An incoming referral from outside Minka: who referred the case, when, why (HTCDS reasons), details. */
  referred_by_enc: string | null;
  referred_on: string | null;
  referral_reason: string | null;
  referral_details_enc: string | null;
  /** When the case's records were anonymised (rights/anonymise.ts): no write is taken after it. */
  anonymised_at?: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface CaseEventTable {
  id: string;
  case_id: string;
  type: string;
  country_code: string | null;
  division_code: string | null;
  month: string | null;
  end_month: string | null;
  means: string | null;
  exploitation: string | null;
  place_enc: string | null;
  description_enc: string | null;
  version: number;
  created_at: string;
  updated_at: string | null;
}

export interface CasePerpetratorTable {
  id: string;
  case_id: string;
  roles: string;
  details_enc: string | null;
  given_names_enc: string | null;
  surnames_enc: string | null;
  gender: string | null;
  citizenship: string | null;
  relation: string | null;
  version: number;
  created_at: string;
  updated_at: string | null;
}

/** One versioned change of a case record: which fields, old and new values (encrypted), who and when. */
export interface RecordChangeTable {
  id: string;
  case_id: string;
  record_type: 'case' | 'person' | 'event' | 'perpetrator';
  record_id: string;
  /** `derived`: a change that follows from another (age and minor status from a corrected birth date). */
  kind: 'created' | 'updated' | 'removed' | 'restored' | 'derived';
  version: number;
  /** JSON list of the API field names changed. */
  fields: string;
  values_enc: string | null;
  reason_enc: string | null;
  restores_id: string | null;
  actor_user_id: string;
  actor_org_id: string;
  at: string;
}

export interface CaseCommentTable {
  id: string;
  case_id: string;
  author_user_id: string;
  body_enc: string;
  created_at: string;
}

export interface CaseTaskTable {
  id: string;
  case_id: string;
  kind: string;
  assignee_user_id: string | null;
  note_enc: string | null;
  notified_at: string | null;
  authority: string | null;
  due_at: string;
  done_at: string | null;
  done_by: string | null;
  outcome_enc?: string | null;
  created_at: string;
}

export interface CaseScreeningTable {
  id: string;
  case_id: string;
  config_id: string;
  version: string;
  indicators: string;
  result: string;
  created_by: string;
  created_at: string;
}

export interface ConsentTable {
  id: string;
  case_id: string;
  scope: string;
  organisation_id: string | null;
  given_by: string;
  giver_name_enc: string | null;
  given_at: string;
  withdrawn_at: string | null;
  created_by: string;
  /** JSON list of the case sections the consent covers; null = every section a referral's purpose needs. */
  sections?: string | null;
}

/** An agreement by which one organisation opens the cases it owns in some places to another (0018). */
export interface SharingAgreementTable {
  id: string;
  from_org_id: string;
  to_org_id: string;
  /** JSON list of case sections. */
  sections: string;
  country_code: string;
  /** JSON list of division codes covered (a case in one of them or below). */
  places: string;
  starts_on: string;
  /** The day it stops applying (exclusive). */
  ends_on: string;
  legal_basis: string;
  created_by: string;
  created_at: string;
  ended_at: string | null;
  ended_by: string | null;
}

export interface ProviderTable {
  id: string;
  organisation_id: string | null;
  name: string;
  country_code: string;
  division_code: string | null;
  services: string;
  min_age: number | null;
  max_age: number | null;
  sexes: string;
  contact: string | null;
  hours: string | null;
  active: number;
  /** service | authority | consulate (issue 20, returns) */
  kind: string;
  created_at: string;
  updated_at: string;
}

export interface ReferralTable {
  id: string;
  case_id: string;
  provider_id: string | null;
  to_org_id: string | null;
  /** The named caseworker who is to receive it, when the sender chose one. */
  to_user_id: string | null;
  services: string;
  status: 'sent' | 'accepted' | 'declined' | 'revoked' | 'completed';
  override_reason_enc: string | null;
  response_reason_enc: string | null;
  /** HTCDS cas_ReasonForOutgoingReferral / cas_ReasonForIncomingReferral. */
  reason: string;
  details_enc: string | null;
  accepted_at: string | null;
  /** When every requested service was delivered (0018); access ends a grace period later. */
  completed_at?: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** Every table Minka owns; modules add theirs here. */
/** A string an installation's reviewers corrected or confirmed; it outlives upgrades of the shipped catalogues. */
export interface TranslationTable {
  lang: string;
  /** `catalogue:key`, e.g. `web:nav.home`, `server:errors.not_found`, `labels:htcds.sex.Female`. */
  key: string;
  value: string;
  note: string | null;
  reviewed_by: string | null;
  reviewed_at: string;
}

/** A phone or computer that keeps an encrypted offline copy of marked cases. */
export interface FieldDeviceTable {
  id: string;
  user_id: string;
  /** What the person called it (e.g. "Teléfono de campo"), never personal data of a case. */
  name: string;
  created_at: string;
  last_seen_at: string;
  last_sync_at: string | null;
  cases_held: number;
  revoked_at: string | null;
  revoked_by: string | null;
  /** When the revoked device confirmed it erased its copy. */
  erased_at: string | null;
  /** SHA-256 (hex) of the secret the device shows when it asks without a session; null for older devices. */
  secret_hash: string | null;
}

/** A case a person marked for the field: their devices keep a copy of it. */
export interface FieldCaseTable {
  user_id: string;
  case_id: string;
  marked_at: string;
}

/** A write sent with an Idempotency-Key: while `status` is null it is running; after a success its answer's ids. */
export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  route: string;
  status: number | null;
  result: string | null;
  created_at: string;
}

/** A key rotation's progress (migration 0019). */
export interface KeyRotationTable {
  id: string;
  kind: 'data' | 'index';
  new_key_id: string;
  /** JSON array of the key ids this rotation replaces (destroyed when it finishes). */
  old_key_ids: string;
  phase: 'waiting' | 'rows' | 'files' | 'sweep-rows' | 'sweep-files' | 'done';
  /** JSON: the next table to work on and the last row id done in it. */
  progress: string;
  batches: number;
  changed: number;
  started_at: string;
  not_before: string;
  finished_at: string | null;
}

export interface Database {
  meta: MetaTable;
  field_devices: FieldDeviceTable;
  field_cases: FieldCaseTable;
  idempotency_keys: IdempotencyKeyTable;
  translations: TranslationTable;
  sequences: { name: string; value: number };
  divisions: DivisionTable;
  division_boundaries: DivisionBoundaryTable;
  data_keys: DataKeyTable;
  key_rotations: KeyRotationTable;
  /** Attachments' ciphertext in numbered chunks (platform/blobs). */
  blob_chunks: { blob_id: string; seq: number; bytes: Buffer };
  organisations: OrganisationTable;
  roles: RoleTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  recovery_codes: RecoveryCodeTable;
  known_devices: KnownDeviceTable;
  one_time_tokens: OneTimeTokenTable;
  auth_throttle: AuthThrottleTable;
  rate_counters: RateCounterTable;
  audit_log: AuditLogTable;
  reports: ReportTable;
  report_messages: ReportMessageTable;
  report_files: ReportFileTable;
  report_sessions: ReportSessionTable;
  persons: PersonTable;
  person_name_keys: { person_id: string; key_index: string };
  cases: CaseTable;
  case_events: CaseEventTable;
  case_comments: CaseCommentTable;
  case_perpetrators: CasePerpetratorTable;
  record_changes: RecordChangeTable;
  case_tasks: CaseTaskTable;
  case_screenings: CaseScreeningTable;
  consents: ConsentTable;
  sharing_agreements: SharingAgreementTable;
  providers: ProviderTable;
  agreements: {
    id: string;
    title: string;
    purpose: string | null;
    parties: string;
    country_code: string;
    division_code: string;
    signed_on: string;
    ends_on: string | null;
    renewed_from: string | null;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  agreement_commitments: {
    id: string;
    agreement_id: string;
    text: string;
    responsible_org_id: string | null;
    due_on: string | null;
    status: string;
  };
  local_plans: {
    id: string;
    title: string;
    country_code: string;
    division_code: string;
    year_from: number;
    year_to: number;
    status: string;
    agreement_id: string | null;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  plan_objectives: {
    id: string;
    plan_id: string;
    axis: string;
    text: string;
    national_objective: string | null;
    position: number;
  };
  plan_actions: {
    id: string;
    plan_id: string;
    objective_id: string;
    title: string;
    responsible_org_id: string | null;
    /** numeric: PostgreSQL returns it as a string, SQLite as a number. */
    budget_planned: number | string;
    budget_executed: number | string;
    starts_on: string | null;
    ends_on: string | null;
    status: string;
    commitment_id: string | null;
    updated_at: string;
  };
  plan_indicators: {
    id: string;
    plan_id: string;
    action_id: string | null;
    code: string;
    name: string;
    kind: string;
    unit: string;
    source: string;
    baseline: number | string | null;
    dimensions: string;
    targets: string;
  };
  indicator_values: {
    id: string;
    indicator_id: string;
    period: string;
    value: number | string;
    breakdown: string;
    entered_by: string;
    entered_at: string;
  };
  prevention_activities: {
    id: string;
    plan_id: string;
    action_id: string | null;
    kind: string;
    title: string;
    held_on: string;
    division_code: string | null;
    language: string | null;
    organisers: string;
    participants: number;
    breakdown: string;
    materials: string | null;
    created_at: string;
  };
  plan_documents: {
    id: string;
    parent_type: string;
    parent_id: string;
    action_id: string | null;
    instrument_id: string | null;
    mime: string;
    size: number;
    name: string | null;
    created_by: string;
    created_at: string;
  };
  policy_instruments: {
    id: string;
    plan_id: string;
    kind: string;
    title: string;
    status: string;
    history: string;
    objective_ids: string;
    updated_at: string;
  };
  case_closure_requests: {
    id: string;
    case_id: string;
    status: string;
    requested_status: string;
    reason_enc: string;
    requested_by: string;
    requested_at: string;
    decided_by: string | null;
    decided_at: string | null;
    comment_enc: string | null;
  };
  case_transfers: {
    id: string;
    case_id: string;
    to_org_id: string;
    to_user_id: string | null;
    status: string;
    reason_enc: string | null;
    created_by: string;
    created_at: string;
    responded_at: string | null;
  };
  support_plans: {
    id: string;
    case_id: string;
    version: number;
    status: string;
    objectives_enc: string;
    action_plan_enc: string | null;
    types: string;
    planned_end: string | null;
    actual_end: string | null;
    review_comment_enc: string | null;
    reviewed_by: string | null;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  legal_proceedings: {
    id: string;
    case_id: string;
    stage: string;
    date: string;
    authority: string | null;
    file_number_enc: string | null;
    outcome_enc: string | null;
    protection_measures_enc: string | null;
    victim_participates: number | null;
    created_by: string;
    created_at: string;
  };
  case_files: {
    id: string;
    case_id: string;
    kind: string;
    mime: string;
    size: number;
    name_enc: string | null;
    created_by: string;
    created_at: string;
  };
  notifications: {
    id: string;
    user_id: string;
    kind: string;
    case_id: string | null;
    task_id: string | null;
    created_at: string;
    read_at: string | null;
  };
  referrals: ReferralTable;
  insight_snapshots: { period: string; payload: string; created_at: string };
  /** CTDC-style batches (issue 21, migration 0036): one per scope and release period decided; never changed. */
  ctdc_batches: {
    id: string;
    scope: string;
    number: number;
    period: string;
    k: number;
    /** The scope's fixed generalisation as JSON (ctdc/batches.ts); null until a batch publishes anything. */
    generalisation: string | null;
    rows_published: number;
    held_back: number;
    created_at: string;
  };
  /** Published generalised CTDC rows (JSON array in column order) under an opaque random id; never changed. */
  ctdc_rows: { id: string; batch_id: string; scope: string; batch_number: number; position: number; row: string };
  /** Persons a scope has published (so the others are held back); says nothing about which row is whose. */
  ctdc_published: { scope: string; person_id: string; batch_number: number };
  /** Persons whose analytical fact may have moved, noted by triggers (insights/incremental.ts); '*' = rebuild all.
   * The id is an integer on SQLite and a UUID on PostgreSQL (migration 0024). */
  insight_changes: { id: Generated<number | string>; person_id: string };
  /** Each person's fact as the analytical cube counts it: its finest cell and its keys (no personal data). */
  insight_facts: { person_id: string; cell: string; keys: string };
  /** Counts per finest cell (country|province|canton|month|minor) as sorted JSON, and the version that wrote them. */
  insight_cells: { cell: string; counts: string; version: number };
  /** The analytical store's one state row: generation, version, empty | building | ready, the builder's lease. */
  insight_state: {
    id: number;
    generation: number;
    version: number;
    status: string;
    owner: string | null;
    lease_until: string | null;
    built_at: string | null;
  };
  htcds_imports: {
    id: string;
    created_by: string;
    org_id: string;
    country_code: string;
    division_code: string;
    format: string;
    status: string;
    total: number;
    valid: number;
    processed: number;
    imported: number;
    linked: number;
    valid_only: number;
    /** JSON [{row, column, code}]: where and what, never the value. */
    problems: string;
    warnings: string;
    ignored_columns: string;
    /** The validated rows, encrypted (AAD htcds_imports/id/rows); cleared once committed. */
    rows_enc: string | null;
    created_at: string;
    updated_at: string;
    finished_at: string | null;
  };
  referral_services: {
    id: string;
    referral_id: string;
    service: string;
    notes_enc: string | null;
    delivered_at: string;
    recorded_by: string;
  };
  /** One differentially private release: where, when and how much epsilon it spent (in millionths). */
  dp_epsilon_ledger: {
    id: string;
    country_code: string;
    scope_code: string;
    /** The scope's divisions from the country down, joined by "/" (e.g. EC/06/0603). */
    scope_path: string;
    /** The calendar year the budget counts in, e.g. "2026". */
    period: string;
    epsilon_micro: number;
    purpose: string;
    actor_user_id: string;
    request_id: string | null;
    created_at: string;
  };
  /** A row per country and period that each release updates first, so releases of one country take turns. */
  dp_budget_turns: { country_code: string; period: string; turns: Generated<number> };
  /** XLSForm questionnaires (forms module): `form_key` is the settings form_id; title is JSON Texts (not personal). */
  forms: {
    id: string;
    form_key: string;
    /** case | study */
    usage: string;
    owner_org_id: string;
    title: string;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  /** Each import of a form, numbered 1..n; definition is the FormDef JSON. */
  form_versions: {
    id: string;
    form_id: string;
    number: number;
    xlsform_version: string;
    definition: string;
    created_by: string;
    created_at: string;
  };
  /** A form shown as a section of the cases of a jurisdiction (until ended_at). */
  form_attachments: {
    id: string;
    form_id: string;
    country_code: string;
    division_code: string;
    created_by: string;
    created_at: string;
    ended_at: string | null;
  };
  /** A case's answers to a form: sealed whole; `facts` keeps only answers to aggregate questions, in plain. */
  case_form_answers: {
    id: string;
    case_id: string;
    form_id: string;
    form_version_id: string;
    answers_enc: string;
    facts: string;
    version: number;
    updated_by: string;
    updated_at: string;
    created_at: string;
  };
  /** Research studies (studies module): title, purpose and consent are JSON Texts; places a JSON list of division codes. */
  studies: {
    id: string;
    code: string;
    title: string;
    purpose: string;
    owner_org_id: string;
    form_id: string | null;
    form_version_id: string | null;
    country_code: string;
    places: string;
    consent: string;
    /** anonymous | pseudonymous */
    respondents: string;
    /** draft | open | closed */
    status: string;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  /** One interview: answers sealed whole; `facts` (JSON) keeps only the chosen choices of select questions, plain. */
  study_submissions: {
    id: string;
    study_id: string;
    form_version_id: string;
    respondent_code: string;
    division_code: string;
    interviewer_id: string | null;
    collected_at: string;
    submitted_at: string;
    answers_enc: string;
    facts: string;
    /** app | kobo */
    source: string;
    source_id: string;
    consent_given: number;
  };
  /** Legal catalogues (catalogues module): one row per entry; labels a JSON {es,en,qu-EC} override, data JSON numbers. */
  legal_catalogue: {
    list: string;
    key: string;
    position: number;
    labels: string | null;
    source: string;
    data: string;
    active: number;
    updated_by: string | null;
    updated_at: string;
  };
  // board (issue 20): table types below this line
  board_notifications: {
    id: string;
    case_id: string;
    /** YYYY-MM-DD the notification was generated. */
    created_on: string;
    /** es | en | qu-EC: the language of the document. */
    language: string;
    facts_enc: string;
    request_enc: string;
    sender_org_id: string;
    /** When it had to be delivered (the case's 24-hour notification), or null when no deadline applies. */
    due_at: string | null;
    delivered_at: string | null;
    /** in_person | email | official_letter | quipux */
    delivery_method: string | null;
    delivered_by: string | null;
    receiver_enc: string | null;
    /** The case file (case_files.id, sealed) proving delivery. */
    proof_file_id: string | null;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  board_hearings: {
    id: string;
    case_id: string;
    held_on: string;
    /** initial | evidence | resolution | review | other */
    kind: string;
    attendees_enc: string | null;
    notes_enc: string | null;
    outcome_enc: string | null;
    created_by: string;
    created_at: string;
  };
  board_measures: {
    id: string;
    case_id: string;
    /** legal_catalogue measure_type key */
    type: string;
    /** board | judge */
    decided_by: string;
    decided_on: string;
    start_on: string;
    review_on: string | null;
    /** active | ended | revoked */
    status: string;
    ratification_due_on: string | null;
    /** pending | ratified | refused | null (no ratification applies) */
    ratification: string | null;
    ratified_on: string | null;
    /** Court and judge reference (of the ratification or of the judge's order), sealed. */
    court_ref_enc: string | null;
    /** Who answers for the measure (an institution, a relative, a foster family), sealed. */
    responsible_enc: string;
    hearing_id: string | null;
    notes_enc: string | null;
    ended_on: string | null;
    end_reason_enc: string | null;
    review_task_id: string | null;
    ratification_task_id: string | null;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  board_measure_reviews: {
    id: string;
    measure_id: string;
    case_id: string;
    reviewed_on: string;
    /** maintained | modified */
    outcome: string;
    notes_enc: string | null;
    next_review_on: string | null;
    created_by: string;
    created_at: string;
  };
  // returns (issue 20): table types below this line
  cross_border_exchanges: {
    id: string;
    case_id: string;
    direction: string;
    authority_provider_id: string | null;
    country: string;
    division: string | null;
    exchanged_on: string;
    reference_enc: string | null;
    notes_enc: string | null;
    created_by: string;
    created_at: string;
  };
  cross_border_documents: {
    id: string;
    exchange_id: string;
    case_id: string;
    file_id: string;
    doc_type: string;
    created_by: string;
    created_at: string;
  };
  family_tracings: {
    id: string;
    case_id: string;
    traced_on: string;
    traced_by_enc: string;
    country: string;
    division: string;
    result: string;
    family_contact_enc: string | null;
    notes_enc: string | null;
    created_by: string;
    created_at: string;
  };
  family_assessments: {
    id: string;
    case_id: string;
    assessed_on: string;
    assessor_enc: string;
    findings_enc: string;
    child_view_enc: string;
    decision: string;
    reasons_enc: string;
    created_by: string;
    created_at: string;
  };
  case_returns: {
    id: string;
    case_id: string;
    assessment_id: string;
    from_country: string;
    from_division: string | null;
    to_country: string;
    to_division: string;
    departed_on: string;
    arrived_on: string | null;
    route_enc: string | null;
    accompanying_enc: string | null;
    accompanying_role: string | null;
    receiving_org_id: string | null;
    receiving_provider_id: string | null;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  reintegration_plans: {
    id: string;
    case_id: string;
    return_id: string;
    status: string;
    months: string;
    goals_enc: string | null;
    outcome: string | null;
    closed_on: string | null;
    closed_by: string | null;
    created_by: string;
    created_at: string;
  };
  monitoring_visits: {
    id: string;
    plan_id: string;
    case_id: string;
    month: number;
    due_on: string;
    task_id: string | null;
    done_on: string | null;
    outcome: string | null;
    notes_enc: string | null;
    recorded_by: string | null;
    created_by: string;
    created_at: string;
  };
  // prosecution (issue 20): table types below this line
  /** A criminal complaint of a case: codes, dates and amounts plain (figures), file number and reparation sealed. */
  complaints: {
    id: string;
    case_id: string;
    filed_on: string;
    institution: string | null;
    institution_org_id: string | null;
    prosecutor_office: string | null;
    prosecutor_org_id: string | null;
    file_number_enc: string | null;
    /** A `proceeding_stage` catalogue key. */
    stage: string;
    /** The day the proceeding first reached a stage with prosecuted=true; null before. */
    charged_on: string | null;
    outcome: 'dismissal' | 'acquittal' | 'conviction' | null;
    outcome_on: string | null;
    sentence_months: number | null;
    fine_amount: number | null;
    reparation_enc: string | null;
    reparation_amount: number | null;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  complaint_stages: {
    id: string;
    complaint_id: string;
    case_id: string;
    stage: string;
    reached_on: string;
    recorded_by: string;
    recorded_at: string;
  };
  /** A suspect of a complaint: one of the case's perpetrators (per_), with its own outcome when it differs. */
  complaint_suspects: {
    id: string;
    complaint_id: string;
    case_id: string;
    perpetrator_id: string;
    outcome: 'dismissal' | 'acquittal' | 'conviction' | null;
    sentence_months: number | null;
    fine_amount: number | null;
    created_by: string;
    created_at: string;
  };
  complaint_charges: {
    id: string;
    complaint_id: string;
    case_id: string;
    suspect_id: string;
    /** An `offence` catalogue key. */
    offence: string;
    created_by: string;
    created_at: string;
  };
  complaint_hearings: {
    id: string;
    complaint_id: string;
    case_id: string;
    held_on: string;
    kind: string;
    result_enc: string | null;
    created_by: string;
    created_at: string;
  };
  /** A data-subject request under the LOPDP (rights module): who asked (sealed), which right, its deadline and answer. */
  data_requests: {
    id: string;
    /** Human-friendly, e.g. SOL-2026-0001. */
    code: string;
    person_id: string;
    /** The case it was logged from (scope checks go through it). */
    case_id: string;
    right: string;
    requester_enc: string | null;
    channel: string;
    /** The language of the answer: es | qu-EC | en. */
    language: string;
    /** What was asked, in the staff's words (sealed). */
    note_enc: string | null;
    received_on: string;
    due_on: string;
    status: string;
    answered_on: string | null;
    answered_by: string | null;
    outcome_enc: string | null;
    refusal_reason: string | null;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  /** A legal hold keeps a case from erasure and retention until lifted; reason and basis are sealed. */
  legal_holds: {
    id: string;
    case_id: string;
    reason_enc: string | null;
    basis_enc: string | null;
    placed_by: string;
    placed_at: string;
    lifted_by: string | null;
    lifted_at: string | null;
    lift_reason_enc: string | null;
  };
  /** A restriction or objection flag on a person: while not lifted, referrals and personal exports leave them out. */
  person_flags: {
    id: string;
    person_id: string;
    flag: string;
    request_id: string | null;
    set_by: string;
    set_at: string;
    lifted_by: string | null;
    lifted_at: string | null;
    lift_reason_enc: string | null;
  };
  /** How long each type of record is kept (retention module); `days` only for public reports (null: the config). */
  retention_schedules: {
    record_type: string;
    months: number | null;
    days: number | null;
    warning_days: number;
    updated_by: string | null;
    updated_at: string;
  };
  /** The retention job's notice on one record: warned (and when it is due), held by a legal hold, or done. */
  retention_notices: {
    record_type: string;
    record_id: string;
    case_id: string | null;
    due_on: string;
    warned_at: string | null;
    done_at: string | null;
    held: Generated<number>;
    updated_at: string;
  };
  /** On-demand jobs of a single-node installation (platform/jobs); data holds ids only, never personal data. */
  job_queue: {
    id: string;
    name: string;
    data: string;
    /** queued | active | done | failed */
    state: string;
    attempts: Generated<number>;
    run_after: string;
    /** The error's name and code only, never its message. */
    error: string | null;
    created_at: string;
    updated_at: string;
  };
  /** Each row an HTCDS import has taken: opened (case written), done (finished) or failed. */
  htcds_import_rows: {
    import_id: string;
    row_no: number;
    case_id: string | null;
    linked: Generated<number>;
    minor: Generated<number>;
    state: string;
  };
}

export type { Generated };
