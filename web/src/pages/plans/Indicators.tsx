import { Badge, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dimensionCategories } from '../../../../src/modules/plans/schema';
import { WideTable } from '../../components/WideTable';
import { IndicatorForm } from './IndicatorForm';
import { type PlanDetail as Plan, periodsOf } from './types';
import type { Call } from './writes';

const entryDimensions = ['sex', 'age_group', 'ethnicity'] as const;

/** Indicators with targets and values per period; computed ones show "suppressed" where disclosure control hides them. */
export function Indicators({ plan, call }: { plan: Plan; call: Call }) {
  const { t } = useTranslation();
  const periods = periodsOf(plan);
  const edit = plan.abilities.update;
  const [indicatorId, setIndicatorId] = useState<string | null>(null);
  const [period, setPeriod] = useState<string | null>(null);
  const [value, setValue] = useState<number | string>('');
  const [cells, setCells] = useState<Record<string, Record<string, number | string>>>({});
  const chosen = plan.indicators.find((i) => i.id === indicatorId);
  const shown = (i: Plan['indicators'][number], p: string) => {
    const v = i.values.find((x) => x.period === p);
    if (!v) return '—';
    return v.suppressed ? t('localPlans.suppressed') : String(v.value ?? '—');
  };
  const usedPeriods = periods.filter((p) =>
    plan.indicators.some(
      (i) => i.targets[p] !== undefined || i.values.some((v) => v.period === p && (v.value || v.suppressed)),
    ),
  );
  const breakdown = () =>
    Object.fromEntries(
      Object.entries(cells)
        .map(([d, c]) => [
          d,
          Object.fromEntries(
            Object.entries(c)
              .filter(([, n]) => n !== '')
              .map(([k, n]) => [k, Number(n)]),
          ),
        ])
        .filter(([, c]) => Object.keys(c as object).length > 0),
    );
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          {t('localPlans.indicators')}
        </Title>
        {plan.indicators.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('localPlans.noIndicators')}
          </Text>
        ) : (
          <WideTable minWidth={600}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('localPlans.indicator')}</Table.Th>
                  {usedPeriods.map((p) => (
                    <Table.Th key={p}>{p}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.indicators.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      {i.code} {i.name}{' '}
                      {i.source !== 'manual' && <Badge variant="light">{t('localPlans.fromCases')}</Badge>}
                    </Table.Td>
                    {usedPeriods.map((p) => (
                      <Table.Td key={p}>
                        {shown(i, p)}
                        {i.targets[p] !== undefined && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            / {i.targets[p]}
                          </Text>
                        )}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </WideTable>
        )}
        {edit && (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('localPlans.enterValue')}
            </Title>
            <Group align="end" wrap="wrap">
              <Select
                allowDeselect={false}
                label={t('localPlans.indicator')}
                data={plan.indicators
                  .filter((i) => i.source === 'manual')
                  .map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
                value={indicatorId}
                onChange={(v) => {
                  setIndicatorId(v);
                  setCells({});
                }}
                miw={240}
              />
              <Select label={t('localPlans.period')} data={periods} value={period} onChange={setPeriod} w={130} />
              <NumberInput label={t('localPlans.value')} value={value} onChange={setValue} w={130} />
            </Group>
            {chosen?.dimensions
              .filter((d): d is (typeof entryDimensions)[number] => (entryDimensions as readonly string[]).includes(d))
              .map((d) => (
                <Group key={d} align="end" wrap="wrap" gap="xs">
                  <Text size="sm" w={120}>
                    {t(`localPlans.dimensions.${d}`)}
                  </Text>
                  {dimensionCategories[d].map((c) => (
                    <NumberInput
                      key={c}
                      label={t(`localPlans.categories.${d}.${c}`, { defaultValue: c })}
                      value={cells[d]?.[c] ?? ''}
                      onChange={(n) => setCells((x) => ({ ...x, [d]: { ...x[d], [c]: n } }))}
                      min={0}
                      w={110}
                    />
                  ))}
                </Group>
              ))}
            <Button
              w="fit-content"
              disabled={!indicatorId || !period || value === ''}
              onClick={() =>
                indicatorId &&
                period &&
                call({
                  to: 'values',
                  sub: indicatorId,
                  body: { period, value: Number(value), breakdown: breakdown() },
                }).then(() => {
                  setValue('');
                  setCells({});
                })
              }
            >
              {t('localPlans.saveValue')}
            </Button>
            <IndicatorForm periods={periods} dimensions={entryDimensions} call={call} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
