import { randomUUID } from 'node:crypto';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import { parseXlsform } from '../../shared/xlsform/index';
import type { FormDef } from '../../shared/xlsform/types';
import { type Actor, can, ScopeCheck } from '../access/index';
import { GeoService } from '../geo/index';
import { formInvalidError } from './issues';
import { presentForm } from './present';
import * as repo from './repo';
import { readXlsformWorkbook } from './xlsx-read';

export type FormUsage = 'case' | 'study';

/** The permission that manages forms of a usage: case sections for administrators, study forms for researchers. */
const managerOf = (usage: string) => (usage === 'study' ? 'studies:manage' : 'forms:manage');

/** The name a form takes from its file when its settings sheet names none (letters, digits, _ and - only). */
const idFromFile = (filename: string) =>
  (filename.replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_-]+/g, '_') || 'form').slice(0, 100);

const parseDef = (json: string) => JSON.parse(json) as FormDef;

/** XLSForm questionnaires: imported and versioned; case forms are attached to the cases of a jurisdiction. */
export class FormsService {
  constructor(private readonly ctx: Context) {}
  private get db() {
    return this.ctx.db.db;
  }

  /**
   * Imports an XLSForm. A form with problems stores nothing and answers 422 naming sheet, row and column; the same
   * settings form_id of the same usage and owner becomes the form's next version (answers keep theirs).
   */
  async importXlsx(
    actor: Actor,
    file: { data: Buffer; filename: string },
    usage: FormUsage,
    ownerOrgId?: string,
    requestId = '',
    lang = 'es',
    /**
     * For a record that owns its form (a study): the form it has (null: none yet). The import becomes that form's
     * next version when its form_id is the same, else a new form of its own (never another record's form); a
     * different form may replace it only when `mayReplace`, else `refusal` (409) and nothing is stored.
     */
    target?: { formId: string | null; mayReplace: boolean; refusal: string },
  ): Promise<{ formId: string; versionId: string; number: number; form: FormDef }> {
    if (!can(actor, managerOf(usage))) throw new AppError(403, 'forbidden');
    const sheets = await readXlsformWorkbook(file.data);
    if ('error' in sheets)
      throw sheets.error === 'too_large' ? new AppError(413, 'form_too_large') : new AppError(400, 'form_not_xlsx');
    const parsed = parseXlsform(sheets, idFromFile(file.filename));
    if (!parsed.ok) throw formInvalidError(parsed.issues, lang);
    const form = parsed.form;
    const owner = ownerOrgId ?? actor.orgId;
    const now = nowIso();
    const versionId = randomUUID();
    let formId = '';
    let number = 0;
    await writeAudited(
      this.ctx,
      () => ({
        actor,
        action: 'form.imported',
        recordType: 'form',
        recordId: formId,
        details: { usage, formKey: form.formId, number, version: form.version },
        requestId,
      }),
      async (trx) => {
        const existing = target
          ? await this.targetForm(trx, target, form.formId)
          : await repo.selectFormByKey(trx, usage, owner, form.formId);
        formId = existing?.id ?? randomUUID();
        if (existing) await repo.updateForm(trx, formId, { title: JSON.stringify(form.title), updated_at: now });
        else
          await repo.insertForm(trx, {
            id: formId,
            form_key: form.formId,
            usage,
            owner_org_id: owner,
            title: JSON.stringify(form.title),
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          });
        number = ((await repo.selectLatestVersion(trx, formId))?.number ?? 0) + 1;
        await repo.insertVersion(trx, {
          id: versionId,
          form_id: formId,
          number,
          xlsform_version: form.version.slice(0, 200),
          definition: JSON.stringify(form),
          created_by: actor.userId,
          created_at: now,
        });
      },
    );
    return { formId, versionId, number, form };
  }

  private async targetForm(
    trx: repo.Q,
    target: { formId: string | null; mayReplace: boolean; refusal: string },
    formKey: string,
  ) {
    const current = target.formId ? await repo.selectForm(trx, target.formId) : undefined;
    if (current && current.form_key === formKey) return current;
    if (current && !target.mayReplace) throw new AppError(409, target.refusal);
    return undefined;
  }

  /** A version's definition (no authorization: for modules that checked their own record first). */
  async definition(versionId: string): Promise<{ formId: string; number: number; form: FormDef } | undefined> {
    const v = await repo.selectVersion(this.db, versionId);
    return v && { formId: v.form_id, number: v.number, form: parseDef(v.definition) };
  }

