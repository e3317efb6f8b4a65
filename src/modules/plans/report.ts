import ExcelJS from 'exceljs';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Context } from '../../platform/context';
import { t } from '../../platform/i18n/index';
import { renderPdf } from '../../platform/pdf/index';
import type { Actor } from '../access/index';
import { Indicators } from './indicators';
import { periodRange } from './periods';
import type { PlanDetail } from './schema';
import { LocalPlans } from './service';
import { showPlan } from './view';

type Plan = PlanDetail;

/** The rows both report formats share: no personal data, case-derived figures already under disclosure control. */
function tables(p: Plan, period: string | undefined, lang: string) {
  const s = (key: string, params: Record<string, unknown> = {}) => t(lang, `planReport.${key}`, params);
  const axis = (a: string) => t(lang, `planReport.axes.${a}`);
  const inPeriod = (d: string | null) => {
    if (!period || !d) return true;
    const [from, to] = periodRange(period);
    return d >= from && d < to;
  };
  const shown = (v: { value: number | null; suppressed: boolean } | undefined) =>
    v ? (v.suppressed ? s('suppressed') : (v.value ?? '—')) : '—';
  const axes = {
    head: [s('axis'), s('actions'), s('done'), s('execution'), s('budgetPlanned'), s('budgetExecuted')],
    rows: p.progress.byAxis.map((a) => [
      axis(a.axis),
      a.actions,
      a.done,
      `${a.execution} %`,
      a.budgetPlanned,
      a.budgetExecuted,
    ]),
    total: [
      s('total'),
      p.progress.byAxis.reduce((n, a) => n + a.actions, 0),
      p.progress.byAxis.reduce((n, a) => n + a.done, 0),
      '',
      p.progress.budgetPlanned,
      p.progress.budgetExecuted,
    ],
  };
  const actions = {
    head: [
      s('axis'),
      s('objective'),
      s('action'),
      s('responsible'),
      s('status'),
      s('budgetPlanned'),
      s('budgetExecuted'),
    ],
    rows: p.objectives.flatMap((o) =>
      o.actions.map((a) => [
        axis(o.axis),
        o.text,
        a.title,
        a.responsibleOrgName ?? '—',
        t(lang, `planReport.statuses.${a.status}`),
        a.budgetPlanned,
        a.budgetExecuted,
      ]),
    ),
  };
  const indicators = {
    head: [s('code'), s('indicator'), s('period'), s('target'), s('value')],
    rows: p.indicators.flatMap((i) => {
      const periods = [
        ...new Set([
          ...Object.keys(i.targets),
          ...i.values.filter((v) => v.value !== null || v.suppressed).map((v) => v.period),
        ]),
      ]
        .filter((x) => !period || x === period || x.startsWith(`${period}-`))
        .sort();
      return periods.map((x) => [i.code, i.name, x, i.targets[x] ?? '—', shown(i.values.find((v) => v.period === x))]);
    }),
  };
  const activities = p.activities.filter((a) => inPeriod(a.heldOn));
  const acts = {
    head: [s('date'), s('kind'), s('activity'), s('participants'), s('female'), s('male')],
    rows: activities.map((a) => [
      a.heldOn,
      t(lang, `planReport.kinds.${a.kind}`),
      a.title,
      a.participants,
      a.breakdown.sex?.female ?? '—',
      a.breakdown.sex?.male ?? '—',
    ]),
    total: [s('total'), '', '', activities.reduce((n, a) => n + a.participants, 0), '', ''],
  };
  const instruments = {
    head: [s('kind'), s('instrument'), s('status'), s('date')],
    rows: p.instruments.map((i) => [
      t(lang, `planReport.instrumentKinds.${i.kind}`),
      i.title,
      t(lang, `planReport.instrumentStatuses.${i.status}`),
      i.history.at(-1)?.date ?? '—',
    ]),
  };
  return { s, axes, actions, indicators, acts, instruments };
}

/** Period reports of a local plan for the council or a donor, as PDF and XLSX. */
export class PlanReport {
  constructor(private readonly ctx: Context) {}

  private async plan(actor: Actor, id: string, period: string | undefined, requestId: string) {
    const row = await new LocalPlans(this.ctx).load(actor, id);
    if (period) new Indicators(this.ctx).inPlan(row, period);
    // A report leaves Minka: case-derived figures pass disclosure control whoever downloads it.
    const p = await showPlan(this.ctx, actor, row, true);
    await this.ctx.audit.record({ actor, action: 'plan.report', recordType: 'local_plan', recordId: id, requestId });
    return p;
  }

