import type { Context } from '../../platform/context';
import { type Actor, organisationIdByName, permissions } from '../access/index';
import { DirectoryService } from './service';

// Fake providers: a shelter in Cuenca, a health centre in Guamote, legal aid in Chimborazo, and one abroad.
export async function seedDirectoryDemo(ctx: Context): Promise<void> {
  const system: Actor = {
    userId: 'demo-seed',
    orgId: 'demo',
    roles: ['administrator'],
    permissions: new Set(permissions),
    scope: { country: 'EC', code: 'EC' },
    sessionId: '',
  };
  const dir = new DirectoryService(ctx);
  // The Cuenca shelter is on Minka (its staff receive referrals in the inbox); the others are external.
  const shelterOrg = await organisationIdByName(ctx.db.db, 'Casa de Acogida Demo (ficticia)');
  const base = {
    organisationId: null,
    minAge: null,
    maxAge: null,
    sexes: ['Any' as const],
    contact: null,
    hours: null,
  };
  await dir.create(
    system,
    {
      ...base,
      organisationId: shelterOrg ?? null,
      name: 'Casa de Acogida Demo (ficticia)',
      country: 'EC',
      division: '010104',
      services: ['local_Shelter', 'local_Psychosocial', 'Education'],
      minAge: 12,
      maxAge: 17,
      sexes: ['Feminine'],
      contact: '07 000 0000 (demo)',
      hours: '24 h',
    },
    'demo-seed',
  );
  await dir.create(
    system,
    {
      ...base,
      name: 'Centro de Salud Demo Guamote (ficticio)',
      country: 'EC',
      division: '060650',
      services: ['Health', 'local_Psychosocial'],
      hours: 'L-V 8:00-16:30',
    },
    'demo-seed',
  );
  await dir.create(
    system,
    { ...base, name: 'Consultorio Jurídico Demo (ficticio)', country: 'EC', division: '06', services: ['Legal'] },
    'demo-seed',
  );
  await dir.create(
    system,
    {
      ...base,
      name: 'Fundación Demo Ipiales (ficticia, Colombia)',
      country: 'CO',
      division: null,
      services: ['local_ReturnReintegration', 'local_FamilyReunification'],
    },
    'demo-seed',
  );
}
