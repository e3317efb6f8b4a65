import { Box, Stack, Text } from '@mantine/core';
import type { FormNode, Group } from '../../../../src/shared/xlsform/types';
import { useXlsForm } from './context';
import { Field } from './Field';
import { RepeatView } from './Repeat';
import { domId, pathOf } from './state';

/** The nodes of one scope (the form, a group, a repeat instance) that are relevant to the answers so far. */
export function Nodes({ nodes, base }: { nodes: FormNode[]; base: string }) {
  const { state } = useXlsForm();
  return (
    <Stack gap="lg">
      {nodes.map((node) => {
        const path = pathOf(base, node.name);
        if (!state.relevant(path)) return null;
        if (node.kind === 'group') return <GroupView key={node.name} group={node} base={base} />;
        if (node.kind === 'repeat')
          return (
            <RepeatView key={node.name} repeat={node} path={path} base={base}>
              {(children, at) => <Nodes nodes={children} base={at} />}
            </RepeatView>
          );
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
