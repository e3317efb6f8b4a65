import type { Context } from '../../platform/context';
import { type Actor, organisationIdByName, permissions } from '../access/index';
import { providerIdByName } from './repo';
import { DirectoryService } from './service';

const system: Actor = {
  userId: 'demo-seed',
  orgId: 'demo',
  roles: ['administrator'],
  permissions: new Set(permissions),
  scope: { country: 'EC', code: 'EC' },
  sessionId: '',
};

/** The demo's foreign authority and consulate in Nariño (Colombia), both fictitious and marked as demo. */
export const demoForeign = {
  icbf: 'ICBF Regional Nariño (demo ficticia)',
  consulate: 'Consulado del Ecuador en Ipiales (demo ficticio)',
} as const;

/**
 * Adds the demo's foreign authority and consulate unless they are there (an installation seeded before they existed
 * gets them from the returns demo); returns their ids.
 */
export async function ensureDemoForeign(ctx: Context): Promise<{ icbf: string; consulate: string }> {
  const dir = new DirectoryService(ctx);
  const one = async (
    name: string,
    kind: 'authority' | 'consulate',
    services: ('Legal' | 'local_FamilyReunification' | 'local_ReturnReintegration')[],
    contact: string,
  ) =>
    (await providerIdByName(ctx.db.db, name)) ??
    (
      await dir.create(
        system,
        {
          name,
          kind,
          organisationId: null,
          country: 'CO',
          division: 'CO-NAR',
          services,
          minAge: null,
          maxAge: null,
          sexes: ['Any'],
          contact,
          hours: null,
        },
        'demo-seed',
      )
    ).id;
  return {
    icbf: await one(
      demoForeign.icbf,
      'authority',
      ['local_FamilyReunification', 'local_ReturnReintegration'],
      '+57 000 000 0000 (demo)',
    ),
    consulate: await one(
      demoForeign.consulate,
      'consulate',
      ['Legal', 'local_ReturnReintegration'],
      '+57 000 000 0001 (demo)',
    ),
  };
}

// Fake providers: a shelter in Cuenca, a health centre in Guamote, legal aid in Chimborazo, one abroad, and the
// foreign authority and consulate of the demo's return from Colombia.
export async function seedDirectoryDemo(ctx: Context): Promise<void> {
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
  await ensureDemoForeign(ctx);
}
