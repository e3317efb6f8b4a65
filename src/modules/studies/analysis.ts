import type { Context } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import { t } from '../../platform/i18n/index';
import { textFor } from '../../shared/xlsform/index';
import type { FormDef } from '../../shared/xlsform/types';
import type { Actor } from '../access/index';
import { userNames } from '../access/index';
import { GeoService } from '../geo/index';
import { isSelect, placedQuestions } from './form-walk';
import * as repo from './repo';
import { StudiesService } from './service';
import { protectList, protectTable } from './suppress';

// Counts of a study under the dashboards' disclosure control: never a count of 1..k-1 people, and never one a
// published total would give back. Counts are of interviews (people), read from the plain facts only.

const noAnswer = '_none';

/** Progress and analysis tables of studies. */
export class StudyCounts {
  private readonly studies: StudiesService;
  constructor(private readonly ctx: Context) {
    this.studies = new StudiesService(ctx);
  }
  private get k() {
    return this.ctx.config.MINKA_DISCLOSURE_K;
  }

  /** Interviews by parish and by interviewer, for the study's coordinators. */
  async progress(actor: Actor, id: string, lang: string) {
    const { study } = await this.studies.load(actor, id, 'own');
    const rows = await repo.selectSubmissionFacts(this.ctx.db.db, id);
    const byPlace = new Map<string, number>();
    const byInterviewer = new Map<string | null, number>();
    for (const r of rows) {
      byPlace.set(r.division_code, (byPlace.get(r.division_code) ?? 0) + 1);
      byInterviewer.set(r.interviewer_id, (byInterviewer.get(r.interviewer_id) ?? 0) + 1);
    }
    const places = await this.placesOf(study, [...byPlace.keys()]);
    const p = protectList(
      places.map((pl) => byPlace.get(pl.code) ?? 0),
      this.k,
    );
    const people = [...byInterviewer.keys()];
    const names = await userNames(
      this.ctx,
      people.filter((x): x is string => x !== null),
    );
    // The same people as by place: their total is hidden (or shown) alike in both lists.
    const q = protectList(
      people.map((x) => byInterviewer.get(x)!),
      this.k,
      p.total.suppressed,
    );
    return {
      k: this.k,
      total: p.total,
      byPlace: places.map((pl, i) => ({ ...pl, count: p.cells[i]! })),
      byInterviewer: people.map((x, i) => ({
        id: x,
        name: x === null ? t(lang, 'studies.imported') : (names.get(x) ?? ''),
        count: q.cells[i]!,
      })),
    };
  }

  /** The study's places followed by any other division answers came from (a place removed later), with labels. */
  private async placesOf(study: repo.StudyRow, seen: string[]) {
    const codes = [...study.places, ...seen.filter((c) => !study.places.includes(c)).sort()];
    const labels = await new GeoService(this.ctx.db.db).labels(study.country_code, codes);
    return codes.map((code) => ({ code, label: labels.get(code) ?? code }));
  }

  /**
   * Interviews by place × the choices of one select question (by place only without one), labels in the language
   * asked, every cell protected. A form's versions are read together: a choice keeps its latest label.
   */
  async analysis(actor: Actor, id: string, question: string | undefined, lang: string) {
    const { study } = await this.studies.load(actor, id, 'analyse');
    const form = study.form_version_id ? (await this.studies.version(study, study.form_version_id)).form : null;
    const questions = form ? selectQuestions(form, lang) : [];
    const chosen = question ? questions.find((q) => q.name === question) : undefined;
    if (question && !chosen) throw new AppError(400, 'study_question_unknown');
    const rows = await repo.selectSubmissionFacts(this.ctx.db.db, id);
    const places = await this.placesOf(study, [...new Set(rows.map((r) => r.division_code))]);
    const choices =
      chosen && form
        ? [
            ...(form.choices[chosen.listName] ?? []).map((c) => ({
              name: c.name,
              label: textFor(c.label, form, lang) || c.name,
            })),
            ...(chosen.orOther ? [{ name: 'other', label: t(lang, 'studies.other') }] : []),
            { name: noAnswer, label: t(lang, 'studies.noAnswer') },
          ]
        : [];
    const col = new Map(choices.map((c, i) => [c.name, i]));
    const grid = places.map(() => choices.map(() => 0));
    const totals = places.map(() => 0);
    const at = new Map(places.map((p, i) => [p.code, i]));
    for (const r of rows) {
      const i = at.get(r.division_code)!;
      totals[i]!++;
      if (!chosen) continue;
      const picked = new Set((JSON.parse(r.facts) as Record<string, string[]>)[chosen.name] ?? []);
      if (!picked.size) grid[i]![col.get(noAnswer)!]!++;
      for (const c of picked) {
        const j = col.get(c);
        if (j !== undefined) grid[i]![j]!++;
      }
    }
    const protectedTable = protectTable(grid, totals, Boolean(chosen && !chosen.multiple), this.k);
    return {
      k: this.k,
      question: chosen ? { name: chosen.name, label: chosen.label, multiple: chosen.multiple } : null,
      questions: questions.map((q) => ({ name: q.name, label: q.label, multiple: q.multiple })),
      choices,
      rows: places.map((p, i) => ({ ...p, ...protectedTable.rows[i]! })),
      totals: protectedTable.totals,
    };
  }
}

/** The select questions of a form, with their labels in the language asked. */
export function selectQuestions(form: FormDef, lang: string) {
  return placedQuestions(form)
    .filter((p) => isSelect(p.question) && p.question.listName)
    .map((p) => ({
      name: p.question.name,
      label: textFor(p.question.label, form, lang) || p.question.name,
      listName: p.question.listName!,
      orOther: Boolean(p.question.orOther),
      // Inside a repeat a person may give several answers (one per child): rows then do not add up to their total.
      multiple: p.question.type === 'select_multiple' || p.repeat !== null,
    }));
}
