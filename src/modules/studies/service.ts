import { randomUUID } from 'node:crypto';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import type { FormDef } from '../../shared/xlsform/types';
import { type Actor, ScopeCheck } from '../access/index';
import { FormsService } from '../forms/index';
import { GeoService } from '../geo/index';
import * as policy from './policy';
import * as repo from './repo';
import type { CreateStudyBody, UpdateStudyBody } from './schema';

/** A study the actor may see, with what the policies need. */
export interface Loaded {
  study: repo.StudyRow;
  facts: policy.StudyFacts;
}

/** Studies: a form, a purpose, an owner organisation, the places it covers, a consent script, coded respondents. */
export class StudiesService {
  constructor(private readonly ctx: Context) {}
  private get db() {
    return this.ctx.db.db;
  }

  /** The study as the actor relates to it: 404 when it does not exist or the actor may not see it. */
  async load(actor: Actor, id: string, need: 'see' | 'own' | 'collect' | 'analyse' = 'see'): Promise<Loaded> {
    const study = await repo.selectStudy(this.db, id);
    if (!study) throw notFound();
    const scope = new ScopeCheck(this.ctx);
    let placeInJurisdiction = false;
    for (const p of study.places)
      if (await scope.within(actor, study.country_code, p)) {
        placeInJurisdiction = true;
        break;
      }
    const facts = { ownerOrgId: study.owner_org_id, status: study.status, placeInJurisdiction };
    const allowed = {
      see: policy.sees,
      own: policy.owns,
      collect: policy.collects,
      analyse: policy.analyses,
    }[need];
    if (!allowed(actor, facts)) throw notFound();
    return { study, facts };
  }

  /** The version's form definition (the study's form only). */
  async version(study: repo.StudyRow, versionId: string) {
    const v = await repo.selectFormVersion(this.db, versionId);
    if (!v || v.form_id !== study.form_id) throw notFound();
    return { id: v.id, number: Number(v.number), form: JSON.parse(v.definition) as FormDef };
  }

  private async checkPlaces(actor: Actor, places: string[]) {
    if (new Set(places).size !== places.length) throw new AppError(400, 'duplicate_places');
    const scope = new ScopeCheck(this.ctx);
    const geo = new GeoService(this.db);
    for (const p of places) {
      if (!(await scope.within(actor, actor.scope.country, p))) throw new AppError(400, 'scope_outside_jurisdiction');
      // A study covers cantons or parishes: a province or a whole country is not a place one interviews in.
      if (((await geo.levelOf(actor.scope.country, p)) ?? 0) < 2) throw new AppError(400, 'study_place_level');
    }
  }

