import { Alert, Button, FileInput, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formImportProblems } from '../../../components/xlsform';
import { type Study, studyKeys, uploadForm } from './api';
import { pick } from './texts';

const FormPreview = lazy(() => import('./FormPreview').then((m) => ({ default: m.FormPreview })));

/** The study's form: its version, an XLSForm upload that lists what is wrong by sheet, row and column, a preview. */
export function FormSection({ study }: { study: Study }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState(false);
  const upload = useMutation({
    mutationFn: () => uploadForm(study.id, file as File),
    onSuccess: () => {
      setFile(null);
      qc.invalidateQueries({ queryKey: studyKeys.detail(study.id) });
    },
  });
  // The server words each problem (sheet, row, column and what is wrong) in the reader's language.
  const problems = formImportProblems(upload.error);
  const form = study.form;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="study-form">
      <Stack gap="sm">
        <Title order={2} size="h4" id="study-form">
          {t('studies.form.title')}
        </Title>
        {form ? (
          <Text>
            {t('studies.form.version', {
              title: pick(form.definition.title, i18n.language) || form.definition.formId,
              number: form.number,
            })}
            {' · '}
            {t('studies.form.languages', { languages: form.definition.languages.map((l) => l.name).join(', ') })}
          </Text>
        ) : (
          <Text c="dimmed">{t('studies.form.none')}</Text>
        )}
        {study.abilities.update && (
          <Stack gap="xs">
            <Text size="sm">{t('studies.form.uploadHint')}</Text>
            <Group align="end" wrap="wrap">
              <FileInput
                label={t('studies.form.file')}
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                value={file}
                onChange={(f) => {
                  setFile(f);
                  upload.reset();
                }}
                w={300}
                maw="100%"
              />
              <Button disabled={!file} loading={upload.isPending} onClick={() => upload.mutate()}>
                {t('studies.form.upload')}
              </Button>
            </Group>
            {upload.isSuccess && (
              <Alert color="green" role="status">
                {t('studies.form.uploaded')}
              </Alert>
            )}
            {upload.error && (
              <Alert color="red" role="alert" title={upload.error.message}>
                {problems.length > 0 && (
                  <List size="sm" spacing={2}>
                    {problems.map((p) => (
                      <List.Item key={p}>{p}</List.Item>
                    ))}
                  </List>
                )}
              </Alert>
            )}
          </Stack>
        )}
        {form && (
          <Stack gap="xs">
            <Button variant="light" onClick={() => setPreview((v) => !v)} aria-expanded={preview} w="fit-content">
              {preview ? t('studies.form.hidePreview') : t('studies.form.showPreview')}
            </Button>
            {preview && (
              <Suspense fallback={null}>
                <FormPreview form={form.definition} />
              </Suspense>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
