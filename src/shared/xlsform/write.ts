// A FormDef written back as XLSForm sheet rows (survey, choices, settings), so a stored form can be downloaded and
// opened in the tools researchers use: parseXlsform(formToSheets(form)) gives the same form.

import type { SheetRow, Sheets } from './sheets';
import type { FormDef, FormLanguage, FormNode, Question, Texts } from './types';

/** The header of a text column in a language: `label`, `label::es`, `label::Español`, `label::Kichwa (qu)`. */
export function textHeader(column: string, lang: FormLanguage): string {
  if (lang.code === 'default') return column;
  if (lang.name === lang.code || lang.name.toLowerCase() === lang.code) return `${column}::${lang.name}`;
  return `${column}::${lang.name} (${lang.code})`;
}

function putTexts(cells: Record<string, string>, column: string, texts: Texts | undefined, form: FormDef): void {
  if (!texts) return;
  for (const lang of form.languages) {
    const v = Object.hasOwn(texts, lang.code) ? texts[lang.code] : undefined;
    if (v) cells[textHeader(column, lang)] = v;
  }
}

function typeOf(q: Question): string {
  if (!q.listName) return q.type;
  return `${q.type} ${q.listName}${q.orOther ? ' or_other' : ''}`;
}

export function formToSheets(form: FormDef): Sheets {
  const survey: SheetRow[] = [];
  let row = 1;
  const add = (cells: Record<string, string>) => survey.push({ row: ++row, cells });

  const writeNodes = (nodes: FormNode[]) => {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      const cells: Record<string, string> = {};
      if (n.kind !== 'question') {
        cells.type = `begin ${n.kind}`;
        cells.name = n.name;
        putTexts(cells, 'label', n.label, form);
        putTexts(cells, 'hint', n.hint, form);
        if (n.relevant) cells.relevant = n.relevant;
        if (n.appearance) cells.appearance = n.appearance;
        if (n.kind === 'repeat' && n.repeatCount) cells.repeat_count = n.repeatCount;
        add(cells);
        writeNodes(n.children);
        add({ type: `end ${n.kind}` });
        continue;
      }
      cells.type = typeOf(n);
      cells.name = n.name;
      putTexts(cells, 'label', n.label, form);
      putTexts(cells, 'hint', n.hint, form);
      if (n.required) cells.required = n.required === 'true()' ? 'yes' : n.required;
      putTexts(cells, 'required_message', n.requiredMessage, form);
      if (n.relevant) cells.relevant = n.relevant;
      if (n.constraint) cells.constraint = n.constraint;
      putTexts(cells, 'constraint_message', n.constraintMessage, form);
      if (n.calculation) cells.calculation = n.calculation;
      if (n.choiceFilter) cells.choice_filter = n.choiceFilter;
      if (n.default) cells.default = n.default;
      if (n.readOnly) cells.read_only = 'yes';
      if (n.appearance) cells.appearance = n.appearance;
      if (n.aggregate) cells.aggregate = 'yes';
      if (n.type === 'geopoint' && n.precision !== undefined && n.precision !== 2)
        cells.precision = String(n.precision);
      add(cells);
      // The `<name>_other` question of an or_other select is made again by the import.
      if (n.orOther && nodes[i + 1]?.name === `${n.name}_other`) i++;
    }
  };
  writeNodes(form.children);

  const choices: SheetRow[] = [];
  let choiceRow = 1;
  for (const [listName, list] of Object.entries(form.choices)) {
    for (const c of list) {
      const cells: Record<string, string> = { list_name: listName, name: c.name };
      putTexts(cells, 'label', c.label, form);
      for (const [k, v] of Object.entries(c.extra)) if (v) cells[k] = v;
      choices.push({ row: ++choiceRow, cells });
    }
  }

  const settings: Record<string, string> = { form_id: form.formId };
  for (const [code, title] of Object.entries(form.title)) {
    const lang = form.languages.find((l) => l.code === code) ?? { code, name: code };
    if (title) settings[textHeader('form_title', lang)] = title;
  }
  if (form.version) settings.version = form.version;
  if (form.defaultLanguage !== 'default') settings.default_language = form.defaultLanguage;

  return {
    survey,
    ...(choices.length ? { choices } : {}),
    settings: [{ row: 2, cells: settings }],
  };
}
