import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Study, type StudyStatus, type StudyWrite, studyKeys, updateStudy } from './api';
import { FormSection } from './FormSection';
import { StudyForm } from './StudyForm';
import { pick, studyLanguages, textsKey } from './texts';

/** What the study is: purpose, places, consent script, respondents; its form; opening and closing it. */
export function Overview({ study }: { study: Study }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const status = useMutation({
    mutationFn: (next: StudyStatus) => updateStudy(study.id, { status: next }),
    onSuccess: () => qc.invalidateQueries({ queryKey: studyKeys.list() }),
  });
  const [editing, setEditing] = useState(false);
  const edit = useMutation({
    mutationFn: ({ respondents: _kept, ...w }: StudyWrite) => updateStudy(study.id, w),
    onSuccess: () => {
      setEditing(false);
      qc.invalidateQueries({ queryKey: studyKeys.list() });
    },
  });
  // The consent script in every language it has, the reader's own first.
  const consent = [...studyLanguages]
    .sort((a, b) => Number(b === textsKey(i18n.language)) - Number(a === textsKey(i18n.language)))
    .filter((l) => study.consent[l]?.trim());
  if (editing)
    return (
      <Paper withBorder p="md" component="section" aria-labelledby="study-edit">
        <Stack gap="sm">
          <Title order={2} size="h4" id="study-edit">
            {t('studies.edit.title')}
          </Title>
          <StudyForm
            initial={{ ...study, places: study.places.map((p) => p.code) }}
            country={study.country}
            withRespondents={false}
            submitLabel={t('studies.edit.save')}
            busy={edit.isPending}
            error={edit.error}
            onSubmit={(w) => edit.mutate(w)}
            onCancel={() => {
              edit.reset();
              setEditing(false);
            }}
          />
        </Stack>
      </Paper>
    );
  return (
    <Stack>
      {study.abilities.update && (
        <Button variant="default" onClick={() => setEditing(true)} w="fit-content">
          {t('studies.edit.open')}
        </Button>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Stack gap={4}>
          <Title order={2} size="h4">
            {t('studies.purpose')}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{pick(study.purpose, i18n.language)}</Text>
        </Stack>
        <Stack gap={4}>
          <Title order={2} size="h4">
            {t('studies.places')}
          </Title>
          <Text>{study.places.map((p) => p.label).join(', ') || '—'}</Text>
          <Title order={2} size="h4" mt="xs">
            {t('studies.respondents')}
          </Title>
          <Text>{t(`studies.respondentKinds.${study.respondents}`)}</Text>
          <Text size="sm" c="dimmed">
            {t(`studies.respondentHints.${study.respondents}`)}
          </Text>
        </Stack>
      </SimpleGrid>
      <Paper withBorder p="md" component="section" aria-labelledby="study-consent">
        <Stack gap="xs">
          <Title order={2} size="h4" id="study-consent">
            {t('studies.consent')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('studies.consentHint')}
          </Text>
          {consent.map((l) => (
            <Stack gap={2} key={l}>
              <Text fw={600} size="sm">
                {t(`studies.languages.${l}`)}
              </Text>
              <Text lang={l === 'qu' ? 'qu-EC' : l} style={{ whiteSpace: 'pre-wrap' }}>
                {study.consent[l]}
              </Text>
            </Stack>
          ))}
        </Stack>
      </Paper>
      {study.abilities.update && (
        <Paper withBorder p="md" component="section" aria-labelledby="study-status">
          <Stack gap="xs">
            <Title order={2} size="h4" id="study-status">
              {t('studies.statusTitle')}
            </Title>
            <Text size="sm">{t(`studies.statusHints.${study.status}`)}</Text>
            <Group>
              {study.status !== 'open' && (
                <Button
                  onClick={() => status.mutate('open')}
                  loading={status.isPending}
                  disabled={!study.form}
                  color="green"
                >
                  {study.status === 'closed' ? t('studies.reopen') : t('studies.open')}
                </Button>
              )}
              {study.status === 'open' && (
                <Button onClick={() => status.mutate('closed')} loading={status.isPending} color="dark">
                  {t('studies.close')}
                </Button>
              )}
            </Group>
            {!study.form && study.status !== 'open' && (
              <Text size="sm" c="dimmed">
                {t('studies.openNeedsForm')}
              </Text>
            )}
            {status.error && (
              <Alert color="red" role="alert">
                {status.error.message}
              </Alert>
            )}
          </Stack>
        </Paper>
      )}
      <FormSection study={study} />
    </Stack>
  );
}
