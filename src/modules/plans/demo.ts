import type { Context } from '../../platform/context';
import { type Actor, permissions } from '../access/index';
import { PlanWork } from './activities';
import { Agreements } from './agreements';
import { Indicators } from './indicators';
import * as repo from './repo';
import { LocalPlans } from './service';

/**
 * The Colta local plan 2025–2026 (fictitious figures): a cooperation agreement with the international demo
 * organisation, objectives and actions on the four axes, a manual and a case-derived indicator, a radio
 * campaign in Kichwa and an ordinance under debate.
 */
export async function seedPlansDemo(ctx: Context): Promise<void> {
  const db = ctx.db.db;
  const gad = await repo.selectOrganisationsByName(db);
  const iom = await repo.selectOrganisationsByOrgType(db);
  if (!gad || !iom) return;
  const actor: Actor = {
    userId: 'demo-seed',
    orgId: gad.id,
    roles: ['municipal_planner'],
    permissions: new Set(permissions),
    scope: { country: 'EC', code: '0603' },
    sessionId: '',
  };
  const r = 'demo-seed';
  const agreement = await new Agreements(ctx).create(
    actor,
    {
      title: 'Convenio de cooperación GAD Colta – Organización Internacional Demo (ficticio)',
      purpose: 'Elaborar y ejecutar el plan local contra la trata y el tráfico (texto ficticio)',
      parties: [gad.id, iom.id],
      division: { country: 'EC', code: '0603' },
      signedOn: '2025-02-14',
      endsOn: '2026-12-31',
      commitments: [
        { text: 'Aprobar el plan local en el Concejo', responsibleOrgId: gad.id, dueOn: '2025-06-30' },
        { text: 'Capacitar a 200 servidores públicos', responsibleOrgId: iom.id, dueOn: '2026-06-30' },
      ],
    },
    r,
  );
  const plans = new LocalPlans(ctx);
  const planId = await plans.create(
    actor,
    {
      title: 'Plan local contra la trata de personas de Colta 2025–2026 (demo)',
      division: { country: 'EC', code: '0603' },
      yearFrom: 2025,
      yearTo: 2026,
      agreementId: agreement.id,
    },
    r,
  );
  const axes = [
    [
      'prevention',
      'Prevenir la captación de niñas, niños y adolescentes para mendicidad',
      'Campaña radial en kichwa en las comunidades',
      12000,
      9000,
      'done',
    ],
    [
      'protection',
      'Atender a las víctimas con una ruta cantonal',
      'Protocolo cantonal de atención con la Junta',
      8000,
      3000,
      'in_progress',
    ],
    [
      'prosecution',
      'Acompañar a las familias en la denuncia',
      'Convenio con la Fiscalía para acompañamiento',
      3000,
      500,
      'in_progress',
    ],
    ['governance', 'Coordinar la mesa cantonal contra la trata', 'Mesa cantonal trimestral', 2000, 2000, 'done'],
  ] as const;
  const actions: string[] = [];
  for (const [axis, objective, action, planned, executed, status] of axes) {
    const o = await plans.addObjective(
      actor,
      planId,
      { axis, text: objective, nationalObjective: `PAT-${axes.findIndex((a) => a[0] === axis) + 1}` },
      r,
    );
    actions.push(
      await plans.addAction(
        actor,
        planId,
        {
          objectiveId: o,
          title: action,
          responsibleOrgId: gad.id,
          budgetPlanned: planned,
          budgetExecuted: executed,
          status,
        },
        r,
      ),
    );
  }
  const indicators = new Indicators(ctx);
  const trained = await indicators.create(
    actor,
    planId,
    {
      code: 'P1',
      name: 'Personas de la comunidad capacitadas',
      kind: 'output',
      unit: 'count',
      source: 'manual',
      dimensions: ['sex', 'age_group'],
      targets: { '2026-Q1': 150, '2026-Q2': 150 },
      actionId: actions[0],
    },
    r,
  );
  for (const [period, value, female, male] of [
    ['2026-Q1', 164, 92, 72],
    ['2026-Q2', 131, 70, 61],
  ] as const)
    await indicators.setValue(
      actor,
      planId,
      trained,
      { period, value, breakdown: { sex: { female, male }, age_group: { '12-17': value - 60, '18-29': 60 } } },
      r,
    );
  await indicators.create(
    actor,
    planId,
    {
      code: 'R1',
      name: 'Víctimas identificadas',
      kind: 'outcome',
      unit: 'count',
      source: 'cases_victims_identified',
      dimensions: [],
      targets: { '2026': 12 },
    },
    r,
  );
  const work = new PlanWork(ctx);
  await work.addActivity(
    actor,
    planId,
    {
      kind: 'radio_spot',
      title: 'Cuñas radiales en kichwa: «no entregues a tus wawas» (demo)',
      heldOn: '2026-03-08',
      division: '060301',
      language: 'qu',
      organisers: ['GAD Municipal de Colta (demo)', 'Radio comunitaria (ficticia)'],
      participants: 0,
      breakdown: {},
      actionId: actions[0],
    },
    r,
  );
  await work.addActivity(
    actor,
    planId,
    {
      kind: 'school_session',
      title: 'Taller en la unidad educativa de Cajabamba (demo)',
      heldOn: '2026-05-20',
      division: '060301',
      language: 'es',
      organisers: ['Junta Cantonal (ficticia)'],
      participants: 86,
      breakdown: { sex: { female: 44, male: 42 } },
      actionId: actions[0],
    },
    r,
  );
  const ordinance = await work.addInstrument(
    actor,
    planId,
    {
      kind: 'ordinance',
      title: 'Ordenanza cantonal contra la trata de personas (demo)',
      status: 'submitted',
      date: '2026-04-02',
      objectiveIds: [],
    },
    r,
  );
  await work.setInstrumentStatus(actor, planId, ordinance, { status: 'debated', date: '2026-06-11' }, r);
}
