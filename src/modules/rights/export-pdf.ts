import type { Content } from 'pdfmake/interfaces';
import type { Db } from '../../platform/db/index';
import { t } from '../../platform/i18n/index';
import { renderSheet, type SheetRow, sheetHeading, sheetTable } from '../../platform/pdf/sheet';
import { label } from '../../shared/labels/index';
import {
  anyExportField,
  caseExportFields,
  type ExportField,
  eventExportFields,
  personExportFields,
} from './export-fields';
import { placeNames, protectionRows } from './export-pdf-parts';
import type { AccessExport, ExportedCase } from './export-types';

// Label lists by their branch (written so the audit-label scan does not read them as action codes).
const HTCDS = 'htcds';

// The access export as a document the person can read: in the request's language, headings per part, values as
// labels (never codes), dates written out; what is not the person's data (others' identities) said in words.

/** A day or a timestamp as a date written out in the document's language; Kichwa uses Ecuadorian Spanish's form. */
export function writtenDate(value: string | null | undefined, lang: string): string {
  if (!value) return '—';
  const day = value.slice(0, 10);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'es-EC', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00.000Z`),
  );
}

const monthText = (value: string, lang: string) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'es-EC', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${value}-01T00:00:00.000Z`));

const countryText = (code: string, lang: string) => {
  try {
    return new Intl.DisplayNames([lang === 'en' ? 'en' : 'es'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
};

const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length);

/** Writes the access export as a PDF in `lang`. */
export async function renderExportPdf(db: Db, doc: AccessExport, lang: string): Promise<Buffer> {
  const s = (key: string, params: Record<string, unknown> = {}) => t(lang, `accessExport.${key}`, params);
  const places = await placeNames(db, doc);
  /** A code of a list in words: shared labels (HTCDS, catalogues, directory), or this document's own strings. */
  const named = (group: string, code: string | null | undefined) =>
    !code ? '—' : group.startsWith('accessExport.') ? t(lang, `${group}.${code}`) : label(lang, group, code);
  const value = (spec: ExportField | undefined, v: unknown, country = 'EC'): string => {
    if (empty(v)) return '—';
    if (!spec) return typeof v === 'string' ? v : JSON.stringify(v);
    switch (spec.kind) {
      case 'one':
        return named(spec.labels!, String(v));
      case 'many':
        return (v as string[]).map((x) => named(spec.labels!, x)).join(', ');
      case 'countries':
        return (v as string[]).map((x) => countryText(x, lang)).join(', ');
      case 'country':
        return countryText(String(v), lang);
      case 'division':
        return places.get(`${country}|${v}`) ?? String(v);
      case 'date':
        return writtenDate(String(v), lang);
      case 'month':
        return monthText(String(v), lang);
      case 'flag':
        return v ? s('yes') : s('no');
      default:
        return String(v);
    }
  };
  const fieldRows = (specs: Record<string, ExportField>, values: Record<string, unknown>, country?: string) =>
    Object.entries(specs).map(([k, spec]) => [label(lang, 'fields', k), value(spec, values[k], country)] as SheetRow);
  const day = (v: string | null | undefined) => writtenDate(v, lang);
  const part = (title: string, content: Content[]): Content[] =>
    content.length ? [sheetHeading(title), ...content] : [];
  const grid = (headers: string[], rows: string[][]): Content[] =>
    rows.length
      ? [
          {
            table: {
              headerRows: 1,
              widths: headers.map((_, i) => (i === headers.length - 1 ? '*' : 'auto')),
              body: [headers.map((h) => ({ text: h, bold: true })), ...rows.map((r) => r.map((x) => x || '—'))],
            },
            layout: 'lightHorizontalLines',
            margin: [0, 0, 0, 6],
          },
        ]
      : [];
  const small = (text: string): Content => ({ text, italics: true, fontSize: 9, margin: [0, 2, 0, 6] });

  const caseContent = (c: ExportedCase): Content[] => {
    const history = c.history.map((h) => [
      day(h.at),
      h.organisation ?? '—',
      [
        `${s(`record.${h.record}`)} · ${s(`change.${h.kind}`)}`,
        ...h.fields.map((f) => {
          const spec = anyExportField(f.field);
          const name = label(lang, 'fields', f.field);
          return h.kind === 'created' || empty(f.from)
            ? `${name}: ${value(spec, f.to, c.country)}`
            : `${name}: ${value(spec, f.from, c.country)} → ${value(spec, f.to, c.country)}`;
        }),
        ...(h.reason ? [`${s('reason')}: ${h.reason}`] : []),
      ].join('\n'),
    ]);
    const result = (r: unknown) => (r as { suggestedStatus?: string | null; type?: string }) ?? {};
    return [
      { text: s('case', { code: c.code }), fontSize: 14, bold: true, margin: [0, 18, 0, 4], pageBreak: 'before' },
      sheetTable([
        [s('status'), named(`${HTCDS}.cas_Status`, c.status)],
        [s('stage'), named(`${HTCDS}.local_CaseStage`, c.stage)],
        [s('organisation'), c.organisation],
        [s('opened'), day(c.createdAt)],
        [s('closed'), c.closedAt ? day(c.closedAt) : null],
        [s('closureReason'), c.closureReason],
        [s('decision'), c.decision.status ? named(`${HTCDS}.vic_TraffickingStatus`, c.decision.status) : null],
        [
          s('decisionBy'),
          c.decision.by ? named(`${HTCDS}.vic_TraffickingStatusDecisionMakingOrg`, c.decision.by) : null,
        ],
        [s('decisionReason'), c.decision.reason],
        ...fieldRows(caseExportFields, c.fields, c.country),
      ]),
      ...part(
        s('events'),
        c.events.flatMap((e, i) => [
          { text: s('event', { n: i + 1 }), bold: true, margin: [0, 4, 0, 2] } as Content,
          sheetTable(fieldRows(eventExportFields, e, String(e.hte_Country ?? c.country))),
        ]),
      ),
      ...part(s('perpetrators'), [
        ...grid(
          [s('roles')],
          c.perpetrators.map((p) => [
            value({ column: '', storage: 'list', kind: 'many', labels: `${HTCDS}.per_RoleInProcess` }, p.roles),
          ]),
        ),
        ...(c.perpetrators.length ? [small(s('thirdParties'))] : []),
      ]),
      ...part(s('history'), grid([s('date'), s('organisation'), s('changes')], history)),
      ...part(
        s('comments'),
        grid(
          [s('date'), s('note')],
          c.comments.map((x) => [day(x.at), x.text ?? s('erased')]),
        ),
      ),
      ...part(
        s('tasks'),
        grid(
          [s('task'), s('due'), s('done'), s('note')],
          c.tasks.map((x) => [
            named(`${HTCDS}.tasks`, x.kind),
            day(x.dueAt),
            x.doneAt ? day(x.doneAt) : '—',
            x.note ?? '',
          ]),
        ),
      ),
      ...part(
        s('screenings'),
        grid(
          [s('date'), s('kind'), s('suggested')],
          c.screenings.map((x) => [
            day(x.at),
            s(`screeningType.${result(x.result).type ?? 'labour'}`),
            named(`${HTCDS}.vic_TraffickingStatus`, result(x.result).suggestedStatus),
          ]),
        ),
      ),
      ...part(
        s('consents'),
        grid(
          [s('scope'), s('givenBy'), s('given'), s('withdrawn'), s('organisation')],
          c.consents.map((x) => [
            named(`${HTCDS}.local_ConsentScope`, x.scope),
            [named(`${HTCDS}.local_ConsentGivenBy`, x.givenBy), x.giverName].filter(Boolean).join(': '),
            day(x.givenAt),
            x.withdrawnAt ? day(x.withdrawnAt) : '—',
            x.organisation ?? '—',
          ]),
        ),
      ),
      ...part(
        s('referrals'),
        grid(
          [s('to'), s('date'), s('status'), s('services')],
          c.referrals.map((x) => [
            x.to ?? '—',
            day(x.sentAt),
            named('accessExport.referralStatus', x.status),
            [
              x.services.map((v) => named('directory.services', v)).join(', '),
              ...(x.delivered.length
                ? [
                    `${s('delivered')}: ${x.delivered.map((d) => `${named('directory.services', d.service)} (${day(d.at)})`).join(', ')}`,
                  ]
                : []),
              ...(x.details ? [x.details] : []),
            ].join('\n'),
          ]),
        ),
      ),
      ...part(
        s('files'),
        grid(
          [s('date'), s('type'), s('size'), s('name')],
          c.files.map((x) => [
            day(x.at),
            x.mime,
            s('kb', { n: Math.max(1, Math.round(x.size / 1024)) }),
            x.name ?? s('unnamed'),
          ]),
        ),
      ),
      ...part(
        s('plans'),
        grid(
          [s('date'), s('status'), s('objectives')],
          c.plans.map((x) => [
            x.plannedEnd ? day(x.plannedEnd) : '—',
            named('accessExport.planStatus', x.status),
            x.objectives ?? '',
          ]),
        ),
      ),
      ...part(
        s('legal'),
        grid(
          [s('date'), s('stage')],
          c.legal.map((x) => [day(x.date), named('accessExport.legalStage', x.stage)]),
        ),
      ),
      ...part(s('protection'), grid([s('date'), s('what'), s('status')], protectionRows(c, named, day, s))),
      ...part(
        s('forms'),
        c.forms.map((x) => ({
          stack: [
            { text: x.form[lang] ?? x.form.es ?? Object.values(x.form)[0] ?? '—', bold: true, margin: [0, 4, 0, 2] },
            sheetTable(
              Object.entries((x.answers as Record<string, unknown>) ?? {}).map(
                ([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)] as SheetRow,
              ),
            ),
          ],
        })),
      ),
      ...part(
        s('reports'),
        grid(
          [s('date'), s('code'), s('status')],
          c.reports.map((x) => [day(x.receivedAt), x.code, named('accessExport.reportStatus', x.status)]),
        ),
      ),
      ...part(
        s('holds'),
        grid(
          [s('since'), s('until')],
          c.holds.map((x) => [day(x.placedAt), x.liftedAt ? day(x.liftedAt) : '—']),
        ),
      ),
    ];
  };

  const content: Content[] = [
    {
      text: s('intro', {
        code: doc.request.code,
        right: s(`rights.${doc.request.right}`),
        received: day(doc.request.receivedOn),
        generated: day(doc.generatedAt),
      }),
    },
    sheetHeading(s('person')),
    sheetTable(fieldRows(personExportFields, doc.person)),
    ...(doc.cases.length ? [] : [small(s('noCases'))]),
    ...doc.cases.flatMap(caseContent),
    sheetHeading(s('requests')),
    ...grid(
      [s('code'), s('right'), s('received'), s('due'), s('status')],
      doc.requests.map((r) => [
        r.code,
        s(`rights.${r.right}`),
        day(r.receivedOn),
        day(r.dueOn),
        s(`requestStatus.${r.status}`),
      ]),
    ),
    ...part(
      s('flags'),
      grid(
        [s('flag'), s('since'), s('until')],
        doc.flags.map((f) => [s(`flag.${f.flag}`), day(f.setAt), f.liftedAt ? day(f.liftedAt) : '—']),
      ),
    ),
    sheetHeading(s('aboutTitle')),
    { text: s('about') },
    small(s('thirdParties')),
  ];
  return renderSheet(s('title', { code: doc.request.code }), s('confidential'), content);
}
