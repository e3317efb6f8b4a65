import { Alert, Button, FileInput, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormIssueLike, problemsOf, type Study, studyKeys, uploadForm } from './api';
import { pick } from './texts';

const FormPreview = lazy(() => import('./FormPreview').then((m) => ({ default: m.FormPreview })));

/** "sheet, row, column: message" for a problem the import of a form found. */
function issueText(i: FormIssueLike, t: (k: string, o?: Record<string, unknown>) => string) {
  const where = [
    t(`studies.form.sheets.${i.sheet}`, { defaultValue: i.sheet }),
    i.row ? t('studies.form.row', { row: i.row }) : null,
    i.column ? t('studies.form.column', { column: i.column }) : null,
  ]
    .filter(Boolean)
    .join(', ');
  const what = t(`studies.form.issues.${i.code}`, { detail: i.detail ?? '', defaultValue: i.code });
  return `${where}: ${what}`;
}

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
  const { formIssues, fields } = problemsOf(upload.error);
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
                {(formIssues.length > 0 || fields.length > 0) && (
                  <List size="sm" spacing={2}>
                    {formIssues.map((i) => (
                      <List.Item key={`${i.sheet}-${i.row}-${i.column}-${i.code}`}>{issueText(i, t)}</List.Item>
                    ))}
                    {formIssues.length === 0 && fields.map((f) => <List.Item key={f.path}>{f.message}</List.Item>)}
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
