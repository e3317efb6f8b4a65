import { Alert, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { WideTable } from '../../../components/WideTable';
import { getProgress, type ProgressRow, type Study, studyKeys } from './api';
import { CountText, SuppressedNote } from './Counts';

function CountTable({
  id,
  title,
  head,
  rows,
  k,
}: {
  id: string;
  title: string;
  head: string;
  rows: ProgressRow[];
  k: number;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('studies.progress.none')}</Text>
      ) : (
        <WideTable minWidth={280}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{head}</Table.Th>
                <Table.Th ta="right">{t('studies.interviews')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>{r.label}</Table.Td>
                  <Table.Td ta="right" c={r.cell.suppressed ? 'dimmed' : undefined}>
                    <CountText cell={r.cell} k={k} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </WideTable>
      )}
    </Paper>
  );
}

/** How collection goes: interviews by parish and by interviewer, small counts suppressed. */
export function Progress({ study }: { study: Study }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: studyKeys.progress(study.id), queryFn: () => getProgress(study.id) });
  if (q.error)
    return (
      <Alert color="red" role="alert">
        {q.error.message}
      </Alert>
    );
  const p = q.data;
  if (!p) return null;
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('studies.progress.title')}
      </Title>
      <Text size="lg">
        {t('studies.progress.total')}: <CountText cell={p.total} k={p.k} />
      </Text>
      <SuppressedNote k={p.k} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <CountTable
          id="progress-place"
          title={t('studies.progress.byPlace')}
          head={t('studies.progress.place')}
          rows={p.byPlace}
          k={p.k}
        />
        <CountTable
          id="progress-interviewer"
          title={t('studies.progress.byInterviewer')}
          head={t('studies.progress.interviewer')}
          rows={p.byInterviewer}
          k={p.k}
        />
      </SimpleGrid>
    </Stack>
  );
}