  async create(actor: Actor, b: CreateStudyBody, requestId: string) {
    if (!policy.mayCreate(actor)) throw new AppError(403, 'forbidden');
    await this.checkPlaces(actor, b.places);
    const id = randomUUID();
    const now = nowIso();
    const prefix = `EST-${now.slice(0, 4)}-`;
    for (let attempt = 0; ; attempt++) {
      const code = `${prefix}${String((await repo.countStudyCodes(this.db, prefix)) + 1 + attempt).padStart(3, '0')}`;
      try {
        await writeAudited(
          this.ctx,
          { actor, action: 'study.created', recordType: 'study', recordId: id, details: { code }, requestId },
          (trx) =>
            repo.insertStudy(trx, {
              id,
              code,
              title: JSON.stringify(b.title),
              purpose: JSON.stringify(b.purpose),
              owner_org_id: actor.orgId,
              form_id: null,
              form_version_id: null,
              country_code: actor.scope.country,
              places: JSON.stringify(b.places),
              consent: JSON.stringify(b.consent),
              respondents: b.respondents,
              status: 'draft',
              created_by: actor.userId,
              created_at: now,
              updated_at: now,
            }),
        );
        break;
      } catch (err) {
        // Two studies created at once may take the same number: the next one is tried.
        if (attempt >= 4 || err instanceof AppError) throw err;
      }
    }
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, b: UpdateStudyBody, requestId: string) {
    const { study } = await this.load(actor, id, 'own');
    if (b.places) await this.checkPlaces(actor, b.places);
    if (b.status === 'open' && !study.form_version_id) throw new AppError(409, 'study_without_form');
    const set = {
      ...(b.title ? { title: JSON.stringify(b.title) } : {}),
      ...(b.purpose ? { purpose: JSON.stringify(b.purpose) } : {}),
      ...(b.consent ? { consent: JSON.stringify(b.consent) } : {}),
      ...(b.places ? { places: JSON.stringify(b.places) } : {}),
      ...(b.status ? { status: b.status } : {}),
      updated_at: nowIso(),
    };
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'study.updated',
        recordType: 'study',
        recordId: id,
        fields: Object.keys(b).join(','),
        details: b.status ? { status: { from: study.status, to: b.status } } : {},
        requestId,
      },
      (trx) => repo.updateStudy(trx, id, set),
    );
    return this.get(actor, id);
  }

  /** An XLSForm becomes the study's current form version; earlier submissions keep the version they were given on. */
  async importForm(
    actor: Actor,
    id: string,
    file: { data: Buffer; filename: string },
    lang: string,
    requestId: string,
  ) {
    const { study } = await this.load(actor, id, 'own');
    // The study's own form: the same form_id is its next version; another form replaces it only before anything
    // was collected (checked before anything is stored).
    const collected = study.form_id ? (await repo.countSubmissions(this.db, id)) > 0 : false;
    const imported = await new FormsService(this.ctx).importXlsx(
      actor,
      file,
      'study',
      study.owner_org_id,
      requestId,
      lang,
      { formId: study.form_id, mayReplace: !collected, refusal: 'study_form_other' },
    );
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'study.form',
        recordType: 'study',
        recordId: id,
        details: { formId: imported.formId, versionId: imported.versionId, number: imported.number },
        requestId,
      },
      (trx) =>
        repo.updateStudy(trx, id, {
          form_id: imported.formId,
          form_version_id: imported.versionId,
          updated_at: nowIso(),
        }),
    );
    return { formId: imported.formId, versionId: imported.versionId, number: imported.number };
  }

  async list(actor: Actor) {
    if (!policy.mayBrowse(actor)) throw new AppError(403, 'forbidden');
    const out = [];
    for (const s of await repo.selectStudies(this.db)) {
      const loaded = await this.load(actor, s.id).catch(() => null);
      if (loaded) out.push(await this.summary(actor, loaded));
    }
    return out;
  }

  async get(actor: Actor, id: string) {
    const loaded = await this.load(actor, id);
    const { study } = loaded;
    const form = study.form_version_id ? await this.version(study, study.form_version_id) : null;
    return {
      ...(await this.summary(actor, loaded, form?.number ?? null)),
      purpose: study.purpose,
      consent: study.consent,
      form:
        form && study.form_id
          ? { formId: study.form_id, versionId: form.id, number: form.number, definition: form.form }
          : null,
      createdAt: study.created_at,
      updatedAt: study.updated_at,
    };
  }

  /** Place labels of the study, in its order. */
  async placeLabels(study: repo.StudyRow) {
    const labels = await new GeoService(this.db).labels(study.country_code, study.places);
    return study.places.map((code) => ({ code, label: labels.get(code) ?? code }));
  }

  private async summary(actor: Actor, { study, facts }: Loaded, formVersion?: number | null) {
    const number =
      formVersion !== undefined
        ? formVersion
        : study.form_version_id
          ? ((await repo.selectFormVersion(this.db, study.form_version_id))?.number ?? null)
          : null;
    return {
      id: study.id,
      code: study.code,
      title: study.title,
      status: study.status as 'draft' | 'open' | 'closed',
      respondents: study.respondents as 'anonymous' | 'pseudonymous',
      owner: { id: study.owner_org_id, name: await repo.selectOrganisationName(this.db, study.owner_org_id) },
      country: study.country_code,
      places: await this.placeLabels(study),
      formVersion: number === null ? null : Number(number),
      abilities: policy.abilities(actor, facts),
      // Interviews stored: for the owner organisation's managers only.
      submissions: policy.owns(actor, facts) ? await repo.countSubmissions(this.db, study.id) : null,
    };
  }
}
