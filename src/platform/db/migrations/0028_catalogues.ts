import type { Kysely } from 'kysely';

// Issue 20, legal catalogues: measure types, authorities, deadlines, offences, proceeding stages and visit schedules,
// each entry with its legal source. They are configuration an administrator edits per installation; these rows are
// only the starting point (Ecuador: CONA, COIP, COFJ, the Constitution), for the installation's legal officer to
// confirm. Labels come from the shipped catalogue (`catalogue.<list>.<key>`) until an administrator rewords them.
const entries: [list: string, key: string, source: string, data: object][] = [
  [
    'measure_type',
    'family_support',
    'CONA art. 217 num. 1',
    { decidedBy: 'board', ratificationDays: null, reviewDays: 90 },
  ],
  [
    'measure_type',
    'care_order_home',
    'CONA art. 217 num. 2',
    { decidedBy: 'board', ratificationDays: null, reviewDays: 90 },
  ],
  [
    'measure_type',
    'family_reinsertion',
    'CONA art. 217 num. 3',
    { decidedBy: 'board', ratificationDays: null, reviewDays: 90 },
  ],
  [
    'measure_type',
    'programme_insertion',
    'CONA art. 217 num. 4',
    { decidedBy: 'board', ratificationDays: null, reviewDays: 90 },
  ],
  [
    'measure_type',
    'emergency_custody',
    'CONA art. 217 num. 5',
    { decidedBy: 'board', ratificationDays: 3, reviewDays: 30 },
  ],
  ['measure_type', 'no_contact', 'CONA art. 79', { decidedBy: 'board', ratificationDays: null, reviewDays: 60 }],
  ['measure_type', 'foster_care', 'CONA art. 220', { decidedBy: 'judge', ratificationDays: null, reviewDays: 180 }],
  [
    'measure_type',
    'institutional_care',
    'CONA art. 232',
    { decidedBy: 'judge', ratificationDays: null, reviewDays: 180 },
  ],
  ['authority', 'jcpd', 'CONA art. 205', { kind: 'board' }],
  ['authority', 'family_judge', 'COFJ art. 234', { kind: 'judge' }],
  ['authority', 'prosecutor', 'Constitución art. 195', { kind: 'prosecutor' }],
  ['authority', 'police', 'Constitución art. 163', { kind: 'police' }],
  ['authority', 'icbf', 'Ley 1098 de 2006 (Colombia) art. 205', { kind: 'foreign' }],
  ['authority', 'consulate', 'Convención de Viena sobre Relaciones Consulares art. 5', { kind: 'foreign' }],
  ['deadline', 'board_notification', 'CONA art. 72', { hours: 24 }],
  ['offence', 'coip_91', 'COIP art. 91', { trafficking: true }],
  ['offence', 'coip_105', 'COIP art. 105', { trafficking: false }],
  ['offence', 'coip_100', 'COIP art. 100', { trafficking: false }],
  ['offence', 'coip_103', 'COIP art. 103', { trafficking: false }],
  ['offence', 'coip_106', 'COIP art. 106', { trafficking: false }],
  ['offence', 'coip_213', 'COIP art. 213', { trafficking: false }],
  ['proceeding_stage', 'previous_investigation', 'COIP art. 580', { order: 1, prosecuted: false }],
  ['proceeding_stage', 'instruction', 'COIP art. 590', { order: 2, prosecuted: true }],
  ['proceeding_stage', 'preparatory', 'COIP art. 601', { order: 3, prosecuted: true }],
  ['proceeding_stage', 'trial', 'COIP art. 609', { order: 4, prosecuted: true }],
  ['proceeding_stage', 'appeal', 'COIP art. 652', { order: 5, prosecuted: true }],
  ['visit_schedule', 'reintegration', 'OIM, retorno voluntario asistido y reintegración', { months: [1, 3, 6, 12] }],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('legal_catalogue')
    .addColumn('list', 'varchar(30)', (c) => c.notNull())
    .addColumn('key', 'varchar(60)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('labels', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(36)')
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('legal_catalogue_pk', ['list', 'key'])
    .execute();
  const now = new Date().toISOString();
  const position = new Map<string, number>();
  const rows = entries.map(([list, key, source, data]) => {
    const p = (position.get(list) ?? 0) + 1;
    position.set(list, p);
    return {
      list,
      key,
      position: p,
      labels: null,
      source,
      data: JSON.stringify(data),
      active: 1,
      updated_by: null,
      updated_at: now,
    };
  });
  const q = db as Kysely<Record<string, Record<string, unknown>>>;
  await q.insertInto('legal_catalogue').values(rows).execute();
  // Administrators edit the catalogues (roles are data: add to what an installation has).
  const role = await q.selectFrom('roles').select('permissions').where('key', '=', 'administrator').executeTakeFirst();
  if (role) {
    const perms = new Set(JSON.parse(String(role.permissions)) as string[]);
    perms.add('catalogues:manage');
    await q
      .updateTable('roles')
      .set({ permissions: JSON.stringify([...perms].sort()) })
      .where('key', '=', 'administrator')
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('legal_catalogue').execute();
}
