import { Alert, Anchor, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, multipart, ok } from '../../api';
import { caseKeys } from '../../api/keys';
import { Behind, Section } from './sections';

const accept = 'image/jpeg,image/png,audio/*,application/pdf';

/** Attachments: encrypted at rest, image and audio metadata stripped on upload, every download audited. */
export function Files({ caseId, writable }: { caseId: string; writable: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const key = caseKeys.files(caseId);
  const files = useQuery({
    queryKey: key,
    queryFn: () => ok(client.GET('/api/cases/{id}/files', { params: { path: { id: caseId } } })),
  });
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (f: File) => {
      const form = new FormData();
      form.append('file', f, f.name);
      return ok(client.POST('/api/cases/{id}/files', { params: { path: { id: caseId } }, ...multipart(form) }));
    },
    onSuccess: () => {
      setFile(null);
      qc.invalidateQueries({ queryKey: key });
    },
  });
  return (
    <Section title={t('files.title')}>
      <Stack>
        {files.data?.length ? (
          files.data.map((f) => (
            <Group key={f.id} justify="space-between">
              <Anchor href={`/api/cases/${caseId}/files/${f.id}`} download={f.name ?? undefined} size="sm">
                {f.name ?? f.id.slice(0, 8)}
              </Anchor>
              <Text size="xs" c="dimmed">
                {f.mime} · {Math.max(1, Math.round(f.size / 1024))} kB
              </Text>
            </Group>
          ))
        ) : (
          <Text size="sm" c="dimmed">
            {t('files.none')}
          </Text>
        )}
        {writable && (
          <Behind label={t('record.open.file')}>
            <Group align="end" wrap="wrap">
              <FileInput
                label={t('files.choose')}
                description={t('files.hint')}
                accept={accept}
                value={file}
                onChange={setFile}
                clearable
                miw={260}
              />
              <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
                {t('files.upload')}
              </Button>
            </Group>
          </Behind>
        )}
        {upload.error && (
          <Alert color="red" role="alert">
            {upload.error.message}
          </Alert>
        )}
      </Stack>
    </Section>
  );
}
