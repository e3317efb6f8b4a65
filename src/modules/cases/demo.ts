import type { z } from 'zod';
import type { Context } from '../../platform/context';
import { type Actor, permissions } from '../access/index';
import { IntakeService } from './intake';
import { RecordService } from './record';
import * as repo from './repo';
import type { intakeBody } from './schema';
import { CaseService } from './service';

// Fake cases in Guamote, Colta and Cuenca: obviously fake names, plausible situations.
const demoCases: Omit<z.input<typeof intakeBody>, 'draft' | 'events'>[] = [
  {
    division: { country: 'EC', code: '060650' },
    person: {
      prs_FirstName: 'Demo Sisa',
      prs_SecondName: 'Ficticia Uno',
      local_BirthYear: 2013,
      prs_Gender: 'Feminine',
      local_Ethnicity: 'Indigena',
      local_Languages: ['qu', 'es'],
      prs_Citizenship: ['EC'],
    },
    local_AgeAtIntake: 14,
    vic_TypeOfExploitation: ['ForcedBegging'],
    vic_MethodOfRecruitment: ['ThroughFamilyOrFamilyEvents'],
  },
  {
    division: { country: 'EC', code: '060652' },
    person: {
      prs_FirstName: 'Demo Inti',
      prs_SecondName: 'Ficticio Dos',
      local_BirthYear: 2011,
      prs_Gender: 'Masculine',
      local_Ethnicity: 'Indigena',
      local_Languages: ['qu'],
      prs_Citizenship: ['EC'],
    },
    local_AgeAtIntake: 16,
    vic_TypeOfExploitation: ['ForcedLabour', 'ChildLabour'],
    vic_MethodOfRecruitment: ['ThroughFriendsOrSocialEvents'],
  },
  {
    division: { country: 'EC', code: '060301' },
    person: {
      prs_FirstName: 'Demo Killa',
      prs_SecondName: 'Ficticia Tres',
      local_BirthYear: 2012,
      prs_Gender: 'Feminine',
      local_Ethnicity: 'Indigena',
      local_Languages: ['qu', 'es'],
      prs_Citizenship: ['EC'],
    },
    local_AgeAtIntake: 15,
    vic_TypeOfExploitation: ['ForcedBegging'],
    vic_MethodOfRecruitment: ['ThroughFamilyOrFamilyEvents'],
  },
  {
    division: { country: 'EC', code: '060352' },
    person: {
      prs_FirstName: 'Demo Rumi',
      prs_SecondName: 'Ficticio Cuatro',
      local_BirthYear: 1999,
      prs_Gender: 'Masculine',
      local_Ethnicity: 'Indigena',
      local_Languages: ['qu', 'es'],
      prs_Citizenship: ['EC'],
    },
    local_AgeAtIntake: 28,
    vic_TypeOfExploitation: ['ForcedLabour'],
    vic_MethodOfRecruitment: ['AtWork'],
  },
  {
    division: { country: 'EC', code: '010104' },
    person: {
      prs_FirstName: 'Demo Ana',
      prs_SecondName: 'Ficticia Cinco',
      local_BirthYear: 2009,
      prs_Gender: 'Feminine',
      local_Ethnicity: 'Mestiza',
      local_Languages: ['es'],
      prs_Citizenship: ['EC'],
    },
    local_AgeAtIntake: 17,
    vic_TypeOfExploitation: ['Servitude'],
    vic_MethodOfRecruitment: ['ThroughOnlineSocialNetworks'],
  },
  {
    division: { country: 'EC', code: '010157' },
    person: {
      prs_FirstName: 'Demo Luis',
      prs_SecondName: 'Ficticio Seis',
      local_BirthYear: 2001,
      prs_Gender: 'Masculine',
      local_Ethnicity: 'Mestiza',
      local_Languages: ['es'],
      prs_Citizenship: ['VE'],
    },
    local_AgeAtIntake: 26,
    vic_TypeOfExploitation: ['ForcedLabour'],
    vic_MethodOfRecruitment: ['ThroughAnOnlineAdvertisement'],
  },
];

/** The actor demo seeds act as: a national supervisor of the international demo organisation. */
export async function demoSeedActor(ctx: Context): Promise<Actor> {
  const org = (await repo.selectOrganisationsByOrgType(ctx.db.db)) ?? (await repo.selectOrganisations(ctx.db.db));
  return {
    userId: 'demo-seed',
    orgId: org?.id ?? 'demo',
    roles: ['supervisor'],
    permissions: new Set(permissions),
    scope: { country: 'EC', code: 'EC' },
    sessionId: '',
  };
}

