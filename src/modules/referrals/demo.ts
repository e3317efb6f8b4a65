import type { Context } from '../../platform/context';
import { demoSeedActor } from '../cases/demo';
import { ReferralService } from './service';

/**
 * Demo referrals: the first Guamote case is referred to the provincial prosecutor's office, so the
 * prosecutor's inbox has something to accept; the override reason is fictitious and audited like any other.
 */
export async function seedReferralsDemo(ctx: Context): Promise<void> {
  const db = ctx.db.db;
  const fiscalia = await db
    .selectFrom('organisations')
    .select('id')
    .where('name', '=', 'Fiscalía Provincial de Chimborazo (demo)')
    .executeTakeFirst();
  const guamote = await db
    .selectFrom('cases')
    .select('id')
    .where('division_code', 'like', '0606%')
    .orderBy('code')
    .executeTakeFirst();
  if (!fiscalia || !guamote) return;
  await new ReferralService(ctx).create(
    await demoSeedActor(ctx),
    guamote.id,
    {
      toOrgId: fiscalia.id,
      services: ['Legal'],
      override: { reason: 'DEMO: denuncia penal de oficio (motivo ficticio)' },
    },
    'demo-seed',
  );
}
