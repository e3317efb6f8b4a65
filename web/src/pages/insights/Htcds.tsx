import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  NumberInput,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type ApiError, type ApiResponse, client, multipart, ok } from '../../api';
import { insightKeys } from '../../api/keys';

type Job = ApiResponse<'/api/insights/htcds/imports/{id}'>;

import { DivisionPicker } from '../../components/DivisionPicker';
import { formatNumber } from '../../format';
import { has, useSession } from '../../session';

/** HTCDS exchange: export in the official template (CSV/XLSX) and import with a validation report before anything is saved. */
export function Htcds() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  if (!has(session, 'cases:read'))
    return (
      <Stack>
        <Title order={1}>{t('htcdsExchange.title')}</Title>
        <Alert color="gray">{t('htcdsExchange.notAllowed')}</Alert>
      </Stack>
    );
  return (
    <Stack>
      <Title order={1}>{t('htcdsExchange.title')}</Title>
      <Text c="dimmed">{t('htcdsExchange.intro')}</Text>
      <ExportPanel personal={has(session, 'exports:personal')} />
      {has(session, 'cases:write') && <ImportPanel />}
    </Stack>
  );
}

function ExportPanel({ personal }: { personal: boolean }) {
  const { t } = useTranslation();
  const [division, setDivision] = useState<string | null>(null);
  const [year, setYear] = useState<number | string>('');
  const qs = new URLSearchParams();
  if (division) qs.set('division', division);
  if (typeof year === 'number') qs.set('year', String(year));
  const q = qs.toString() ? `?${qs}` : '';
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2}>{t('htcdsExchange.export.title')}</Title>
        <Text size="sm">{personal ? t('htcdsExchange.export.personal') : t('htcdsExchange.export.noPersonal')}</Text>
        <Group align="end">
          <DivisionPicker label={t('htcdsExchange.export.division')} value={division} onChange={setDivision} />
          <NumberInput
            label={t('htcdsExchange.export.year')}
            value={year}
            onChange={setYear}
            min={1900}
            max={2100}
            w={120}
          />
          <Button component="a" href={`/api/insights/htcds.csv${q}`} download>
            {t('htcdsExchange.export.csv')}
          </Button>
          <Button component="a" href={`/api/insights/htcds.xlsx${q}`} download variant="light">
            {t('htcdsExchange.export.xlsx')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('htcdsExchange.export.encoding')}
        </Text>
      </Stack>
    </Paper>
  );
}

function ImportPanel() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [division, setDivision] = useState<string | null>(null);
  // The import being looked at is in the address, so coming back to the page (or reloading it) shows its progress:
  // the import runs on the server whether or not the page is open.
  const [params, setParams] = useSearchParams();
  const jobId = params.get('import');
  const setJobId = (id: string | null) =>
    setParams(
      (p) => {
        if (id) p.set('import', id);
        else p.delete('import');
        return p;
      },
      { replace: true },
    );
  const upload = useMutation({
    mutationFn: async () => {
      const form = new FormData();
      form.append('file', file as File);
      return ok(
        client.POST('/api/insights/htcds/imports', {
          params: { query: division ? { division } : {} },
          ...multipart(form),
        }),
      );
    },
    onSuccess: (j) => setJobId(j.id),
  });
  const job = useQuery({
    queryKey: insightKeys.htcdsImport(jobId),
    queryFn: () => ok(client.GET('/api/insights/htcds/imports/{id}', { params: { path: { id: jobId ?? '' } } })),
    enabled: Boolean(jobId),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 700 : false),
  });
  const commit = useMutation({
    mutationFn: (validOnly: boolean) =>
      ok(
        client.POST('/api/insights/htcds/imports/{id}/commit', {
          params: { path: { id: jobId ?? '' } },
          body: { validOnly },
        }),
      ),
    onSuccess: () => job.refetch(),
  });
  const j = job.data ?? upload.data;
  const failed = (upload.error ?? commit.error) as ApiError | null;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2}>{t('htcdsExchange.import.title')}</Title>
        <Text size="sm">{t('htcdsExchange.import.intro')}</Text>
        <Group align="end">
          <FileInput
            label={t('htcdsExchange.import.file')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(f) => {
              setFile(f);
              setJobId(null);
              upload.reset();
              commit.reset();
            }}
            w={280}
          />
          <DivisionPicker label={t('htcdsExchange.import.division')} value={division} onChange={setDivision} />
          <Button disabled={!file} loading={upload.isPending} onClick={() => upload.mutate()}>
            {t('htcdsExchange.import.check')}
          </Button>
        </Group>
        {failed && <Alert color="red">{failed.message}</Alert>}
        {j && <Report job={j} busy={commit.isPending} onCommit={(validOnly) => commit.mutate(validOnly)} />}
      </Stack>
    </Paper>
  );
}

