import { Alert, Button, Code, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResponse, client, ok } from '../../api';
import { auditKeys } from '../../api/keys';
import { WideTable } from '../../components/WideTable';
import { formatDatesIn, formatDateTime } from '../../format';

type VerifyResult = ApiResponse<'/api/audit/verify'>;

/** The outcome of a chain check: intact with its signed checkpoints, or the first changed entry and forged checkpoints. */
function Verification({ result }: { result: VerifyResult }) {
  const { t } = useTranslation();
  const cp = result.checkpoints;
  const b = result.firstBroken;
  return (
    <Alert color={result.ok ? 'green' : 'red'} role="status">
      <Stack gap={4}>
        {b ? (
          <Text size="sm">
            {t('admin.chainBrokenAt', { id: b.id, at: b.at ? formatDateTime(b.at) : '—' })}{' '}
            {t(`admin.chainProblem.${b.code}`)}
          </Text>
        ) : (
          <Text size="sm">{t('admin.chainOk', { count: result.checked })}</Text>
        )}
        {result.legacy > 0 && <Text size="sm">{t('admin.chainLegacy', { count: result.legacy })}</Text>}
        <Text size="sm">
          {cp.latest
            ? t('admin.checkpointsOk', {
                count: cp.checked,
                entry: cp.latest.entryId,
                at: formatDateTime(cp.latest.signedAt),
              })
            : t('admin.checkpointsNone')}
        </Text>
        {cp.problems.map((p) => (
          <Text size="sm" key={p.file}>
            {t('admin.checkpointForged', { file: p.file })}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

/** The audit trail by record or by user, and a check of its MAC chain against the signed checkpoints. */
export function Audit() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState({ recordType: '', recordId: '', actorUserId: '' });
  const [applied, setApplied] = useState(filter);
  const params = new URLSearchParams(Object.entries(applied).filter(([, v]) => v) as [string, string][]);
  const entries = useQuery({
    queryKey: auditKeys.list(params.toString()),
    queryFn: () => ok(client.GET('/api/audit', { params: { query: Object.fromEntries(params) } })),
  });
  const verify = useMutation({ mutationFn: () => ok(client.GET('/api/audit/verify')) });
  return (
    <Stack>
      <Group align="end">
        <TextInput
          label={t('admin.recordType')}
          value={filter.recordType}
          onChange={(e) => setFilter({ ...filter, recordType: e.currentTarget.value })}
        />
        <TextInput
          label={t('admin.recordId')}
          value={filter.recordId}
          onChange={(e) => setFilter({ ...filter, recordId: e.currentTarget.value })}
        />
        <TextInput
          label={t('admin.actorId')}
          value={filter.actorUserId}
          onChange={(e) => setFilter({ ...filter, actorUserId: e.currentTarget.value })}
        />
        <Button onClick={() => setApplied(filter)}>{t('admin.filter')}</Button>
        <Button variant="light" onClick={() => verify.mutate()} loading={verify.isPending}>
          {t('admin.verifyChain')}
        </Button>
      </Group>
      {verify.data && <Verification result={verify.data} />}
      {entries.error && <Alert color="red">{entries.error.message}</Alert>}
      <WideTable minWidth={900}>
        <Table striped fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('admin.when')}</Table.Th>
              <Table.Th>{t('admin.action')}</Table.Th>
              <Table.Th>{t('admin.record')}</Table.Th>
              <Table.Th>{t('admin.actorId')}</Table.Th>
              <Table.Th>{t('admin.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.data?.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.id}</Table.Td>
                <Table.Td>{formatDateTime(e.at)}</Table.Td>
                <Table.Td>{e.action}</Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-xs"
                    onClick={() =>
                      setApplied({ recordType: e.recordType ?? '', recordId: e.recordId ?? '', actorUserId: '' })
                    }
                  >
                    {e.recordType} {e.recordId?.slice(0, 8)}
                  </Button>
                  {e.fields && <Code>{e.fields}</Code>}
                </Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-xs"
                    onClick={() => setApplied({ recordType: '', recordId: '', actorUserId: e.actorUserId ?? '' })}
                  >
                    {e.actorUserId?.slice(0, 8) ?? t('admin.system')}
                  </Button>
                </Table.Td>
                <Table.Td>
                  <Code>{formatDatesIn(JSON.stringify(e.details))}</Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </WideTable>
    </Stack>
  );
}
