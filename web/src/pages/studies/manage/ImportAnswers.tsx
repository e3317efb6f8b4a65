import { Alert, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DivisionPicker } from '../../../components/DivisionPicker';
import { WideTable } from '../../../components/WideTable';
import { formatNumber } from '../../../format';
import { importAnswers, problemsOf, type Study, studyKeys } from './api';

/** Submissions exported from KoboToolbox or ODK (CSV/XLSX of the same form) come in; rows already there are skipped. */
export function ImportAnswers({ study }: { study: Study }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [division, setDivision] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: () => importAnswers(study.id, file as File, division),
    onSuccess: () => qc.invalidateQueries({ queryKey: studyKeys.detail(study.id) }),
  });
  const { rows } = problemsOf(run.error);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="study-import">
      <Stack gap="sm">
        <Title order={2} size="h4" id="study-import">
          {t('studies.import.title')}
        </Title>
        <Text size="sm">{t('studies.import.intro')}</Text>
        {!study.form && <Alert color="gray">{t('studies.import.needsForm')}</Alert>}
        <Group align="end" wrap="wrap">
          <FileInput
            label={t('studies.import.file')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(f) => {
              setFile(f);
              run.reset();
            }}
            w={300}
            maw="100%"
          />
          <DivisionPicker label={t('studies.import.division')} value={division} onChange={setDivision} />
          <Button disabled={!file || !study.form} loading={run.isPending} onClick={() => run.mutate()}>
            {t('studies.import.run')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('studies.import.divisionHint')}
        </Text>
        {run.data && (
          <Alert color="green" role="status">
            {t('studies.import.done', {
              imported: formatNumber(run.data.imported),
              skipped: formatNumber(run.data.skipped),
            })}
          </Alert>
        )}
        {run.error && (
          <Alert color="red" role="alert">
            {rows.length ? t('studies.import.refused', { count: rows.length }) : run.error.message}
          </Alert>
        )}
        {rows.length > 0 && (
          <WideTable minWidth={420}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('studies.import.row')}</Table.Th>
                  <Table.Th>{t('studies.import.column')}</Table.Th>
                  <Table.Th>{t('studies.import.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.slice(0, 500).map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: one row can have several problems in one column.
                  <Table.Tr key={i}>
                    <Table.Td>{p.row}</Table.Td>
                    <Table.Td>{p.column ? <code>{p.column}</code> : '—'}</Table.Td>
                    <Table.Td>{p.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </WideTable>
        )}
      </Stack>
    </Paper>
  );
}
