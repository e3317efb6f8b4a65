import { Box, Button, Paper, Group as Row, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { maxRepeatInstances } from '../../../../src/shared/xlsform';
import type { Answers, FormNode, Group, Repeat } from '../../../../src/shared/xlsform/types';
import { errorColor } from './common';
import { useXlsForm } from './context';
import { Field } from './Field';
import { domId, initialInstance, instanceBase, pathOf } from './state';

/** The nodes of one scope (the form, a group, a repeat instance) that are relevant to the answers so far. */
export function Nodes({ nodes, base }: { nodes: FormNode[]; base: string }) {
  const { state } = useXlsForm();
  return (
    <Stack gap="lg">
      {nodes.map((node) => {
        const path = pathOf(base, node.name);
        if (!state.relevant(path)) return null;
        if (node.kind === 'group') return <GroupView key={node.name} group={node} base={base} />;
        if (node.kind === 'repeat') return <RepeatView key={node.name} repeat={node} path={path} base={base} />;
        return <Field key={node.name} q={node} path={path} />;
      })}
    </Stack>
  );
}

/** A group: a fieldset titled by its label (a group without a label only keeps its questions together). */
function GroupView({ group, base }: { group: Group; base: string }) {
  const ctx = useXlsForm();
  const path = pathOf(base, group.name);
  const label = ctx.text(group.label, path);
  const hint = ctx.text(group.hint, path);
  if (!label) return <Nodes nodes={group.children} base={base} />;
  const id = domId(ctx.idPrefix, path);
  return (
    <Box
      component="fieldset"
      id={id}
      aria-describedby={hint ? `${id}-hint` : undefined}
      style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}
    >
      <Text component="legend" fw={700} size="lg" p={0} mb="xs" style={{ overflowWrap: 'anywhere' }}>
        {label}
      </Text>
      {hint && (
        <Text id={`${id}-hint`} size="sm" c="dimmed" mb="xs">
          {hint}
        </Text>
      )}
      <Nodes nodes={group.children} base={base} />
    </Box>
  );
}

/**
 * A repeat: each instance in its own box ("Hijo 1", "Hijo 2") with a button to remove it, and a button to add one.
 * With a repeat_count the form fixes how many there are: the view keeps the answers at that number.
 */
function RepeatView({ repeat, path, base }: { repeat: Repeat; path: string; base: string }) {
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
      {instances.map((_, i) => {
        const title = t('xlsform.repeat.instance', { label, n: i + 1 });
        const titleId = `${id}-${i}-title`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: an instance is its position (answers hold no ids)
          <Paper key={i} withBorder p="sm" role="group" aria-labelledby={titleId}>
            <Row justify="space-between" wrap="nowrap" align="flex-start" mb="sm" gap="xs">
              <Text id={titleId} fw={600} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                {title}
              </Text>
              {editable && (
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  onClick={() => remove(i)}
                  aria-label={t('xlsform.repeat.removeNamed', { name: title })}
                >
                  {t('xlsform.repeat.remove')}
                </Button>
              )}
            </Row>
            <Nodes nodes={repeat.children} base={instanceBase(base, repeat.name, i)} />
          </Paper>
        );
      })}
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
