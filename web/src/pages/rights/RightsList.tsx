import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { requestStatuses, rights } from '../../../../src/modules/rights/vocabulary';
import { EnumSelect } from '../../components/EnumSelect';
import { WideTable } from '../../components/WideTable';
import { formatDate } from '../../format';
import { api, type RequestSummary, rightsKeys } from './data';

/** Where a request stands against its deadline: overdue by n days, due in n days, or closed (its status). */
export function Deadline({ r }: { r: Pick<RequestSummary, 'status' | 'daysLeft' | 'overdue'> }) {
  const { t } = useTranslation();
  if (r.status !== 'open') return <Badge color="gray">{t(`rights.statuses.${r.status}`)}</Badge>;
  const days = r.daysLeft ?? 0;
  if (r.overdue || days < 0) return <Badge color="red">{t('rights.overdueBy', { count: Math.abs(days) })}</Badge>;
  return <Badge color={days <= 3 ? 'orange' : 'blue'}>{t('rights.daysLeft', { count: days })}</Badge>;
}

/**
 * The log of people's requests about their data (LOPDP): filtered by status and right, each with its deadline —
 * overdue ones first and marked — and the way to log a new one.
 */
export function RightsList() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | null>('open');
  const [right, setRight] = useState<string | null>(null);
  const query: Record<string, string> = {};
  if (status) query.status = status;
  if (right) query.right = right;
  const q = useQuery({ queryKey: rightsKeys.list(JSON.stringify(query)), queryFn: () => api.list(query) });
  const items = q.data?.items ?? [];
  return (
    <Stack maw={1000}>
      <Group justify="space-between">
        <Title order={1}>{t('nav.rights')}</Title>
        <Button component={Link} to="/rights/new">
          {t('rights.new')}
        </Button>
      </Group>
      <Text>{t('rights.intro')}</Text>
      <Group align="end" wrap="wrap">
        <EnumSelect
          label={t('rights.status')}
          values={requestStatuses}
          prefix="rights.statuses"
          value={status}
          onChange={setStatus}
          allowDeselect
          clearable
          placeholder={t('rights.any')}
        />
        <EnumSelect
          label={t('rights.right')}
          values={rights}
          prefix="rights.rights"
          value={right}
          onChange={setRight}
          allowDeselect
          clearable
          placeholder={t('rights.any')}
        />
      </Group>
      {q.error && (
        <Alert color="red" role="alert">
          {q.error.message}
        </Alert>
      )}
      {q.isSuccess && !items.length && <Text c="dimmed">{t('rights.empty')}</Text>}
      {items.length > 0 && (
        <WideTable minWidth={640}>
          <Table striped highlightOnHover fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rights.code')}</Table.Th>
                <Table.Th>{t('rights.right')}</Table.Th>
                <Table.Th>{t('rights.case')}</Table.Th>
                <Table.Th>{t('rights.receivedOn')}</Table.Th>
                <Table.Th>{t('rights.dueOn')}</Table.Th>
                <Table.Th>{t('rights.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id} data-request={r.code} data-overdue={r.overdue || undefined}>
                  <Table.Td>
                    <Link to={`/rights/${r.id}`}>{r.code}</Link>
                  </Table.Td>
                  <Table.Td>{t(`rights.rights.${r.right}`)}</Table.Td>
                  <Table.Td>
                    <Link to={`/cases/${r.caseId}`}>{r.caseCode}</Link>
                  </Table.Td>
                  <Table.Td>{formatDate(r.receivedOn)}</Table.Td>
                  <Table.Td>{formatDate(r.dueOn)}</Table.Td>
                  <Table.Td>
                    <Deadline r={r} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </WideTable>
      )}
    </Stack>
  );
}