  private title(p: Plan, period: string | undefined, lang: string) {
    return t(lang, 'planReport.title', {
      plan: p.title,
      place: p.division.label,
      period: period ?? `${p.yearFrom}–${p.yearTo}`,
    });
  }

  async pdf(actor: Actor, id: string, period: string | undefined, lang: string, requestId: string) {
    const p = await this.plan(actor, id, period, requestId);
    const { s, axes, actions, indicators, acts, instruments } = tables(p, period, lang);
    const table = (head: string[], rows: (string | number)[][], widths?: (string | number)[]): Content => ({
      table: {
        headerRows: 1,
        widths: widths ?? head.map(() => '*'),
        body: [head.map((h) => ({ text: h, bold: true }) as TableCell), ...rows.map((r) => r.map((c) => String(c)))],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
      margin: [0, 0, 0, 10],
    });
    const h = (text: string): Content => ({ text, fontSize: 12, bold: true, margin: [0, 6, 0, 4] });
    const pdf = await renderPdf({
      info: { title: this.title(p, period, lang), producer: 'Minka', creator: 'Minka' },
      content: [
        { text: this.title(p, period, lang), fontSize: 15, bold: true, margin: [0, 0, 0, 4] },
        {
          text: s('noPersonalData', { k: this.ctx.config.MINKA_DISCLOSURE_K }),
          italics: true,
          fontSize: 8,
          margin: [0, 0, 0, 8],
        },
        {
          text: s('budgetLine', {
            planned: p.progress.budgetPlanned,
            executed: p.progress.budgetExecuted,
            pct: p.progress.budgetExecution,
          }),
          margin: [0, 0, 0, 8],
        },
        h(s('byAxis')),
        table(axes.head, [...axes.rows, axes.total]),
        h(s('actionsTitle')),
        table(actions.head, actions.rows, [60, '*', '*', 60, 45, 58, 58]),
        h(s('indicatorsTitle')),
        table(indicators.head, indicators.rows, [35, '*', 45, 40, 50]),
        h(s('activitiesTitle')),
        table(acts.head, [...acts.rows, acts.total], [50, 60, '*', 58, 40, 40]),
        h(s('instrumentsTitle')),
        table(instruments.head, instruments.rows),
      ],
    });
    return { pdf, filename: `plan-${p.division.code}-${period ?? `${p.yearFrom}-${p.yearTo}`}.pdf` };
  }

  async xlsx(actor: Actor, id: string, period: string | undefined, lang: string, requestId: string) {
    const p = await this.plan(actor, id, period, requestId);
    const { s, axes, actions, indicators, acts, instruments } = tables(p, period, lang);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Minka';
    const sheet = (name: string, head: string[], rows: (string | number)[][], total?: (string | number)[]) => {
      const ws = wb.addWorksheet(name);
      ws.addRow(head).font = { bold: true };
      for (const r of rows) ws.addRow(r);
      if (total) ws.addRow(total).font = { bold: true };
      ws.columns.forEach((c) => {
        c.width = 18;
      });
    };
    // Sheet names: at most 31 characters in Excel.
    const summary = wb.addWorksheet(s('sheets.summary'));
    summary.addRow([this.title(p, period, lang)]).font = { bold: true };
    summary.addRow([s('noPersonalData', { k: this.ctx.config.MINKA_DISCLOSURE_K })]);
    summary.addRow([s('budgetPlanned'), p.progress.budgetPlanned]);
    summary.addRow([s('budgetExecuted'), p.progress.budgetExecuted]);
    summary.addRow([s('execution'), p.progress.budgetExecution / 100]).getCell(2).numFmt = '0.0%';
    summary.getColumn(1).width = 40;
    sheet(s('sheets.axes'), axes.head, axes.rows, axes.total);
    sheet(s('sheets.actions'), actions.head, actions.rows);
    sheet(s('sheets.indicators'), indicators.head, indicators.rows);
    sheet(s('sheets.activities'), acts.head, acts.rows, acts.total);
    sheet(s('sheets.instruments'), instruments.head, instruments.rows);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    return { xlsx, filename: `plan-${p.division.code}-${period ?? `${p.yearFrom}-${p.yearTo}`}.xlsx` };
  }
}