/** Seeds demo cases (with a screening on the first) through the same services a caseworker uses. */
export async function seedCasesDemo(ctx: Context): Promise<void> {
  const system = await demoSeedActor(ctx);
  const intake = new IntakeService(ctx);
  const cases = new CaseService(ctx);
  const ids: string[] = [];
  for (const [i, c] of demoCases.entries()) {
    // Each case belongs to the organisation of the canton's demo caseworker, who also gets the child's
    // 24-hour task and can sign in and see it.
    const caseworker = await repo.selectUsersByScopeCodeAndRoleKey(ctx.db.db, c.division.code);
    // The case's own organisation does the work: nobody else reaches the whole case (need-to-know).
    const owner: Actor = { ...system, orgId: caseworker?.organisation_id ?? system.orgId };
    const opened = await intake.intake(
      owner,
      {
        ...c,
        draft: false,
        events: [
          {
            hte_Type: 'Recruitment',
            local_DivisionCode: c.division.code,
            hte_Date: '2027-02',
            hte_Description: 'DEMO: ofrecimiento de trabajo (texto ficticio)',
          },
        ],
      },
      'demo-seed',
    );
    ids.push(opened.id);
    await repo.updateCaseTasksByCaseId(ctx.db.db, { assignee_user_id: caseworker?.id ?? null }, opened.id);
    if (caseworker) await repo.updateCase(ctx.db.db, opened.id, { assigned_user_id: caseworker.id });
    // Every demo person was judged a possible victim, so identification figures have something to count.
    await cases.decide(
      owner,
      opened.id,
      {
        vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
        vic_TraffickingStatusDecisionMakingOrg: 'NGO',
        reason: 'DEMO: indicadores de la lista OIT (texto ficticio)',
      },
      'demo-seed',
    );
    if (i === 0)
      await cases.screen(
        owner,
        opened.id,
        'labour',
        ['deceived_nature_of_job', 'deceived_wages', 'local_forced_begging', 'no_schooling'],
        'demo-seed',
      );
  }
  // The third demo case is Demo Killa's, in Colta.
  await seedLivingRecordDemo(ctx, system, ids[2]);
}

/**
 * The living record, alive: in Colta a case corrected and extended by its caseworker (history with a reason, an
 * exploitation event in Colombia, a perpetrator), a second record that looks like the same girl (to merge), and a
 * draft untouched for five weeks (on the caseworker's work list).
 */
async function seedLivingRecordDemo(ctx: Context, system: Actor, colta: string | undefined): Promise<void> {
  const worker = await repo.selectUsersByScopeCodeAndRoleKey(ctx.db.db, '0603');
  if (!worker) return;
  const actor: Actor = { ...system, userId: worker.id, orgId: worker.organisation_id, roles: ['caseworker'] };
  const record = new RecordService(ctx);
  const intake = new IntakeService(ctx);
  if (colta) {
    const c = (await repo.findCase(ctx.db.db, colta))!;
    const person = (await repo.findPerson(ctx.db.db, c.person_id))!;
    await record.update({
      actor,
      caseId: colta,
      type: 'person',
      fields: { prs_SecondName: 'Ficticia Tres Yupanki', prs_Birthdate: '2012-03-15', prs_PrimaryLanguage: 'qu' },
      version: Number(person.version),
      reason: 'DEMO: apellidos según la cédula (texto ficticio)',
      requestId: 'demo-seed',
    });
    await record.add(
      actor,
      colta,
      'event',
      {
        hte_Type: 'Exploitation',
        hte_Country: 'CO',
        hte_City: 'DEMO: Ipiales (ficticio)',
        hte_Date: '2027-03',
        local_EndDate: '2027-05',
        local_Means: ['FalsePromises', 'TakesEarnings'],
        vic_TypeOfExploitation: ['ForcedBegging'],
      },
      'demo-seed',
    );
    await record.add(
      actor,
      colta,
      'perpetrator',
      {
        per_FirstName: 'Demo Tomasa',
        per_SecondName: 'Ficticia Intermediaria',
        per_Gender: 'Feminine',
        per_RelationshipToVictim: 'Acquainted',
        per_RoleInProcess: ['RecruiterOrIntermediary', 'Exploiter'],
      },
      'demo-seed',
    );
    await intake.intake(
      actor,
      {
        draft: false,
        division: { country: 'EC', code: '060350' },
        person: {
          prs_FirstName: 'Demo Killa',
          prs_SecondName: 'Ficticia Tres',
          local_BirthYear: 2012,
          prs_Gender: 'Feminine',
        },
        vic_TypeOfExploitation: ['ForcedBegging'],
      },
      'demo-seed',
    );
  }
  const draft = await intake.intake(
    actor,
    { draft: true, division: { country: 'EC', code: '060351' }, person: { prs_SecondName: 'Demo Borrador Ficticio' } },
    'demo-seed',
  );
  await repo.updateCase(ctx.db.db, draft.id, { updated_at: new Date(Date.now() - 35 * 86_400_000).toISOString() });
}
