import { Box, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormState, formState, textFor } from '../../../../src/shared/xlsform';
import type { Answers, AnswerValue, FormDef, FormNode, Question } from '../../../../src/shared/xlsform/types';
import { formatDate, formatNumber, localToday } from '../../format';
import { instanceBase, isEmpty, pathOf } from './state';

type Entry = { kind: 'answer'; key: string; label: string; text: string } | Section;
interface Section {
  kind: 'section';
  key: string;
  title: string;
  entries: Entry[];
}

/** What was answered, read only: each question's label and its answer as a person reads it (choice labels, dates
 * in the app's format); unanswered questions, questions that did not apply, notes and metadata are left out. */
export function AnswersSummary({ form, answers }: { form: FormDef; answers: Answers }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const entries = useMemo(() => {
    const state = formState(form, answers, { today: localToday() });
    return collect(form.children, '', { form, state, lang, t });
  }, [form, answers, lang, t]);
  if (entries.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('xlsform.noAnswers')}
      </Text>
    );
  return <List entries={entries} />;
}

function List({ entries }: { entries: Entry[] }) {
  return (
    <Stack gap="sm">
      {chunks(entries).map((chunk) =>
        chunk[0]?.kind === 'section' ? (
          <Fragment key={chunk[0].key}>
            {(chunk as Section[]).map((s) => (
              <Box key={s.key} pl="sm" style={{ borderInlineStart: '3px solid var(--mantine-color-gray-3)' }}>
                <Text fw={600} mb={4} style={{ overflowWrap: 'anywhere' }}>
                  {s.title}
                </Text>
                <List entries={s.entries} />
              </Box>
            ))}
          </Fragment>
        ) : (
          <Box component="dl" key={chunk[0]?.key} m={0}>
            {chunk.map(
              (e) =>
                e.kind === 'answer' && (
                  <Box key={e.key} mb={6}>
                    <Text component="dt" size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {e.label}
                    </Text>
                    <Text component="dd" m={0} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
                      {e.text}
                    </Text>
                  </Box>
                ),
            )}
          </Box>
        ),
      )}
    </Stack>
  );
}

/** Consecutive answers go in one description list; sections stand on their own. */
function chunks(entries: Entry[]): Entry[][] {
  const out: Entry[][] = [];
  for (const e of entries) {
    const last = out.at(-1);
    if (last && last[0]?.kind === e.kind) last.push(e);
    else out.push([e]);
  }
  return out;
}

interface Env {
  form: FormDef;
  state: FormState;
  lang: string;
  t: TFunction;
}

function collect(nodes: FormNode[], base: string, env: Env): Entry[] {
  const text = (texts: Record<string, string>) => textFor(texts, env.form, env.lang);
  const out: Entry[] = [];
  for (const node of nodes) {
    const path = pathOf(base, node.name);
    if (!env.state.relevant(path)) continue;
    if (node.kind === 'group') {
      const entries = collect(node.children, base, env);
      const title = text(node.label);
      if (entries.length === 0) continue;
      if (title) out.push({ kind: 'section', key: path, title, entries });
      else out.push(...entries);
    } else if (node.kind === 'repeat') {
      const list = env.state.value(path);
      const title = text(node.label) || node.name;
      (Array.isArray(list) ? list : []).forEach((_, i) => {
        const entries = collect(node.children, instanceBase(base, node.name, i), env);
        const key = `${path}[${i}]`;
        if (entries.length)
          out.push({
            kind: 'section',
            key,
            title: env.t('xlsform.repeat.instance', { label: title, n: i + 1 }),
            entries,
          });
      });
    } else {
      if (['note', 'start', 'end', 'today'].includes(node.type)) continue;
      const label = text(node.label);
      if (node.type === 'calculate' && !label) continue;
      const v = env.state.value(path);
      if (isEmpty(v)) continue;
      out.push({ kind: 'answer', key: path, label: label || node.name, text: answerText(node, path, v, env) });
    }
  }
  return out;
}

/** An answer as a person reads it. */
function answerText(q: Question, path: string, v: AnswerValue, env: Env): string {
  const choiceLabel = (name: string) => {
    const c =
      env.state.choices(q, path).find((x) => x.name === name) ??
      (q.listName ? env.form.choices[q.listName]?.find((x) => x.name === name) : undefined);
    return (c && textFor(c.label, env.form, env.lang)) || (name === 'other' ? env.t('xlsform.other') : name);
  };
  switch (q.type) {
    case 'select_one':
      return choiceLabel(String(v));
    case 'select_multiple':
      return (Array.isArray(v) ? (v as string[]) : String(v).split(/\s+/)).map(choiceLabel).join(', ');
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : String(v);
    case 'integer':
    case 'decimal':
      return typeof v === 'number' ? formatNumber(v) : String(v);
    case 'acknowledge':
      return env.t('xlsform.acknowledged');
    case 'geopoint': {
      const [lat, lon] = String(v).split(/\s+/);
      return `${lat ?? ''}, ${lon ?? ''}`;
    }
    default:
      return typeof v === 'number' ? formatNumber(v) : String(v);
  }
}
