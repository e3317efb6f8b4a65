// Query keys, one factory per server module. A key that starts another (e.g. caseKeys.detail(id) before
// caseKeys.files(id)) is its prefix, so invalidating the shorter one refreshes the longer ones too.

export const sessionKeys = {
  current: () => ['session'] as const,
  demo: () => ['demo'] as const,
  mine: () => ['my-sessions'] as const,
};

export const adminKeys = {
  users: () => ['admin', 'users'] as const,
  user: (id: string) => ['admin', 'user', id] as const,
  userSessions: (id: string) => ['admin', 'user', id, 'sessions'] as const,
  roles: () => ['admin', 'roles'] as const,
  organisations: () => ['admin', 'orgs'] as const,
  /** The organisation names every page shows (a shorter list than the admin's). */
  organisationNames: () => ['organisations'] as const,
};

export const auditKeys = {
  list: (filters: string) => ['audit', filters] as const,
  people: () => ['audit-people'] as const,
};

export const geoKeys = {
  countries: () => ['geo', 'countries'] as const,
  division: (country: string | undefined, code: string | undefined) => ['geo', 'division', country, code] as const,
  children: (country: string | undefined, code: string | undefined) => ['geo', 'children', country, code] as const,
  search: (term: string, language?: string) =>
    (language === undefined ? ['geo', 'search', term] : ['geo', 'search', term, language]) as readonly string[],
  boundaries: (country: string, query: string) => ['geo', 'boundaries', country, query] as const,
};

export const directoryKeys = {
  all: () => ['directory', 'all'] as const,
  search: (filters: string) => ['directory', filters] as const,
  receivers: (provider: string) => ['directory', provider, 'receivers'] as const,
};

export const referralKeys = {
  inbox: () => ['referrals', 'inbox'] as const,
};

export const caseKeys = {
  search: (filters: string, name: string) => ['cases', filters, name] as const,
  candidates: (names: unknown) => ['candidates', names] as const,
  detail: (id: string) => ['case', id] as const,
  history: (id: string) => ['case', id, 'history'] as const,
  legal: (id: string) => ['case', id, 'legal'] as const,
  files: (id: string) => ['case', id, 'files'] as const,
  referrals: (id: string) => ['case', id, 'referrals'] as const,
  transfers: (id: string) => ['case', id, 'transfers'] as const,
  plans: (id: string) => ['case', id, 'plans'] as const,
  closure: (id: string) => ['case', id, 'closure'] as const,
};

export const workKeys = {
  /** Everything under "me": work, notifications, transfers offered. */
  mine: () => ['me'] as const,
  work: () => ['me', 'work'] as const,
  notifications: () => ['me', 'notifications'] as const,
  transfers: () => ['me', 'transfers'] as const,
  closures: () => ['supervision', 'closures'] as const,
  plans: () => ['supervision', 'plans'] as const,
  /** Counts for the menu; under "me", so any change to my work refreshes them. */
  count: () => ['me', 'count'] as const,
  overdue: () => ['supervision', 'overdue'] as const,
};

export const reportKeys = {
  all: () => ['reports'] as const,
  list: (status: string) => ['reports', status] as const,
  detail: (id: string) => ['report', id] as const,
  similar: (id: string) => ['report', id, 'similar'] as const,
  templates: (lang: string) => ['report-templates', lang] as const,
  count: () => ['reports', 'count'] as const,
};

export const planKeys = {
  agreements: () => ['agreements'] as const,
  list: () => ['local-plans'] as const,
  compare: () => ['local-plans', 'compare'] as const,
  detail: (id: string) => ['local-plan', id] as const,
};

export const insightKeys = {
  dashboard: (filters: unknown) => ['insights', 'dashboard', filters] as const,
  ctdcReport: () => ['insights', 'ctdc', 'report'] as const,
  htcdsImport: (jobId: string | null) => ['htcds', 'import', jobId] as const,
};

export const fieldKeys = {
  marked: () => ['field', 'marked'] as const,
  devices: () => ['field', 'devices'] as const,
};