  /** A form's newest version (no authorization: for modules that checked their own record first). */
  async latest(formId: string): Promise<{ versionId: string; number: number; form: FormDef } | undefined> {
    const v = await repo.selectLatestVersion(this.db, formId);
    return v && { versionId: v.id, number: v.number, form: parseDef(v.definition) };
  }

  /** The form if the actor manages forms of its usage; 404 otherwise. */
  private async managed(actor: Actor, id: string) {
    const f = await repo.selectForm(this.db, id);
    if (!f || !can(actor, managerOf(f.usage))) throw notFound();
    return f;
  }

  /** Case forms with their versions and where they are attached (forms are configuration, not personal data). */
  async list(actor: Actor) {
    if (!can(actor, 'forms:manage')) throw new AppError(403, 'forbidden');
    const forms = await repo.selectForms(this.db, 'case');
    return this.withDetails(forms);
  }

  /** One form with its versions and attachments. */
  async get(actor: Actor, id: string) {
    const f = await this.managed(actor, id);
    return (await this.withDetails([f]))[0]!;
  }

  /** One version of a form, with its definition. */
  async version(actor: Actor, id: string, number: number) {
    await this.managed(actor, id);
    const v = await repo.selectVersionByNumber(this.db, id, number);
    if (!v) throw notFound();
    return {
      number: v.number,
      xlsformVersion: v.xlsform_version,
      createdAt: v.created_at,
      form: parseDef(v.definition),
    };
  }

  private async withDetails(forms: repo.FormRow[]) {
    const ids = forms.map((f) => f.id);
    const [versions, attachments] = await Promise.all([
      repo.selectVersionsOf(this.db, ids),
      repo.selectAttachmentsOf(this.db, ids),
    ]);
    const geo = new GeoService(this.db);
    const labels = new Map<string, string>();
    for (const country of new Set(attachments.map((a) => a.country_code)))
      for (const [code, name] of await geo.labels(
        country,
        attachments.filter((a) => a.country_code === country).map((a) => a.division_code),
      ))
        labels.set(`${country}:${code}`, name);
    return forms.map((f) =>
      presentForm(
        {
          form: f,
          versions: versions.filter((v) => v.form_id === f.id),
          attachments: attachments.filter((a) => a.form_id === f.id),
        },
        labels,
      ),
    );
  }

  /** Shows a case form as a section of the cases in a division of the actor's jurisdiction (and below it). */
  async attach(actor: Actor, formId: string, place: { country: string; division: string }, requestId = '') {
    const f = await this.managed(actor, formId);
    if (f.usage !== 'case') throw new AppError(409, 'form_not_for_cases');
    if (!(await new ScopeCheck(this.ctx).within(actor, place.country, place.division)))
      throw new AppError(400, 'scope_outside_jurisdiction');
    const running = await repo.selectAttachmentsOf(this.db, [formId]);
    if (running.some((a) => a.country_code === place.country && a.division_code === place.division))
      throw new AppError(409, 'form_already_attached');
    const id = randomUUID();
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'form.attached',
        recordType: 'form',
        recordId: formId,
        details: { attachment: id, country: place.country, division: place.division },
        requestId,
      },
      (trx) =>
        repo.insertAttachment(trx, {
          id,
          form_id: formId,
          country_code: place.country,
          division_code: place.division,
          created_by: actor.userId,
          created_at: nowIso(),
          ended_at: null,
        }),
    );
    return id;
  }

  /** Ends an attachment in the actor's jurisdiction (answers already given stay with their cases). */
  async detach(actor: Actor, formId: string, attachmentId: string, requestId = '') {
    await this.managed(actor, formId);
    const a = await repo.selectAttachment(this.db, formId, attachmentId);
    if (!a || !(await new ScopeCheck(this.ctx).within(actor, a.country_code, a.division_code))) throw notFound();
    await writeAudited(
      this.ctx,
      {
        actor,
        action: 'form.detached',
        recordType: 'form',
        recordId: formId,
        details: { attachment: a.id, country: a.country_code, division: a.division_code },
        requestId,
      },
      (trx) => repo.endAttachment(trx, a.id, nowIso()),
    );
  }
}
