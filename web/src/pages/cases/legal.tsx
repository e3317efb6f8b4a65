import { Alert, Button, Checkbox, Group, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legalStages } from '../../../../src/modules/cases/vocabulary';
import { type ApiBody, client, ok } from '../../api';
import { caseKeys } from '../../api/keys';
import { WideTable } from '../../components/WideTable';
import { formatDate } from '../../format';
import { Behind, Section } from './sections';

type LegalBody = ApiBody<'/api/cases/{id}/legal'>;

/**
 * Earlier free-text notes on the legal process (complaint, investigation, charges, trial, judgment, appeal). The
 * structured proceedings (ProsecutionPart) above take new data; these notes stay readable and can still be added.
 */
export function Legal({ caseId, writable }: { caseId: string; writable: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const key = caseKeys.legal(caseId);
  const steps = useQuery({
    queryKey: key,
    queryFn: () => ok(client.GET('/api/cases/{id}/legal', { params: { path: { id: caseId } } })),
  });
  const empty = { stage: 'Complaint', date: '', authority: '', fileNumber: '', outcome: '', protectionMeasures: '' };
  const [form, setForm] = useState(empty);
  const [participates, setParticipates] = useState(true);
  const set = (k: keyof typeof empty) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const add = useMutation({
    mutationFn: () =>
      ok(
        client.POST('/api/cases/{id}/legal', {
          params: { path: { id: caseId } },
          // Blank fields are left out; the stage comes from the schema's own list.
          body: {
            ...Object.fromEntries(Object.entries(form).filter(([, v]) => v.trim() !== '')),
            victimParticipates: participates,
          } as LegalBody,
        }),
      ),
    onSuccess: (s) => {
      qc.setQueryData(key, s);
      setForm(empty);
    },
  });
  return (
    <Section title={t('legal.earlierTitle')}>
      <Stack>
        <Text size="sm">{t('legal.earlierHint')}</Text>
        {steps.data?.length ? (
          <WideTable minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('legal.stage')}</Table.Th>
                  <Table.Th>{t('legal.date')}</Table.Th>
                  <Table.Th>{t('legal.authority')}</Table.Th>
                  <Table.Th>{t('legal.fileNumber')}</Table.Th>
                  <Table.Th>{t('legal.outcome')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {steps.data.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{t(`legal.stages.${s.stage}`)}</Table.Td>
                    <Table.Td>{formatDate(s.date)}</Table.Td>
                    <Table.Td>{s.authority ?? '—'}</Table.Td>
                    <Table.Td>{s.fileNumber ?? '—'}</Table.Td>
                    <Table.Td>
                      {[
                        s.outcome,
                        s.protectionMeasures && `${t('legal.protection')}: ${s.protectionMeasures}`,
                        s.victimParticipates !== null &&
                          (s.victimParticipates ? t('legal.participates') : t('legal.notParticipating')),
                      ]
                        .filter(Boolean)
                        .join(' · ') || '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </WideTable>
        ) : (
          <Text size="sm" c="dimmed">
            {t('legal.none')}
          </Text>
        )}
        {writable && (
          <Behind label={t('record.open.legal')}>
            <Stack gap="xs">
              <Group align="end" wrap="wrap">
                <Select
                  label={t('legal.stage')}
                  data={legalStages.map((s) => ({ value: s, label: t(`legal.stages.${s}`) }))}
                  value={form.stage}
                  onChange={(v) => v && set('stage')(v)}
                />
                <TextInput
                  type="date"
                  label={t('legal.date')}
                  value={form.date}
                  onChange={(e) => set('date')(e.currentTarget.value)}
                />
                <TextInput
                  label={t('legal.authority')}
                  value={form.authority}
                  onChange={(e) => set('authority')(e.currentTarget.value)}
                />
                <TextInput
                  label={t('legal.fileNumber')}
                  description={t('legal.fileNumberHint')}
                  value={form.fileNumber}
                  onChange={(e) => set('fileNumber')(e.currentTarget.value)}
                />
              </Group>
              <Textarea
                label={t('legal.outcome')}
                value={form.outcome}
                onChange={(e) => set('outcome')(e.currentTarget.value)}
                autosize
              />
              <Textarea
                label={t('legal.protection')}
                value={form.protectionMeasures}
                onChange={(e) => set('protectionMeasures')(e.currentTarget.value)}
                autosize
              />
              <Checkbox
                label={t('legal.participates')}
                checked={participates}
                onChange={(e) => setParticipates(e.currentTarget.checked)}
              />
              <Button w="fit-content" disabled={!form.date} loading={add.isPending} onClick={() => add.mutate()}>
                {t('legal.add')}
              </Button>
            </Stack>
          </Behind>
        )}
        {add.error && (
          <Alert color="red" role="alert">
            {add.error.message}
          </Alert>
        )}
      </Stack>
    </Section>
  );
}
