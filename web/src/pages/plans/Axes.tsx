import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionStatuses, axes } from '../../../../src/modules/plans/schema';
import { EnumSelect } from '../../components/EnumSelect';
import { formatNumber } from '../../format';
import { useOrganisations } from '../../organisations';
import type { Plan } from './types';

export type Call = (method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown) => Promise<unknown>;

/** The four axes: objectives, their actions (status and budget editable by planners), and forms to add both. */
export function Axes({ plan, call }: { plan: Plan; call: Call }) {
  const { t } = useTranslation();
  const [axis, setAxis] = useState<string | null>('prevention');
  const [objective, setObjective] = useState('');
  const [national, setNational] = useState('');
  const [objectiveId, setObjectiveId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [planned, setPlanned] = useState<number | string>(0);
  const [executed, setExecuted] = useState<number | string>(0);
  const edit = plan.abilities.update;
  const [responsible, setResponsible] = useState<string | null>(null);
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const orgs = useOrganisations(edit);
  return (
    <Stack>
      {axes.map((a) => {
        const objectives = plan.objectives.filter((o) => o.axis === a);
        return (
          <Paper key={a} withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t(`localPlans.axes.${a}`)}
            </Title>
            {objectives.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('localPlans.noObjectives')}
              </Text>
            )}
            {objectives.map((o) => (
              <Stack key={o.id} gap={4} mb="sm">
                <Text fw={600} size="sm">
                  {o.text} {o.nationalObjective && <Badge variant="light">{o.nationalObjective}</Badge>}
                </Text>
                {o.actions.length > 0 && (
                  <Table.ScrollContainer minWidth={560}>
                    <Table>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('localPlans.action')}</Table.Th>
                          <Table.Th>{t('localPlans.status')}</Table.Th>
                          <Table.Th>{t('localPlans.budgetPlanned')}</Table.Th>
                          <Table.Th>{t('localPlans.budgetExecuted')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {o.actions.map((x) => (
                          <Table.Tr key={x.id}>
                            <Table.Td>
                              {x.title}
                              {x.responsibleOrgName && (
                                <Text size="xs" c="dimmed">
                                  {x.responsibleOrgName}
                                  {x.endsOn && ` · ${x.startsOn ?? ''} → ${x.endsOn}`}
                                </Text>
                              )}
                            </Table.Td>
                            <Table.Td>
                              {edit ? (
                                <EnumSelect
                                  aria-label={t('localPlans.status')}
                                  size="xs"
                                  values={actionStatuses}
                                  prefix="localPlans.statuses"
                                  value={x.status}
                                  onChange={(v) => v && call('PATCH', `actions/${x.id}`, { status: v })}
                                />
                              ) : (
                                t(`localPlans.statuses.${x.status}`)
                              )}
                            </Table.Td>
                            <Table.Td>{formatNumber(x.budgetPlanned)}</Table.Td>
                            <Table.Td>{formatNumber(x.budgetExecuted)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </Stack>
            ))}
          </Paper>
        );
      })}
      {edit && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('localPlans.addObjective')}
            </Title>
            <Group align="end" wrap="wrap">
              <EnumSelect
                label={t('localPlans.axis')}
                values={axes}
                prefix="localPlans.axes"
                value={axis}
                onChange={setAxis}
                miw={260}
              />
              <TextInput
                label={t('localPlans.nationalObjective')}
                value={national}
                onChange={(e) => setNational(e.currentTarget.value)}
              />
            </Group>
            <Textarea
              label={t('localPlans.objective')}
              value={objective}
              onChange={(e) => setObjective(e.currentTarget.value)}
              autosize
            />
            <Button
              w="fit-content"
              disabled={objective.trim().length < 3}
              onClick={() =>
                call('POST', 'objectives', {
                  axis,
                  text: objective,
                  ...(national.trim() ? { nationalObjective: national } : {}),
                }).then(() => setObjective(''))
              }
            >
              {t('localPlans.addObjective')}
            </Button>
            <Title order={2} size="h4" mt="sm">
              {t('localPlans.addAction')}
            </Title>
            <Select
              allowDeselect={false}
              label={t('localPlans.actionObjective')}
              data={plan.objectives.map((o) => ({
                value: o.id,
                label: `${t(`localPlans.axes.${o.axis}`)} · ${o.text}`,
              }))}
              value={objectiveId}
              onChange={setObjectiveId}
            />
            <TextInput label={t('localPlans.action')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
            <Group align="end" wrap="wrap">
              <Select
                label={t('localPlans.responsible')}
                data={orgs.options}
                value={responsible}
                onChange={setResponsible}
                searchable
                clearable
                miw={240}
              />
              <TextInput
                type="date"
                label={t('localPlans.startsOn')}
                value={startsOn}
                onChange={(e) => setStartsOn(e.currentTarget.value)}
              />
              <TextInput
                type="date"
                label={t('localPlans.endsOn2')}
                value={endsOn}
                onChange={(e) => setEndsOn(e.currentTarget.value)}
              />
            </Group>
            <Group align="end" wrap="wrap">
              <NumberInput label={t('localPlans.budgetPlanned')} value={planned} onChange={setPlanned} min={0} />
              <NumberInput label={t('localPlans.budgetExecuted')} value={executed} onChange={setExecuted} min={0} />
              <Button
                disabled={!objectiveId || title.trim().length < 3}
                onClick={() =>
                  call('POST', 'actions', {
                    objectiveId,
                    title,
                    budgetPlanned: Number(planned) || 0,
                    budgetExecuted: Number(executed) || 0,
                    ...(responsible ? { responsibleOrgId: responsible } : {}),
                    ...(startsOn ? { startsOn } : {}),
                    ...(endsOn ? { endsOn } : {}),
                  }).then(() => setTitle(''))
                }
              >
                {t('localPlans.addAction')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