const badgeColor = (job: Job) =>
  ({ done: 'green', failed: 'red', expired: 'gray', running: 'blue' })[job.status as string] ??
  (job.errors.length ? 'orange' : 'green');

function Report({ job, busy, onCommit }: { job: Job; busy: boolean; onCommit: (validOnly: boolean) => void }) {
  const { t } = useTranslation();
  const counts = {
    total: formatNumber(job.total),
    valid: formatNumber(job.valid),
    errors: formatNumber(job.errors.length),
  };
  return (
    <Stack>
      <Group>
        <Badge color={badgeColor(job)}>{t(`htcdsExchange.import.status.${job.status}`)}</Badge>
        <Text size="sm">{t('htcdsExchange.import.summary', counts)}</Text>
      </Group>
      {job.ignoredColumns.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('htcdsExchange.import.ignored', { columns: job.ignoredColumns.join(', ') })}
        </Text>
      )}
      {job.status === 'validated' && (
        <Group>
          <Button disabled={job.errors.length > 0 || job.valid === 0} loading={busy} onClick={() => onCommit(false)}>
            {t('htcdsExchange.import.importAll')}
          </Button>
          {job.errors.length > 0 && (
            <Button variant="light" disabled={job.valid === 0} loading={busy} onClick={() => onCommit(true)}>
              {t('htcdsExchange.import.importValid', { count: job.valid })}
            </Button>
          )}
        </Group>
      )}
      {(job.status === 'running' || job.status === 'done') && (
        <Stack gap={4}>
          <Progress value={job.valid ? (100 * job.processed) / job.valid : 100} />
          <Text size="sm">
            {job.status === 'done'
              ? t('htcdsExchange.import.done', {
                  imported: formatNumber(job.imported),
                  linked: formatNumber(job.linked),
                })
              : t('htcdsExchange.import.running', {
                  processed: formatNumber(job.processed),
                  total: formatNumber(job.valid),
                })}
          </Text>
          {job.status === 'running' && (
            <Text size="sm" c="dimmed">
              {t('htcdsExchange.import.background')}
            </Text>
          )}
          {job.status === 'done' && <Anchor href="/cases">{t('htcdsExchange.import.toCases')}</Anchor>}
        </Stack>
      )}
      {job.status === 'failed' && <Alert color="red">{t('htcdsExchange.import.failed')}</Alert>}
      {job.status === 'expired' && <Alert color="gray">{t('htcdsExchange.import.expired')}</Alert>}
      <Problems title={t('htcdsExchange.import.errors')} rows={job.errors} />
      <Problems title={t('htcdsExchange.import.warnings')} rows={job.warnings} />
    </Stack>
  );
}

function Problems({ title, rows }: { title: string; rows: Job['errors'] }) {
  const { t } = useTranslation();
  if (!rows.length) return null;
  return (
    <Stack gap={4}>
      <Title order={3}>{title}</Title>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('htcdsExchange.import.row')}</Table.Th>
            <Table.Th>{t('htcdsExchange.import.column')}</Table.Th>
            <Table.Th>{t('htcdsExchange.import.problem')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.slice(0, 500).map((p) => (
            <Table.Tr key={`${p.row}-${p.column}-${p.code}`}>
              <Table.Td>{p.row}</Table.Td>
              <Table.Td>
                <code>{p.column}</code>
              </Table.Td>
              <Table.Td>{p.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length > 500 && <Text size="sm">{t('htcdsExchange.import.more', { count: rows.length - 500 })}</Text>}
    </Stack>
  );
}
