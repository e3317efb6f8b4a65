// The shape of a person's access export (format minka.access-export, version 1): stable keys, values as codes so a
// machine can read it (portability); the PDF writes the same content out in words.

type Value = string | number | boolean | string[] | null;

/** One change of the living record: when, by which organisation, which record, which fields from what to what. */
export interface HistoryEntry {
  at: string;
  organisation: string | null;
  record: string;
  kind: string;
  reason: string | null;
  fields: { field: string; from: Value; to: Value }[];
}

/** The access export of one person (format minka.access-export, version 1). */
export interface AccessExport {
  format: 'minka.access-export';
  version: 1;
  generatedAt: string;
  language: string;
  request: { code: string; right: string; receivedOn: string; dueOn: string };
  person: Record<string, unknown> & { createdAt: string; updatedAt: string };
  cases: ExportedCase[];
  requests: {
    code: string;
    right: string;
    status: string;
    channel: string;
    language: string;
    receivedOn: string;
    dueOn: string;
    answeredOn: string | null;
    refusalReason: string | null;
  }[];
  flags: { flag: string; setAt: string; liftedAt: string | null }[];
}

export interface ExportedCase {
  code: string;
  status: string;
  stage: string;
  country: string;
  division: string;
  organisation: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closureReason: string | null;
  decision: { status: string | null; by: string | null; at: string | null; reason: string | null };
  fields: Record<string, unknown>;
  events: Record<string, unknown>[];
  /** Roles only: the identities of the people involved are third parties' data. */
  perpetrators: { roles: string[] }[];
  history: HistoryEntry[];
  comments: { at: string; text: string | null }[];
  tasks: { kind: string; dueAt: string; doneAt: string | null; note: string | null }[];
  screenings: { at: string; indicators: string[]; result: unknown }[];
  consents: {
    scope: string;
    organisation: string | null;
    givenBy: string;
    giverName: string | null;
    givenAt: string;
    withdrawnAt: string | null;
    sections: string[] | null;
  }[];
  referrals: {
    to: string | null;
    services: string[];
    status: string;
    reason: string;
    sentAt: string;
    acceptedAt: string | null;
    completedAt: string | null;
    details: string | null;
    delivered: { service: string; at: string }[];
  }[];
  files: { name: string | null; kind: string; mime: string; size: number; at: string }[];
  plans: {
    version: number;
    status: string;
    types: string[];
    objectives: string | null;
    plannedEnd: string | null;
    actualEnd: string | null;
  }[];
  legal: { stage: string; date: string; authority: string | null }[];
  board: {
    notifications: { on: string; deliveredAt: string | null }[];
    hearings: { on: string; kind: string }[];
    measures: {
      type: string;
      decidedBy: string;
      decidedOn: string;
      startOn: string;
      status: string;
      reviewOn: string | null;
      ratification: string | null;
      endedOn: string | null;
    }[];
  };
  returns: {
    exchanges: { on: string; direction: string; country: string }[];
    tracings: { on: string; country: string; result: string }[];
    assessments: { on: string; decision: string }[];
    journeys: { from: string; to: string; departedOn: string; arrivedOn: string | null }[];
    reintegration: { status: string; outcome: string | null; closedOn: string | null }[];
    visits: { month: number; dueOn: string; doneOn: string | null; outcome: string | null }[];
  };
  complaints: {
    filedOn: string;
    stage: string;
    chargedOn: string | null;
    outcome: string | null;
    outcomeOn: string | null;
    offences: string[];
    hearings: { on: string; kind: string }[];
  }[];
  forms: { form: Record<string, string>; updatedAt: string; answers: unknown }[];
  reports: { code: string; channel: string; status: string; receivedAt: string }[];
  holds: { placedAt: string; liftedAt: string | null }[];
}
