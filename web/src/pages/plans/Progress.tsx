import { Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { echarts } from '../../components/echarts';
import { formatNumber } from '../../format';
import type { PlanDetail as Plan } from './types';

/** Execution by axis (actions done and budget executed against planned) as a chart, with the figures beside it. */
export function Progress({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const p = plan.progress;
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 8, top: 16, bottom: 40, containLabel: true },
      xAxis: {
        type: 'category',
        data: p.byAxis.map((a) => t(`localPlans.axes.${a.axis}`)),
        axisLabel: { interval: 0, width: 140, overflow: 'break' },
      },
      yAxis: { type: 'value' },
      series: [
        { name: t('localPlans.budgetPlanned'), type: 'bar', data: p.byAxis.map((a) => a.budgetPlanned) },
        { name: t('localPlans.budgetExecuted'), type: 'bar', data: p.byAxis.map((a) => a.budgetExecuted) },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [p, t]);
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group gap="xl" wrap="wrap">
          <Text>
            {t('localPlans.budgetLine', {
              planned: formatNumber(p.budgetPlanned),
              executed: formatNumber(p.budgetExecuted),
              pct: p.budgetExecution,
            })}
          </Text>
          <Text>{t('localPlans.activitiesLine', { n: p.activities, people: p.participants })}</Text>
        </Group>
        <Group gap="lg" wrap="wrap">
          {p.byAxis.map((a) => (
            <Text key={a.axis} size="sm" data-testid={`axis-${a.axis}`}>
              {t(`localPlans.axes.${a.axis}`)}:{' '}
              {t('localPlans.axisLine', { done: a.done, all: a.actions, pct: a.execution })}
            </Text>
          ))}
        </Group>
        <div ref={ref} style={{ width: '100%', height: 260 }} role="img" aria-label={t('localPlans.chart')} />
      </Stack>
    </Paper>
  );
}
