import { Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../api';
import { planKeys } from '../../api/keys';
import { WideTable } from '../../components/WideTable';
import { formatNumber } from '../../format';

/** Plans side by side, by canton and period: for national authorities and donors (no personal data). */
export function Compare() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: planKeys.compare(),
    queryFn: () => ok(client.GET('/api/local-plans/compare')),
  });
  if (!q.data?.length) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('localPlans.compare')}
      </Title>
      <WideTable minWidth={720}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('localPlans.place')}</Table.Th>
              <Table.Th>{t('localPlans.years')}</Table.Th>
              <Table.Th>{t('localPlans.actionsDone')}</Table.Th>
              <Table.Th>{t('localPlans.budgetPlanned')}</Table.Th>
              <Table.Th>{t('localPlans.budgetExecutedPct')}</Table.Th>
              <Table.Th>{t('localPlans.activities')}</Table.Th>
              <Table.Th>{t('localPlans.participants')}</Table.Th>
              <Table.Th>{t('localPlans.instrumentsApproved')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{l.division.label}</Table.Td>
                <Table.Td>
                  {l.yearFrom}–{l.yearTo}
                </Table.Td>
                <Table.Td>
                  {l.done}/{l.actions} ({l.execution} %)
                </Table.Td>
                <Table.Td>{formatNumber(l.budgetPlanned)}</Table.Td>
                <Table.Td>{l.budgetExecution} %</Table.Td>
                <Table.Td>{l.activities}</Table.Td>
                <Table.Td>{l.participants}</Table.Td>
                <Table.Td>{l.instrumentsApproved}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </WideTable>
    </Stack>
  );
}
