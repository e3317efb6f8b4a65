import { randomUUID } from 'node:crypto';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { nowIso } from '../../platform/db/index';
import { AppError, notFound } from '../../platform/http/errors';
import { validateAnswers } from '../../shared/xlsform/index';
import type { Answers, FormDef } from '../../shared/xlsform/types';
import { type Actor, can, ScopeCheck, userNames } from '../access/index';
import { CaseAccess, RecordService } from '../cases/index';
import { isClosed } from '../cases/vocabulary';
import { changedNames, factsOf } from './facts';
import { answerIssueError } from './issues';
import * as repo from './repo';

const sealed = (row: string) => ({ table: 'case_form_answers', row, column: 'answers' });

/** A form as a section of one case: its newest definition and the case's answers, on the version given. */
export interface CaseFormSection {
  formId: string;
  title: Record<string, string>;
  number: number;
  form: FormDef;
  answers: null | {
    values: Answers;
    /** The form version the answers were given on, and its definition when it is not the newest. */
    formVersion: number;
    form: FormDef | null;
    version: number;
    updatedAt: string;
    updatedBy: string;
  };
}

/** Forms attached to a case's jurisdiction, shown and answered as sections of the case. */
export class CaseForms {
  private readonly access: CaseAccess;
  private readonly record: RecordService;
  constructor(private readonly ctx: Context) {
    this.access = new CaseAccess(ctx);
    this.record = new RecordService(ctx);
  }
  private get db() {
    return this.ctx.db.db;
  }

  /** The form ids attached to the case's division or any division above it, oldest attachment first. */
  private async attachedTo(c: { country_code: string; division_code: string }): Promise<string[]> {
    const ancestry = (await new ScopeCheck(this.ctx).ancestry(c.country_code, c.division_code)) ?? [];
    const rows = await repo.selectAttachmentsAt(this.db, c.country_code, ancestry);
    return [...new Set(rows.map((r) => r.form_id))];
  }

  /**
   * The case's form sections with the answers decrypted (the read is audited as a read of the case's forms) and
   * whether the actor may change them. A receiver sees them only when the forms section is shared.
   */
  async sectionsFor(actor: Actor, caseId: string, requestId = '') {
    const { c, direct } = await this.access.reach(actor, caseId, 'cases:read', 'forms');
    const ids = await this.attachedTo(c);
    const answered = new Map((await repo.selectAnswersOfCase(this.db, caseId)).map((a) => [a.form_id, a]));
    const sections: CaseFormSection[] = [];
    for (const id of ids) sections.push(await this.section(id, answered.get(id)));
    if (sections.some((s) => s.answers))
      await this.ctx.audit.record({
        actor,
        action: 'case.read',
        recordType: 'case',
        recordId: caseId,
        fields: 'forms',
        requestId,
      });
    return {
      sections: await this.named(sections),
      canEdit: direct && can(actor, 'cases:write') && !isClosed(c.status),
    };
  }

  private async section(formId: string, row?: repo.AnswersRow): Promise<CaseFormSection> {
    const [f, latest] = await Promise.all([
      repo.selectForm(this.db, formId),
      repo.selectLatestVersion(this.db, formId),
    ]);
    const answers = row ? await this.answersOf(row, latest!.id) : null;
    return {
      formId,
      title: JSON.parse(f!.title) as Record<string, string>,
      number: latest!.number,
      form: JSON.parse(latest!.definition) as FormDef,
      answers,
    };
  }

  private async answersOf(row: repo.AnswersRow, latestId: string) {
    const v = (await repo.selectVersion(this.db, row.form_version_id))!;
    return {
      values: JSON.parse(this.ctx.crypto.decrypt(row.answers_enc, sealed(row.id))) as Answers,
      formVersion: v.number,
      form: v.id === latestId ? null : (JSON.parse(v.definition) as FormDef),
      version: row.version,
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
    };
  }

  /**
   * Saves a case's answers to an attached form, on the record version they were based on (0 = none yet) and on
   * the form version shown (the newest when not said). Answers are validated with the form's own rules (422 with
   * each problem at its question, nothing stored); a stale version is a 409; the change is audited with the names
   * of the questions changed, never their values.
   */
  async saveAnswers(
    actor: Actor,
    caseId: string,
    formId: string,
    body: { answers: unknown; version: number; formVersion?: number },
    requestId = '',
    lang = 'es',
  ) {
    const c = await this.record.writable(actor, caseId);
    if (!(await this.attachedTo(c)).includes(formId)) throw notFound();
    const v =
      body.formVersion === undefined
        ? await repo.selectLatestVersion(this.db, formId)
        : await repo.selectVersionByNumber(this.db, formId, body.formVersion);
    if (!v) throw new AppError(400, 'form_version_unknown', { version: body.formVersion ?? 0 });
    const form = JSON.parse(v.definition) as FormDef;
    const now = nowIso();
    const checked = validateAnswers(form, body.answers, { today: now.slice(0, 10), now });
    if (!checked.ok) throw answerIssueError(checked.issues, lang, form);
    const current = await repo.selectAnswers(this.db, caseId, formId);
    const conflict = (version: number) => new AppError(409, 'form_answers_changed', {}, { version });
    if (!current && body.version !== 0) throw new AppError(400, 'version_unknown', { version: body.version });
    if (current && current.version !== body.version) throw conflict(current.version);
    const before = current
      ? (JSON.parse(this.ctx.crypto.decrypt(current.answers_enc, sealed(current.id))) as Answers)
      : {};
    const changed = changedNames(before, checked.answers);
    const id = current?.id ?? randomUUID();
    const set = {
      form_version_id: v.id,
      answers_enc: this.ctx.crypto.encrypt(JSON.stringify(checked.answers), sealed(id)),
      facts: JSON.stringify(factsOf(form, checked.answers)),
      version: body.version + 1,
      updated_by: actor.userId,
      updated_at: now,
    };
    try {
      await writeAudited(
        this.ctx,
        {
          actor,
          action: 'case.form_answered',
          recordType: 'case',
          recordId: caseId,
          fields: changed.join(','),
          details: { form: formId, formVersion: v.number, version: set.version },
          requestId,
        },
        async (trx) => {
          if (!current)
            await repo.insertAnswers(trx, { id, case_id: caseId, form_id: formId, created_at: now, ...set });
          else if (!(await repo.updateAnswersAt(trx, id, current.version, set))) throw conflict(current.version + 1);
        },
      );
    } catch (e) {
      // Two first saves at once: the unique (case, form) lets one in; the other is told someone saved first.
      const now = !current && !(e instanceof AppError) ? await repo.selectAnswers(this.db, caseId, formId) : undefined;
      if (now) throw conflict(now.version);
      throw e;
    }
    // The answer to the actor's own audited change: not audited again as a read.
    return (await this.named([await this.section(formId, await repo.selectAnswers(this.db, caseId, formId))]))[0]!;
  }

  /** Puts the name of who last saved in place of their id. */
  private async named(sections: CaseFormSection[]) {
    const names = await userNames(
      this.ctx,
      sections.flatMap((s) => (s.answers ? [s.answers.updatedBy] : [])),
    );
    for (const s of sections) if (s.answers) s.answers.updatedBy = names.get(s.answers.updatedBy) ?? '';
    return sections;
  }
}
