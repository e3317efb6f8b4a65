import {
  Badge,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  dimensionCategories,
  indicatorKinds,
  indicatorSources,
  indicatorUnits,
} from '../../../../src/modules/plans/schema';
import type { ApiBody } from '../../api';
import { EnumSelect } from '../../components/EnumSelect';
import { type PlanDetail as Plan, periodsOf } from './types';
import type { Call } from './writes';

const entryDimensions = ['sex', 'age_group', 'ethnicity'] as const;
// The selects offer only the schema's own values.
type Body = ApiBody<'/api/local-plans/{id}/indicators'>;

/** Indicators with targets and values per period; computed ones show "suppressed" where disclosure control hides them. */
export function Indicators({ plan, call }: { plan: Plan; call: Call }) {
  const { t } = useTranslation();
  const periods = periodsOf(plan);
  const edit = plan.abilities.update;
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string | null>('output');
  const [unit, setUnit] = useState<string | null>('count');
  const [source, setSource] = useState<string | null>('manual');
  const [dims, setDims] = useState<string[]>([]);
  const [targetPeriod, setTargetPeriod] = useState<string | null>(null);
  const [target, setTarget] = useState<number | string>('');
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
          <Table.ScrollContainer minWidth={600}>
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
          </Table.ScrollContainer>
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
            <Title order={3} size="h5" mt="sm">
              {t('localPlans.addIndicator')}
            </Title>
            <Group align="end" wrap="wrap">
              <TextInput
                label={t('localPlans.code')}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                w={90}
              />
              <TextInput
                label={t('localPlans.indicatorName')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                miw={260}
              />
              <EnumSelect
                label={t('localPlans.kind')}
                values={indicatorKinds}
                prefix="localPlans.kinds"
                value={kind}
                onChange={setKind}
                w={140}
              />
              <EnumSelect
                label={t('localPlans.unit')}
                values={indicatorUnits}
                prefix="localPlans.units"
                value={unit}
                onChange={setUnit}
                w={140}
              />
            </Group>
            <Group align="end" wrap="wrap">
              <EnumSelect
                label={t('localPlans.source')}
                values={indicatorSources}
                prefix="localPlans.sources"
                value={source}
                onChange={setSource}
                miw={240}
              />
              <MultiSelect
                label={t('localPlans.disaggregation')}
                data={entryDimensions.map((d) => ({ value: d, label: t(`localPlans.dimensions.${d}`) }))}
                value={dims}
                onChange={setDims}
                miw={220}
              />
              <Select
                allowDeselect={false}
                label={t('localPlans.targetPeriod')}
                data={periods}
                value={targetPeriod}
                onChange={setTargetPeriod}
                w={130}
              />
              <NumberInput label={t('localPlans.target')} value={target} onChange={setTarget} min={0} w={110} />
            </Group>
            <Button
              w="fit-content"
              disabled={!code.trim() || name.trim().length < 3}
              onClick={() =>
                call({
                  to: 'indicators',
                  body: {
                    code,
                    name,
                    kind: kind as Body['kind'],
                    unit: unit as Body['unit'],
                    source: source as Body['source'],
                    dimensions: dims as Body['dimensions'],
                    targets: targetPeriod && target !== '' ? { [targetPeriod]: Number(target) } : {},
                  },
                }).then(() => {
                  setCode('');
                  setName('');
                })
              }
            >
              {t('localPlans.addIndicator')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
