import { Alert, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormState, findNode, formState, textFor } from '../../../../src/shared/xlsform';
import type { AnswerIssue, Answers, AnswerValue, FormDef } from '../../../../src/shared/xlsform/types';
import { formatNumber } from '../../format';
import { errorColor } from './common';
import { type XlsFormContext, XlsFormCtx } from './context';
import { fixedCount, mustAnswer, nearest } from './logic';
import { Nodes } from './Nodes';
import { getAt, setAt } from './state';

export interface XlsFormViewProps {
  form: FormDef;
  value: Answers;
  onChange(next: Answers): void;
  /** Problems the last attempt to save found (from `validateAnswers` or the server): shown at their fields until the
   * person changes that answer. */
  issues?: AnswerIssue[];
  /** Today 'YYYY-MM-DD' (the device's when collecting offline), for `today()` in the form's logic. */
  today: string;
  readOnly?: boolean;
  /** Prefix of every element id (two forms on one page need different ones). */
  idPrefix?: string;
}

/** Whether a field on screen shows problems at `path`: a relevant question that is shown, or a repeat. */
function shownAt(form: FormDef, state: FormState, path: string): boolean {
  const m = /^(?:[^.[\]]+\[\d+\]\.)?([^.[\]]+)$/.exec(path);
  const node = m ? findNode(form, m[1]!) : undefined;
  if (!node || node.kind === 'group' || !state.relevant(path)) return false;
  if (node.kind === 'repeat') return true;
  if (node.type === 'start' || node.type === 'end' || node.type === 'today') return false;
  return node.type !== 'calculate' || Object.keys(node.label).length > 0;
}

/** Issues the person sees while answering: a broken constraint or a wrong type, not yet a missing answer. */
const liveCodes: ReadonlySet<AnswerIssue['code']> = new Set(['constraint', 'type', 'too_long', 'choice']);

/**
 * A form to fill in: the questions relevant to the answers so far, in the person's language, with the form's own
 * logic applied on every change (relevance, calculations, choice filters) and its messages at the fields.
 */
export function XlsFormView({ form, value, onChange, issues, today, readOnly, idPrefix = 'xf' }: XlsFormViewProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const state = useMemo(() => formState(form, value, { today }), [form, value, today]);
  // Paths changed since `issues` were given: their old problem no longer holds (the live check still applies).
  const [edits, setEdits] = useState<{ for: AnswerIssue[] | undefined; paths: ReadonlySet<string> }>({
    for: issues,
    paths: new Set(),
  });
  // A changed repeat (an instance added or removed) makes the old problems inside it stale too: their places moved.
  const edited = useMemo(() => {
    const paths = edits.for === issues ? [...edits.paths] : [];
    return (path: string) => paths.some((p) => path === p || path.startsWith(`${p}[`) || path.startsWith(`${p}.`));
  }, [edits, issues]);

  const ctx = useMemo<XlsFormContext>(() => {
    const text = (texts: Record<string, string> | undefined, path?: string) => {
      const s = texts ? textFor(texts, form, lang) : '';
      return path !== undefined && s.includes('${') ? interpolate(s, path) : s;
    };
    // `${name}` in a label: the answer as the person reads it (a choice by its label), '' when not answered.
    const interpolate = (s: string, path: string) =>
      s.replace(/\$\{([A-Za-z_][A-Za-z0-9._-]*)\}/g, (_, name: string) => {
        const v = nearest(state, path, name);
        const node = findNode(form, name);
        const list = node?.kind === 'question' && node.listName ? (form.choices[node.listName] ?? []) : [];
        const shown = (x: unknown) => {
          const c = list.find((ch) => ch.name === x);
          return c ? textFor(c.label, form, lang) || c.name : typeof x === 'number' ? formatNumber(x) : String(x);
        };
        if (v === null) return '';
        return Array.isArray(v)
          ? v
              .filter((x) => typeof x !== 'object')
              .map(shown)
              .join(', ')
          : shown(v);
      });
    const message = (issue: AnswerIssue) =>
      (issue.message && text(issue.message, issue.path)) || t(`xlsform.issue.${issue.code}`);
    return {
      form,
      state,
      text,
      label: (node, path) => text(node.label, path) || node.name,
      choiceLabel: (c) => text(c.label) || (c.name === 'other' ? t('xlsform.other') : c.name),
      required: (q, path) => mustAnswer(state, q, path, today),
      repeatCount: (r, path) => fixedCount(state, r, path, today),
      issueAt: (path) => {
        const live = state.issues.find((i) => i.path === path && liveCodes.has(i.code));
        if (live) return message(live);
        const given = edited(path) ? undefined : issues?.find((i) => i.path === path);
        return given && message(given);
      },
      answer: (path) => getAt(value, path),
      set: (path: string, next: AnswerValue) => {
        setEdits((prev) => ({ for: issues, paths: new Set(prev.for === issues ? prev.paths : []).add(path) }));
        onChange(setAt(value, path, next));
      },
      message,
      readOnly: Boolean(readOnly),
      idPrefix,
      today,
    };
  }, [form, state, lang, t, today, edited, issues, value, onChange, readOnly, idPrefix]);
  // Problems no field on screen can show (an answer to a question this version no longer asks, one that no longer
  // applies): listed above the form, so a refused save is never left without a reason.
  const unplaced = (issues ?? []).filter((i) => !edited(i.path) && !shownAt(form, state, i.path));

  return (
    <XlsFormCtx value={ctx}>
      {/* Mantine's error red (messages, asterisks, the text of a refused input) is under AA's 4.5:1 on white. */}
      <div style={{ minWidth: 0, maxWidth: '100%', ['--mantine-color-error' as string]: errorColor }}>
        {unplaced.length > 0 && (
          <Alert color="red" role="alert" mb="md">
            <Stack gap={4}>
              {unplaced.map((i) => {
                const node = findNode(form, i.path.replace(/^.*\./, '').replace(/\[\d+\]$/, ''));
                const label = node ? ctx.text(node.label, i.path) : '';
                return (
                  <Text key={`${i.path}:${i.code}`} size="sm">
                    {label && (
                      <Text span fw={600} inherit>
                        {label}{' '}
                      </Text>
                    )}
                    {ctx.message(i)}
                  </Text>
                );
              })}
            </Stack>
          </Alert>
        )}
        <Nodes nodes={form.children} base="" />
      </div>
    </XlsFormCtx>
  );
}
