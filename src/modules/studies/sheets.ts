import { t } from '../../platform/i18n/index';
import { textFor } from '../../shared/xlsform/index';
import type { Answers, AnswerValue, FormDef, FormNode, Question } from '../../shared/xlsform/types';
import { instancesOf, placedQuestions } from './form-walk';

// The raw answers of a study as sheets (pure): one row per interview, repeats in sheets of their own. Two layouts:
// 'labels' (headers are question labels, values choice labels, in the language asked) and 'xlsform' (the layout of
// KoboToolbox/ODK exports: `group/name` headers, choice names, a 0/1 column per choice of a select_multiple,
// repeats keyed by `_index`/`_parent_index`, metadata `_id`, `_uuid`, `_submission_time`).

export type Value = string | number | null;
export interface Sheet {
  name: string;
  header: string[];
  rows: Value[][];
}

/** One stored interview with its answers opened and its version's form. */
export interface Interview {
  id: string;
  uuid: string;
  respondentCode: string;
  division: string;
  divisionLabel: string;
  collectedAt: string;
  submittedAt: string;
  formVersion: number;
  form: FormDef;
  answers: Answers;
}

const exported = (q: Question) => q.type !== 'note';

/** The sheets of a study's interviews; columns come from `form` (the current version). */
export function interviewSheets(form: FormDef, interviews: Interview[], layout: 'labels' | 'xlsform', lang: string) {
  const placed = placedQuestions(form).filter((p) => exported(p.question));
  const xls = layout === 'xlsform';
  const choiceLabel = (q: Question, name: string) => {
    if (name === 'other' && q.orOther) return t(lang, 'studies.other');
    const c = (form.choices[q.listName ?? ''] ?? []).find((x) => x.name === name);
    return c ? textFor(c.label, form, lang) || name : name;
  };
  const columnsOf = (repeat: string | null) =>
    placed
      .filter((p) => (p.repeat?.name ?? null) === repeat)
      .map((p) => ({ q: p.question, path: [...p.path, p.question.name].join('/') }));
  const header = (cols: ReturnType<typeof columnsOf>) =>
    cols.flatMap(({ q, path }) => {
      if (!xls) return [textFor(q.label, form, lang) || q.name];
      const extra =
        q.type === 'select_multiple'
          ? [
              ...(form.choices[q.listName ?? ''] ?? []).map((c) => `${path}/${c.name}`),
              ...(q.orOther ? [`${path}/other`] : []),
            ]
          : [];
      return [path, ...extra];
    });
  const cells = (cols: ReturnType<typeof columnsOf>, a: Answers): Value[] =>
    cols.flatMap(({ q }) => {
      const v: AnswerValue | undefined = a[q.name];
      const list = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
      if (q.type === 'select_multiple') {
        const names = [...(form.choices[q.listName ?? ''] ?? []).map((c) => c.name), ...(q.orOther ? ['other'] : [])];
        if (!xls) return [v == null ? null : list.map((n) => choiceLabel(q, n)).join('; ')];
        return [v == null ? null : list.join(' '), ...names.map((n) => (v == null ? null : list.includes(n) ? 1 : 0))];
      }
      if (q.type === 'select_one' && typeof v === 'string') return [xls ? v : choiceLabel(q, v)];
      return [typeof v === 'string' || typeof v === 'number' ? v : null];
    });

  const mainCols = columnsOf(null);
  const meta = xls
    ? [
        'respondent_code',
        'division',
        '_division_label',
        '_collected_at',
        '__version__',
        '_id',
        '_uuid',
        '_submission_time',
        '_index',
      ]
    : ['respondentCode', 'place', 'collectedAt', 'submittedAt', 'formVersion'].map((k) =>
        t(lang, `studies.export.${k}`),
      );
  const main: Sheet = { name: form.formId.slice(0, 31) || 'data', header: [...header(mainCols), ...meta], rows: [] };
  const repeatSheets = new Map<string, Sheet>();
  const counters = new Map<string, number>();
  const walk = (nodes: FormNode[], scope: Answers, parentTable: string, parentIndex: number, iv: Interview) => {
    for (const n of nodes) {
      if (n.kind === 'group') walk(n.children, scope, parentTable, parentIndex, iv);
      if (n.kind !== 'repeat') continue;
      const cols = columnsOf(n.name);
      let sheet = repeatSheets.get(n.name);
      if (!sheet) {
        const keys = xls
          ? ['_index', '_parent_table_name', '_parent_index', '_submission__id', '_submission__uuid']
          : [t(lang, 'studies.export.respondentCode'), t(lang, 'studies.export.instance')];
        sheet = { name: n.name.slice(0, 31), header: [...header(cols), ...keys], rows: [] };
        repeatSheets.set(n.name, sheet);
      }
      instancesOf(scope, n.name).forEach((inst, i) => {
        const index = (counters.get(n.name) ?? 0) + 1;
        counters.set(n.name, index);
        const keys: Value[] = xls ? [index, parentTable, parentIndex, iv.id, iv.uuid] : [iv.respondentCode, i + 1];
        sheet.rows.push([...cells(cols, inst), ...keys]);
        walk(n.children, inst, n.name, index, iv);
      });
    }
  };
  interviews.forEach((iv, i) => {
    const m: Value[] = xls
      ? [
          iv.respondentCode,
          iv.division,
          iv.divisionLabel,
          iv.collectedAt,
          String(iv.formVersion),
          iv.id,
          iv.uuid,
          iv.submittedAt,
          i + 1,
        ]
      : [iv.respondentCode, iv.divisionLabel, iv.collectedAt, iv.submittedAt, iv.formVersion];
    main.rows.push([...cells(mainCols, iv.answers), ...m]);
    walk(form.children, iv.answers, main.name, i + 1, iv);
  });
  return [main, ...repeatSheets.values()];
}
