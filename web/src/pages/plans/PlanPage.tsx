import { Alert, Anchor, Badge, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { client, ok } from '../../api';
import { planKeys } from '../../api/keys';
import { Axes } from './Axes';
import { Documents } from './Documents';
import { Indicators } from './Indicators';
import { Progress } from './Progress';
import { periodsOf } from './types';
import { Work } from './Work';
import { type PlanWrite, writePlan } from './writes';

/** One local plan: progress, the four axes, indicators, activities, instruments and the period report. */
export function PlanPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const qc = useQueryClient();
  const key = planKeys.detail(id ?? '');
  const q = useQuery({
    queryKey: key,
    queryFn: async () => ok(client.GET('/api/local-plans/{id}', { params: { path: { id: id ?? '' } } })),
  });
  const [period, setPeriod] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (w: PlanWrite) => writePlan(id ?? '', w),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
  const call = (w: PlanWrite) => mutation.mutateAsync(w).catch(() => undefined);
  const p = q.data;
  if (q.error) return <Alert color="red">{q.error.message}</Alert>;
  if (!p) return null;
  const qs = new URLSearchParams({ lang: i18n.language, ...(period ? { period } : {}) }).toString();
  return (
    <Stack maw={1000}>
      <Group>
        <Title order={1}>{p.title}</Title>
        <Badge variant="light">
          {p.division.label} · {p.yearFrom}–{p.yearTo}
        </Badge>
      </Group>
      {mutation.error && (
        <Alert color="red" role="alert">
          {mutation.error.message}
        </Alert>
      )}
      <Progress plan={p} />
      <Group align="end">
        <Select
          label={t('localPlans.reportPeriod')}
          data={periodsOf(p)}
          value={period}
          onChange={setPeriod}
          clearable
          placeholder={`${p.yearFrom}–${p.yearTo}`}
          w={180}
        />
        <Anchor href={`/api/local-plans/${p.id}/report.pdf?${qs}`}>{t('localPlans.reportPdf')}</Anchor>
        <Anchor href={`/api/local-plans/${p.id}/report.xlsx?${qs}`}>{t('localPlans.reportXlsx')}</Anchor>
      </Group>
      <Text size="xs" c="dimmed">
        {t('localPlans.disclosureNote')}
      </Text>
      <Axes plan={p} call={call} />
      <Indicators plan={p} call={call} />
      <Work plan={p} call={call} />
      <Documents
        owner={{ plan: p.id }}
        docs={p.documents}
        edit={p.abilities.update}
        refresh={key}
        targets={[
          ...p.objectives.flatMap((o) => o.actions.map((a) => ({ value: `action=${a.id}`, label: a.title }))),
          ...p.instruments.map((i) => ({ value: `instrument=${i.id}`, label: i.title })),
        ]}
      />
    </Stack>
  );
}
