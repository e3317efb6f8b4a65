import ExcelJS from 'exceljs';
import type { Context } from '../../platform/context';
import { writeAudited } from '../../platform/db/audited';
import { t } from '../../platform/i18n/index';
import type { FormDef } from '../../shared/xlsform/types';
import type { Actor } from '../access/index';
import { GeoService } from '../geo/index';
import { csvFile } from '../insights/index';
import { StudyCounts } from './analysis';
import * as policy from './policy';
import * as repo from './repo';
import { StudiesService } from './service';
import { type Interview, interviewSheets, type Sheet, type Value } from './sheets';
import { openAnswers } from './submissions';

export type ExportFormat = 'csv' | 'xlsx';
export interface ExportOptions {
  lang: string;
  layout: 'labels' | 'xlsform';
  question?: string;
}

/**
 * A study's data as a file. The owner organisation's coordinators get the raw answers (audited, no values in the
 * audit); everyone else who may analyse the study gets only the analysis table, every count under k left out.
 */
export class StudyExports {
  private readonly studies: StudiesService;
  constructor(private readonly ctx: Context) {
    this.studies = new StudiesService(ctx);
  }

  async export(actor: Actor, id: string, format: ExportFormat, o: ExportOptions, requestId: string) {
    const { study, facts } = await this.studies.load(actor, id, 'analyse');
    const raw = policy.owns(actor, facts);
    const sheets = raw ? await this.rawSheets(study, o) : await this.countSheets(actor, id, o);
    const body =
      format === 'csv' ? Buffer.from(csvFile([sheets[0]!.header, ...sheets[0]!.rows]), 'utf8') : await xlsx(sheets);
    if (raw)
      await writeAudited(
        this.ctx,
        {
          actor,
          action: 'study.exported',
          recordType: 'study',
          recordId: id,
          details: { format, layout: o.layout, lang: o.lang, rows: sheets[0]!.rows.length },
          requestId,
        },
        async () => undefined,
      );
    const kind = raw ? (o.layout === 'xlsform' ? 'datos-xlsform' : 'datos') : 'tabla';
    return {
      body,
      filename: `${study.code}-${kind}.${format}`,
      mime:
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
  }

  private async rawSheets(study: repo.StudyRow, o: ExportOptions): Promise<Sheet[]> {
    const db = this.ctx.db.db;
    const rows = await repo.selectSubmissions(db, study.id);
    const versions = new Map(
      (
        await repo.selectFormVersions(db, [
          ...new Set([...rows.map((r) => r.form_version_id), study.form_version_id ?? '']),
        ])
      ).map((v) => [v.id, { number: Number(v.number), form: JSON.parse(v.definition) as FormDef }]),
    );
    const current = versions.get(study.form_version_id ?? '');
    if (!current) return [{ name: 'data', header: [], rows: [] }];
    // Every parish an interview was given in (a study place may be a canton), not only the study's own places.
    const labels = await new GeoService(db).labels(study.country_code, [...new Set(rows.map((r) => r.division_code))]);
    const interviews: Interview[] = rows.map((r) => ({
      id: r.id,
      uuid: r.source_id,
      respondentCode: r.respondent_code,
      division: r.division_code,
      divisionLabel: labels.get(r.division_code) ?? r.division_code,
      collectedAt: r.collected_at,
      submittedAt: r.submitted_at,
      formVersion: versions.get(r.form_version_id)?.number ?? 0,
      form: versions.get(r.form_version_id)?.form ?? current.form,
      answers: openAnswers(this.ctx, r),
    }));
    return interviewSheets(current.form, interviews, o.layout, o.lang);
  }

  private async countSheets(actor: Actor, id: string, o: ExportOptions): Promise<Sheet[]> {
    const a = await new StudyCounts(this.ctx).analysis(actor, id, o.question, o.lang);
    const mark = t(o.lang, 'studies.suppressedMark', { k: a.k });
    const show = (c: { value: number | null; suppressed: boolean }): Value => (c.suppressed ? mark : c.value);
    const columns = a.question ? a.choices.map((c) => c.label) : [];
    const header = [t(o.lang, 'studies.export.place'), ...columns, t(o.lang, 'studies.export.total')];
    const rows: Value[][] = a.rows.map((r) => [r.label, ...r.cells.map(show), show(r.total)]);
    rows.push([t(o.lang, 'studies.export.total'), ...a.totals.cells.map(show), show(a.totals.total)]);
    return [{ name: 'tabla', header, rows }];
  }
}

async function xlsx(sheets: Sheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const s of sheets) {
    let name = s.name.replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || 'data';
    while (used.has(name)) name = `${name.slice(0, 28)}_${used.size}`;
    used.add(name);
    const ws = wb.addWorksheet(name);
    ws.addRow(s.header).font = { bold: true };
    // exceljs writes a string as a text cell, never a formula: it is kept as typed (a CSV needs defusing, not this).
    for (const r of s.rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
