import { Alert, Button, FileInput, Group, List, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textFor } from '../../../../src/shared/xlsform';
import type { FormDef, Texts } from '../../../../src/shared/xlsform/types';
import { type ApiResponse, client, multipart, ok } from '../../api';
import { DivisionPicker } from '../../components/DivisionPicker';
import { formImportProblems, XlsFormView } from '../../components/xlsform';
import { formatDate, localToday } from '../../format';
import { useSession } from '../../session';

type FormSummary = ApiResponse<'/api/forms'>['forms'][number];
const formsKey = ['admin', 'forms'] as const;
/** A title in the interface language, from a form's title texts alone (no definition at hand). */
const titleOf = (texts: Texts, lang: string) =>
  textFor(texts, { languages: [], defaultLanguage: 'default' } as unknown as FormDef, lang);

/** One import problem as the server described it: where it is (sheet, row, column) and what is wrong, in words. */
/**
 * Case forms: an administrator imports an XLSForm (a new version when its form_id is known), sees the import
 * problems by sheet, row and column, previews each version, and shows a form in the cases of a place.
 */
export function Forms() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const list = useQuery({ queryKey: formsKey, queryFn: () => ok(client.GET('/api/forms')) });
  const upload = useMutation({
    mutationFn: (f: File) => {
      const form = new FormData();
      form.append('file', f, f.name);
      return ok(client.POST('/api/forms', { ...multipart(form) }));
    },
    onSuccess: () => {
      setFile(null);
      void qc.invalidateQueries({ queryKey: formsKey });
    },
  });
  const problems = formImportProblems(upload.error);
  return (
    <Stack maw={900}>
      <Text>{t('forms.admin.intro')}</Text>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('forms.admin.import')}
        </Title>
        <Group align="end" wrap="wrap">
          <FileInput
            label={t('forms.admin.file')}
            accept=".xlsx"
            value={file}
            onChange={(f) => {
              setFile(f);
              upload.reset();
            }}
            miw={220}
            maw="100%"
          />
          <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
            {t('forms.admin.import')}
          </Button>
        </Group>
        {upload.data && (
          <Text role="status" mt="xs">
            {t('forms.admin.imported', {
              title: textFor(upload.data.form.title, upload.data.form as FormDef, i18n.language),
              number: upload.data.number,
            })}
          </Text>
        )}
        {upload.error && (
          <Alert color="red" role="alert" mt="xs">
            {problems.length ? (
              <>
                <Text size="sm" mb="xs">
                  {t('forms.admin.problems')}
                </Text>
                <List size="sm" spacing={4}>
                  {problems.map((p, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the list is the server's, shown once as is
                    <List.Item key={i}>{p}</List.Item>
                  ))}
                </List>
              </>
            ) : (
              upload.error.message
            )}
          </Alert>
        )}
      </Paper>
      <Title order={2} size="h4">
        {t('forms.admin.list')}
      </Title>
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      {list.data && !list.data.forms.length && <Text c="dimmed">{t('forms.admin.none')}</Text>}
      {list.data?.forms.map((f) => (
        <FormCard key={f.id} f={f} />
      ))}
    </Stack>
  );
}

function FormCard({ f }: { f: FormSummary }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const { data: session } = useSession();
  const [place, setPlace] = useState<string | null>(null);
  const [preview, setPreview] = useState<number | null>(null);
  const done = (updated: FormSummary) => {
    qc.setQueryData<ApiResponse<'/api/forms'>>(formsKey, (old) =>
      old ? { forms: old.forms.map((x) => (x.id === updated.id ? updated : x)) } : old,
    );
  };
  const attach = useMutation({
    mutationFn: (code: string) =>
      ok(
        client.POST('/api/forms/{id}/attachments', {
          params: { path: { id: f.id } },
          body: { division: { country: session?.user.scope.country ?? 'EC', code } },
        }),
      ),
    onSuccess: (u) => {
      setPlace(null);
      done(u);
    },
  });
  const detach = useMutation({
    mutationFn: (sub: string) =>
      ok(client.DELETE('/api/forms/{id}/attachments/{sub}', { params: { path: { id: f.id, sub } } })),
    onSuccess: done,
  });
  const title = titleOf(f.title, i18n.language) || f.formKey;
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {title}
        </Title>
        <div>
          <Text size="sm" fw={600}>
            {t('forms.admin.versions')}
          </Text>
          <Group gap="xs" wrap="wrap">
            {f.versions.map((v) => (
              <Button key={v.number} size="compact-sm" variant="subtle" onClick={() => setPreview(v.number)}>
                {t('forms.admin.versionLine', { number: v.number, date: formatDate(v.createdAt) })}
              </Button>
            ))}
          </Group>
        </div>
        <div>
          <Text size="sm" fw={600}>
            {t('forms.admin.places')}
          </Text>
          {f.attachments.length ? (
            <Stack gap={4}>
              {f.attachments.map((a) => (
                <Group key={a.id} gap="xs" wrap="wrap">
                  <Text size="sm">{a.division.label}</Text>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    loading={detach.isPending && detach.variables === a.id}
                    onClick={() => detach.mutate(a.id)}
                  >
                    {t('forms.admin.detach', { place: a.division.label })}
                  </Button>
                </Group>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('forms.admin.nowhere')}
            </Text>
          )}
        </div>
        <Group align="end" wrap="wrap">
          <div style={{ minWidth: 220, flex: '1 1 220px' }}>
            <DivisionPicker label={t('forms.admin.place')} value={place} onChange={setPlace} />
          </div>
          <Button disabled={!place} loading={attach.isPending} onClick={() => place && attach.mutate(place)}>
            {t('forms.admin.attach')}
          </Button>
        </Group>
        {(attach.error || detach.error) && (
          <Alert color="red" role="alert">
            {(attach.error ?? detach.error)?.message}
          </Alert>
        )}
      </Stack>
      {preview !== null && <Preview formId={f.id} number={preview} title={title} onClose={() => setPreview(null)} />}
    </Paper>
  );
}

/** A version of a form as people will see it, read only. */
function Preview({
  formId,
  number,
  title,
  onClose,
}: {
  formId: string;
  number: number;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: [...formsKey, formId, number],
    queryFn: () => ok(client.GET('/api/forms/{id}/versions/{number}', { params: { path: { id: formId, number } } })),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('forms.admin.previewTitle', { title, number })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('forms.admin.close') }}
    >
      {q.error && <Alert color="red">{q.error.message}</Alert>}
      {q.data && (
        <XlsFormView
          form={q.data.form as FormDef}
          value={{}}
          onChange={() => undefined}
          issues={[]}
          today={localToday()}
          readOnly
          idPrefix={`pv-${formId.slice(0, 8)}-${number}`}
        />
      )}
    </Modal>
  );
}
