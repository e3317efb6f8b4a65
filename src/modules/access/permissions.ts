// The permission catalogue and the roles shipped by default. Roles are data: an administrator can change
// their permissions; these are only the starting point written on first start.

/** Every permission: an action on a resource. */
export const permissions = [
  'organisations:read',
  'organisations:manage',
  'users:read',
  'users:manage',
  'roles:manage',
  'sessions:manage',
  'audit:read',
  'reports:triage',
  'cases:read',
  'cases:write',
  'cases:approve',
  'referrals:receive',
  'legal:write',
  'directory:manage',
  'plans:read',
  'plans:write',
  'insights:aggregate',
  'insights:deidentified',
  'exports:personal',
  'translations:manage',
  'forms:manage',
  'studies:manage',
  'studies:collect',
  'catalogues:manage',
  'rights:manage',
  'retention:manage',
] as const;

export type Permission = (typeof permissions)[number];

/** Permissions that reveal personal data: a role holding any of them must use 2FA (when required). */
export const personalDataPermissions: readonly Permission[] = [
  'users:read',
  'users:manage',
  'reports:triage',
  'cases:read',
  'referrals:receive',
  'exports:personal',
  'rights:manage',
];

export const systemRoles: Record<string, Permission[]> = {
  administrator: [
    'retention:manage',
    'translations:manage',
    'catalogues:manage',
    'forms:manage',
    'organisations:read',
    'organisations:manage',
    'users:read',
    'users:manage',
    'roles:manage',
    'sessions:manage',
    'audit:read',
    'directory:manage',
    'plans:read',
    'insights:aggregate',
  ],
  supervisor: [
    'organisations:read',
    'users:read',
    'audit:read',
    'reports:triage',
    'cases:read',
    'cases:write',
    'cases:approve',
    'legal:write',
    'plans:read',
    'insights:aggregate',
    'exports:personal',
    'rights:manage',
  ],
  caseworker: [
    'organisations:read',
    'reports:triage',
    'cases:read',
    'cases:write',
    'legal:write',
    'plans:read',
    'insights:aggregate',
  ],
  triage_officer: ['organisations:read', 'reports:triage'],
  prosecutor: ['organisations:read', 'referrals:receive', 'legal:write'],
  service_provider: ['organisations:read', 'referrals:receive'],
  municipal_planner: ['organisations:read', 'plans:read', 'plans:write', 'insights:aggregate'],
  researcher: ['insights:aggregate', 'insights:deidentified', 'studies:manage'],
  interviewer: ['studies:collect'],
  donor_viewer: ['plans:read', 'insights:aggregate'],
};

export const roleKeys = Object.keys(systemRoles);

/** Organisation types: HTCDS org_Type values, then local ones (marked local_). */
export const organisationTypes = [
  'NGO',
  'LawEnforcement',
  'HealthServiceOrganisation',
  'CentralGovernmentOrganisation',
  'LocalGovernmentOrganisation',
  'ImmigrationService',
  'LegalService',
  'CorporateBusiness',
  'SchoolOrCollege',
  'local_ProtectionBoard',
  'local_MunicipalCouncil',
  'local_Prosecutor',
  'local_InternationalOrganisation',
  'local_Donor',
] as const;
