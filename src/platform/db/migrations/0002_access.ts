import type { Kysely } from 'kysely';

// The built-in roles as this migration creates them: literal, so the migration keeps its meaning when the
// live role list changes (later changes come in later migrations).
const systemRoles: Record<string, string[]> = {
  administrator: [
    'audit:read',
    'directory:manage',
    'insights:aggregate',
    'organisations:manage',
    'organisations:read',
    'plans:read',
    'roles:manage',
    'sessions:manage',
    'users:manage',
    'users:read',
  ],
  supervisor: [
    'audit:read',
    'cases:approve',
    'cases:read',
    'cases:write',
    'exports:personal',
    'insights:aggregate',
    'legal:write',
    'organisations:read',
    'plans:read',
    'reports:triage',
    'users:read',
  ],
  caseworker: [
    'cases:read',
    'cases:write',
    'insights:aggregate',
    'legal:write',
    'organisations:read',
    'plans:read',
    'reports:triage',
  ],
  triage_officer: ['organisations:read', 'reports:triage'],
  prosecutor: ['legal:write', 'organisations:read', 'referrals:receive'],
  service_provider: ['organisations:read', 'referrals:receive'],
  municipal_planner: ['insights:aggregate', 'organisations:read', 'plans:read', 'plans:write'],
  researcher: ['insights:aggregate', 'insights:deidentified'],
  donor_viewer: ['insights:aggregate', 'plans:read'],
};

// Access control, sessions, audit trail and field-encryption keys.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = 'varchar(30)';
  await db.schema
    .createTable('data_keys')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('purpose', 'varchar(20)', (c) => c.notNull())
    .addColumn('master_version', 'integer', (c) => c.notNull())
    .addColumn('wrapped', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('retired_at', ts)
    .execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('org_type', 'varchar(60)', (c) => c.notNull())
    .addColumn('country_code', 'varchar(2)', (c) => c.notNull())
    .addColumn('division_code', 'varchar(32)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addForeignKeyConstraint('organisations_division_fk', ['country_code', 'division_code'], 'divisions', [
      'country_code',
      'code',
    ])
    .execute();

  await db.schema
    .createTable('roles')
    .addColumn('key', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('label', 'varchar(100)')
    .addColumn('permissions', 'text', (c) => c.notNull())
    .addColumn('system', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', (c) => c.notNull().references('organisations.id'))
    .addColumn('email_index', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('email_enc', 'text', (c) => c.notNull())
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('identity_index', 'varchar(64)')
    .addColumn('identity_enc', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('scope_country', 'varchar(2)', (c) => c.notNull())
    .addColumn('scope_code', 'varchar(32)', (c) => c.notNull())
    .addColumn('totp_secret_enc', 'text')
    .addColumn('totp_enabled_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('last_sign_in_at', ts)
    .addForeignKeyConstraint('users_scope_fk', ['scope_country', 'scope_code'], 'divisions', ['country_code', 'code'])
    .execute();
  await db.schema.createIndex('users_identity_idx').on('users').column('identity_index').execute();
  await db.schema.createIndex('users_org_idx').on('users').column('organisation_id').execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('role_key', 'varchar(40)', (c) => c.notNull().references('roles.key'))
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role_key'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('mfa', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_seen_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('revoked_at', ts)
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('code_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('used_at', ts)
    .execute();

  await db.schema
    .createTable('one_time_tokens')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('purpose', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('used_at', ts)
    .execute();

  await db.schema
    .createTable('auth_throttle')
    .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('accounts', 'text', (c) => c.notNull())
    .addColumn('first_failure_at', ts, (c) => c.notNull())
    .addColumn('blocked_until', ts)
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_user_id', 'varchar(36)')
    .addColumn('actor_org_id', 'varchar(36)')
    .addColumn('action', 'varchar(60)', (c) => c.notNull())
    .addColumn('record_type', 'varchar(40)')
    .addColumn('record_id', 'varchar(64)')
    .addColumn('fields', 'varchar(200)')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('request_id', 'varchar(64)')
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_record_idx').on('audit_log').columns(['record_type', 'record_id']).execute();
  await db.schema.createIndex('audit_actor_idx').on('audit_log').column('actor_user_id').execute();

  // The audit chain starts from a genesis head, so even the first append locks a row and appends are serialised.
  await (db as Kysely<{ meta: { key: string; value: string; updated_at: string } }>)
    .insertInto('meta')
    .values({
      key: 'audit_head',
      value: JSON.stringify({ id: 0, hash: '0'.repeat(64) }),
      updated_at: new Date().toISOString(),
    })
    .execute();

  // The roles shipped by default; administrators adjust them afterwards (roles are data).
  const now = new Date().toISOString();
  await (
    db as Kysely<{
      roles: {
        key: string;
        label: string | null;
        permissions: string;
        system: number;
        created_at: string;
        updated_at: string;
      };
    }>
  )
    .insertInto('roles')
    .values(
      Object.entries(systemRoles).map(([key, perms]) => ({
        key,
        label: null,
        permissions: JSON.stringify([...perms].sort()),
        system: 1,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'audit_log',
    'auth_throttle',
    'one_time_tokens',
    'recovery_codes',
    'sessions',
    'user_roles',
    'users',
    'roles',
    'organisations',
    'data_keys',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
