import { Box, Button, Paper, Group as Row, Stack, Text } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxRepeatInstances } from '../../../../src/shared/xlsform';
import type { Answers, Repeat } from '../../../../src/shared/xlsform/types';
import { errorColor } from './common';
import { useXlsForm } from './context';
import { domId, initialInstance, instanceBase, isEmpty } from './state';

/**
 * A repeat: each instance in its own box ("Hijo 1", "Hijo 2") with a button to remove it, and a button to add one.
 * With a repeat_count the form fixes how many there are: the view keeps the answers at that number.
 */
export function RepeatView({
  repeat,
  path,
  base,
  children,
}: {
  repeat: Repeat;
  path: string;
  base: string;
  /** Renders an instance's questions (the parent's node list, passed in so the two views do not import each other). */
  children: (nodes: Repeat['children'], base: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const ctx = useXlsForm();
  const answer = ctx.answer(path);
  const instances = Array.isArray(answer) ? (answer as Answers[]) : [];
  const fixed = ctx.repeatCount(repeat, path);
  const label = ctx.label(repeat, path);
  const hint = ctx.text(repeat.hint, path);
  const id = domId(ctx.idPrefix, path);
  const error = ctx.issueAt(path);
  const editable = !ctx.readOnly && fixed === null;

  // A fixed number of instances follows its expression (e.g. the number of children given earlier).
  useEffect(() => {
    if (fixed === null || ctx.readOnly || fixed === instances.length) return;
    const next = instances.slice(0, fixed);
    while (next.length < fixed) next.push(initialInstance(repeat, ctx.today));
    ctx.set(path, next);
  }, [fixed, instances, ctx, path, repeat]);

  const remove = (index: number) => {
    const next = instances.filter((_, i) => i !== index);
    ctx.set(path, next.length ? next : null);
  };
  return (
    <Stack gap="sm" id={id}>
      <Text fw={700} size="lg" style={{ overflowWrap: 'anywhere' }}>
        {label}
      </Text>
      {hint && (
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      )}
      {instances.map((instance, i) => (
        <Instance
          // biome-ignore lint/suspicious/noArrayIndexKey: an instance is its position (answers hold no ids)
          key={i}
          id={`${id}-${i}`}
          title={t('xlsform.repeat.instance', { label, n: i + 1 })}
          answered={Object.values(instance ?? {}).some((v) => !isEmpty(v))}
          onRemove={editable ? () => remove(i) : undefined}
        >
          {children(repeat.children, instanceBase(base, repeat.name, i))}
        </Instance>
      ))}
      {error && (
        <Text role="alert" size="sm" style={{ color: errorColor }}>
          {error}
        </Text>
      )}
      {editable && instances.length < maxRepeatInstances && (
        <Button
          variant="light"
          h="auto"
          py={6}
          // A long label wraps instead of widening a phone's screen.
          styles={{ root: { alignSelf: 'flex-start', maxWidth: '100%' }, label: { whiteSpace: 'normal' } }}
          onClick={() => ctx.set(path, [...instances, initialInstance(repeat, ctx.today)])}
        >
          {t('xlsform.repeat.add', { label })}
        </Button>
      )}
    </Stack>
  );
}

/** One instance in a bordered box; removing one that holds answers asks first (a slip of the thumb loses none). */
function Instance({
  id,
  title,
  answered,
  onRemove,
  children,
}: {
  id: string;
  title: string;
  answered: boolean;
  onRemove: (() => void) | undefined;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  // The Remove button gives way to the question: focus goes to the safe answer, not to the top of the page.
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);
  return (
    <Paper withBorder p="sm" role="group" aria-labelledby={`${id}-title`}>
      <Row justify="space-between" wrap="nowrap" align="flex-start" mb="sm" gap="xs">
        <Text id={`${id}-title`} fw={600} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
          {title}
        </Text>
        {onRemove && !confirming && (
          <Button
            variant="subtle"
            color="red"
            size="compact-sm"
            onClick={() => (answered ? setConfirming(true) : onRemove())}
            aria-label={t('xlsform.repeat.removeNamed', { name: title })}
          >
            {t('xlsform.repeat.remove')}
          </Button>
        )}
      </Row>
      {onRemove && confirming && (
        <Box mb="sm">
          <Text role="alert" size="sm" mb={6} style={{ overflowWrap: 'anywhere' }}>
            {t('xlsform.repeat.confirm', { name: title })}
          </Text>
          <Row gap="xs">
            <Button
              size="compact-sm"
              color="red"
              onClick={() => {
                // The next instance takes this box's place: it must not inherit the question.
                setConfirming(false);
                onRemove();
              }}
            >
              {t('xlsform.repeat.confirmYes')}
            </Button>
            <Button ref={keep} size="compact-sm" variant="default" onClick={() => setConfirming(false)}>
              {t('xlsform.repeat.confirmNo')}
            </Button>
          </Row>
        </Box>
      )}
      {children}
    </Paper>
  );
}
