// Cases of obviously fake people for the open-data tests (CTDC export and synthetic data).
import { permissions } from '../../src/modules/access/permissions';
import { IntakeService } from '../../src/modules/cases/intake';
import { releasePeriod } from '../../src/modules/insights/release';
import type { Context } from '../../src/platform/context';

const system = {
  userId: 'system',
  orgId: 'system',
  roles: ['administrator'],
  permissions: new Set<string>(permissions),
  scope: { country: 'EC', code: 'EC' },
  sessionId: '',
};

/**
 * Opens `n` cases of fake people in a canton, all with the same quasi-identifiers unless told otherwise, registered
 * (backdated) before the current release period: de-identified data covers the periods before the current one.
 */
export async function openCases(
  ctx: Context,
  code: string,
  n: number,
  over: { gender?: 'Feminine' | 'Masculine'; age?: number; citizenship?: string } = {},
) {
  const intake = new IntakeService(ctx);
  // The last day before the current release period.
  const [y, m] = releasePeriod(new Date(), ctx.config.MINKA_RELEASE_MONTHS).split('-').map(Number) as [number, number];
  const lastMonth = new Date(Date.UTC(y, m - 1, 0, 12)).toISOString();
  for (let i = 0; i < n; i++) {
    const { id } = await intake.intake(
      system,
      {
        division: { country: 'EC', code },
        person: {
          prs_FirstName: `Zoila${code}${i}`,
          prs_SecondName: 'Ficticia Prueba',
          prs_Gender: over.gender ?? 'Feminine',
          prs_Citizenship: [over.citizenship ?? 'EC'],
        },
        local_AgeAtIntake: over.age ?? 12,
        vic_TypeOfExploitation: ['ForcedBegging'],
        vic_MethodsOfControl: ['DebtBondage'],
        vic_RelationshipToTrafficker: 'Familial',
        local_MonthsExploited: 14,
        events: [{ hte_Type: 'Exploitation', hte_Country: 'CO' }],
      },
      'ctdc-test',
    );
    await ctx.db.db.updateTable('cases').set({ created_at: lastMonth }).where('id', '=', id).execute();
  }
}
