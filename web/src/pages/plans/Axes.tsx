import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { actionStatuses, axes } from '../../../../src/modules/plans/schema';
import { EnumSelect } from '../../components/EnumSelect';
import { WideTable } from '../../components/WideTable';
import { formatDate, formatNumber } from '../../format';
import { ActionForm, ObjectiveForm } from './AxisForms';
import type { PlanDetail as Plan } from './types';
import type { Call } from './writes';

type ActionStatus = (typeof actionStatuses)[number];

/** The four axes: objectives, their actions (status and budget editable by planners), and forms to add both. */
export function Axes({ plan, call }: { plan: Plan; call: Call }) {
  const { t } = useTranslation();
  const edit = plan.abilities.update;
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
                  <WideTable minWidth={560}>
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
                                  {x.endsOn &&
                                    ` · ${x.startsOn ? formatDate(x.startsOn) : ''} → ${formatDate(x.endsOn)}`}
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
                                  onChange={(v) =>
                                    v && call({ to: 'action', sub: x.id, body: { status: v as ActionStatus } })
                                  }
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
                  </WideTable>
                )}
              </Stack>
            ))}
          </Paper>
        );
      })}
      {edit && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <ObjectiveForm call={call} />
            <ActionForm plan={plan} call={call} />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
