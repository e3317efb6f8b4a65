import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Loader,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { epsilonRange } from '../../../../src/modules/insights/vocabulary';
import { type ApiError, type ApiResponse, client, ok } from '../../api';
import { insightKeys } from '../../api/keys';

type SyntheticReport = ApiResponse<'/api/insights/synthetic', 'post'>['report'];

import { formatNumber } from '../../format';
import { has, useSession } from '../../session';
import { download } from './csv';

const percent = (x: number) => `${formatNumber(Math.round(x * 1000) / 10)} %`;

/** Open data for researchers: the k-anonymous CTDC export and differentially private synthetic data. */
export function OpenData() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  if (!has(session, 'insights:deidentified')) return <Alert color="gray">{t('openData.notAllowed')}</Alert>;
  return (
    <Stack>
      <Title order={1}>{t('openData.title')}</Title>
      <Text c="dimmed">{t('openData.intro')}</Text>
      <CtdcPanel />
      <SyntheticPanel />
    </Stack>
  );
}

function CtdcPanel() {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: insightKeys.ctdcReport(),
    queryFn: () => ok(client.GET('/api/insights/ctdc/report')),
  });
  const r = report.data;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2}>{t('openData.ctdc.title')}</Title>
        <Text size="sm">{t('openData.ctdc.intro', { k: r?.k ?? 11 })}</Text>
        {report.isLoading && <Loader size="sm" aria-label={t('openData.loading')} />}
        {report.error && (
          <Alert color="red" title={t('openData.failed')}>
            {(report.error as ApiError).message}
          </Alert>
        )}
        {r && (
          <>
            <Table withTableBorder maw={520}>
              <Table.Tbody>
                <Row label={t('openData.ctdc.k')} value={formatNumber(r.k)} />
                <Row
                  label={t('openData.ctdc.records')}
                  value={r.records === null ? t('openData.ctdc.underK', { k: r.k }) : formatNumber(r.records)}
                />
                <Row label={t('openData.ctdc.published')} value={formatNumber(r.published)} />
                <Row
                  label={t('openData.ctdc.suppressed')}
                  value={r.suppressed === null ? t('openData.ctdc.underK', { k: r.k }) : formatNumber(r.suppressed)}
                />
                <Row label={t('openData.ctdc.classes')} value={formatNumber(r.classes)} />
                <Row
                  label={t('openData.ctdc.smallest')}
                  value={r.smallestClass === null ? '—' : formatNumber(r.smallestClass)}
                />
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed">
              {t('openData.ctdc.suppressionNote', { k: r.k })}
            </Text>
            <Text size="sm" fw={500}>
              {t('openData.ctdc.generalised')}
            </Text>
            {r.generalised.length === 0 ? (
              <Text size="sm">{t('openData.ctdc.nothingGeneralised')}</Text>
            ) : (
              <List size="sm" type="ordered">
                {r.generalised.map((g) => (
                  <List.Item key={g.level}>{t(`openData.ctdc.levels.${g.level.replace(':', '_')}`)}</List.Item>
                ))}
              </List>
            )}
            {r.published === 0 && <Alert color="yellow">{t('openData.ctdc.empty', { k: r.k })}</Alert>}
          </>
        )}
        {r && r.published > 0 && (
          <Group>
            <Button component="a" href="/api/insights/ctdc.csv" download>
              {t('openData.ctdc.download')}
            </Button>
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {t('openData.encoding')}
        </Text>
      </Stack>
    </Paper>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th>{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
}

function SyntheticPanel() {
  const { t } = useTranslation();
  const [epsilon, setEpsilon] = useState<number | string>(epsilonRange.default);
  const release = useMutation({
    mutationFn: (e: number) => ok(client.POST('/api/insights/synthetic', { body: { epsilon: e, format: 'json' } })),
  });
  const valid = typeof epsilon === 'number' && epsilon >= epsilonRange.min && epsilon <= epsilonRange.max;
  const out = release.data;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2}>{t('openData.synthetic.title')}</Title>
        <Text size="sm">{t('openData.synthetic.intro')}</Text>
        <Group align="end">
          <NumberInput
            label={t('openData.synthetic.epsilon')}
            description={t('openData.synthetic.epsilonHelp', { min: epsilonRange.min, max: epsilonRange.max })}
            value={epsilon}
            onChange={setEpsilon}
            min={epsilonRange.min}
            max={epsilonRange.max}
            step={0.1}
            decimalScale={2}
            w={340}
          />
          <Button disabled={!valid} loading={release.isPending} onClick={() => release.mutate(Number(epsilon))}>
            {t('openData.synthetic.generate')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('openData.synthetic.budgetNote')}
        </Text>
        {release.error && (
          <Alert color="red" title={t('openData.failed')}>
            {(release.error as ApiError).message}
          </Alert>
        )}
        {out && (
          <SyntheticResult
            report={out.report}
            onDownload={() => download(fileName(out.report), new Blob([out.csv], { type: 'text/csv;charset=utf-8' }))}
          />
        )}
      </Stack>
    </Paper>
  );
}

const fileName = (r: SyntheticReport) =>
  `minka-synthetic-epsilon-${r.epsilon}-${new Date().toISOString().slice(0, 10)}.csv`;

function SyntheticResult({ report, onDownload }: { report: SyntheticReport; onDownload: () => void }) {
  const { t } = useTranslation();
  const u = report.utility;
  return (
    <Stack>
      <Group>
        <Badge>{t('openData.synthetic.epsilonBadge', { epsilon: formatNumber(report.epsilon) })}</Badge>
        <Text size="sm">
          {t('openData.synthetic.summary', {
            records: formatNumber(report.records),
            releases: report.budget.releases,
            each: formatNumber(Math.round(report.budget.epsilonPerRelease * 10000) / 10000),
            from: report.fromYear,
            to: report.toYear,
          })}
        </Text>
      </Group>
      <Text size="sm">
        {t('openData.synthetic.budgetLeft', {
          period: report.privacyBudget.period,
          spent: formatNumber(report.privacyBudget.spent),
          budget: formatNumber(report.privacyBudget.budget),
          remaining: formatNumber(report.privacyBudget.remaining),
        })}
      </Text>
      <Alert color={u.noiseStdDev * 10 > report.records ? 'yellow' : 'gray'} p="xs">
        {t('openData.synthetic.noise', { sd: formatNumber(u.noiseStdDev), records: formatNumber(report.records) })}
      </Alert>
      <Group>
        <Button onClick={onDownload} disabled={report.records === 0}>
          {t('openData.synthetic.download')}
        </Button>
      </Group>
      <Title order={3}>{t('openData.synthetic.utilityTitle')}</Title>
      <Text size="sm">
        {t('openData.synthetic.utilityIntro', { average: percent(u.averageTvd), worst: percent(u.worstTvd) })}
      </Text>
      <Table striped withTableBorder maw={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('openData.synthetic.column')}</Table.Th>
            <Table.Th>{t('openData.synthetic.tvd')}</Table.Th>
            <Table.Th>{t('openData.synthetic.maxShareDiff')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {u.attributes.map((a) => (
            <Table.Tr key={a.column}>
              <Table.Td>
                <code>{a.column}</code>
              </Table.Td>
              <Table.Td>{percent(a.tvd)}</Table.Td>
              <Table.Td>{percent(a.maxShareDiff)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {t('openData.synthetic.utilityNote')}
      </Text>
    </Stack>
  );
}
