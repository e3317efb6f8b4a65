import { randomUUID } from 'node:crypto';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import { validateAnswers } from '../../shared/xlsform/index';
import { actorByEmail, organisationIdByName } from '../access/index';
import { cuencaForm, demoAnswers, seeded } from './demo-answers';
import * as repo from './repo';
import { storeSubmission } from './submissions';

// The fictitious study "Causas y formas de la trata infantil en Cuenca": owned by the demo international
// organisation, open, in three Cuenca parishes; 70 made-up interviews (two parishes with enough to pass the
// disclosure threshold, one with 6 whose counts stay suppressed). Answers come from a seeded generator, so every
// demo installation holds the same, and each passes the form's own validation.

const ownerName = 'Organización Internacional Demo (ficticia)';
export const demoPlaces = { banos: '010151', quingeo: '010161', tarqui: '010168' } as const;
const plan: [string, number][] = [
  [demoPlaces.banos, 32],
  [demoPlaces.tarqui, 32],
  [demoPlaces.quingeo, 6],
];

export const demoConsent = {
  es: 'Somos parte de un estudio sobre las causas de la trata infantil en Cuenca. Sus respuestas llevan solo un código del estudio: no anotamos su nombre. Puede dejar de responder cuando quiera. ¿Acepta participar?',
  qu: 'Cuenca llaktapi wawakunapak tratamanta yachanakunata rurakunchik. Kikinpak kutichikunaka shuk yupaywanlla kan: shutitaka mana killkanchikchu. Munashpaka sakiy ushankimi. ¿Chaskinkichu?',
  en: 'We are part of a study on the causes of child trafficking in Cuenca. Your answers carry only a study code: we do not write down your name. You may stop answering at any time. Do you agree to take part?',
};

/** Seeds the demo study (after access and forms): skipped when the demo organisation or researcher is missing. */
export async function seedStudiesDemo(ctx: Context): Promise<void> {
  const db = ctx.db.db;
  const ownerOrgId = await organisationIdByName(db, ownerName);
  const researcher = await actorByEmail(ctx, 'investigacion@minka.demo');
  if (!ownerOrgId || !researcher) return;
  const interviewer = await actorByEmail(ctx, 'encuestadora.cuenca@minka.demo');
  const form = cuencaForm();
  const now = nowIso();
  const studyId = randomUUID();
  const formId = randomUUID();
  const versionId = randomUUID();
  const r = seeded(20260119);
  const today = now.slice(0, 10);
  const interviews = plan.flatMap(([division, n]) =>
    Array.from({ length: n }, () => {
      const day = new Date(Date.parse(`${today}T12:00:00Z`) - r.int(1, 60) * 86_400_000).toISOString();
      const checked = validateAnswers(form, demoAnswers(r, day.slice(0, 10)), { today, now: day });
      if (!checked.ok) throw new Error(`a demo interview does not validate: ${JSON.stringify(checked.issues)}`);
      return { division, collectedAt: day, answers: checked.answers };
    }),
  );
  await writeAudited(
    ctx,
    {
      actor: null,
      action: 'demo.seeded',
      recordType: 'study',
      recordId: studyId,
      details: { interviews: interviews.length },
    },
    async (trx) => {
      await repo.insertDemoForm(trx, {
        id: formId,
        key: form.formId,
        ownerOrgId,
        title: JSON.stringify(form.title),
        versionId,
        version: form.version,
        definition: JSON.stringify(form),
        by: researcher.userId,
        at: now,
      });
      await repo.insertStudy(trx, {
        id: studyId,
        code: `EST-${today.slice(0, 4)}-001`,
        title: JSON.stringify({
          es: 'Causas y formas de la trata infantil en Cuenca',
          qu: 'Cuenca llaktapi wawakunapak trata',
          en: 'Causes and forms of child trafficking in Cuenca',
        }),
        purpose: JSON.stringify({
          es: 'Conocer por qué y cómo niñas, niños y adolescentes de Cuenca son captados para trabajo y mendicidad (estudio ficticio de demostración).',
          qu: 'Cuenca llaktapi wawakuna imamanta llamkaypi mendicidadpipash tiyan yachankapak (demo).',
          en: 'Learn why and how children in Cuenca are recruited for labour and begging (fictitious demo study).',
        }),
        owner_org_id: ownerOrgId,
        form_id: formId,
        form_version_id: versionId,
        country_code: 'EC',
        places: JSON.stringify([demoPlaces.banos, demoPlaces.quingeo, demoPlaces.tarqui]),
        consent: JSON.stringify(demoConsent),
        respondents: 'pseudonymous',
        status: 'open',
        created_by: researcher.userId,
        created_at: now,
        updated_at: now,
      });
      let n = 0;
      for (const iv of interviews)
        await storeSubmission(ctx, trx, studyId, {
          formVersionId: versionId,
          form,
          respondentCode: `CUE-${String(++n).padStart(4, '0')}`,
          division: iv.division,
          interviewerId: interviewer?.userId ?? null,
          collectedAt: iv.collectedAt,
          answers: iv.answers,
          source: 'app',
          sourceId: null,
        });
    },
  );
}
