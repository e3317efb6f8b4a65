import { Anchor, Button, FileInput, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResponse, client, multipart, ok } from '../../api';

export type Doc = ApiResponse<'/api/agreements'>[number]['documents'][number];
/** Whose documents: a local plan's or an agreement's. */
export type DocumentOwner = { plan: string } | { agreement: string };

/** Uploads one document, tied to an action or an instrument when `target` says so ("action=<id>"). */
function uploadDocument(owner: DocumentOwner, form: FormData, target: string | null) {
  const [kind, id] = target?.split('=') ?? [];
  const query = kind === 'action' ? { action: id } : kind === 'instrument' ? { instrument: id } : {};
  if ('plan' in owner)
    return ok(
      client.POST('/api/local-plans/{id}/documents', {
        params: { path: { id: owner.plan }, query },
        ...multipart(form),
      }),
    );
  return ok(
    client.POST('/api/agreements/{id}/documents', {
      params: { path: { id: owner.agreement }, query },
      ...multipart(form),
    }),
  );
}

/** Documents and evidence of a plan or an agreement: listed, downloaded (audited), and uploaded by planners. */
export function Documents({
  owner,
  docs,
  edit,
  targets = [],
  refresh,
}: {
  owner: DocumentOwner;
  docs: Doc[];
  edit: boolean;
  targets?: { value: string; label: string }[];
  refresh: readonly unknown[];
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (f: File) => {
      const form = new FormData();
      form.append('file', f, f.name);
      return uploadDocument(owner, form, target);
    },
    onSuccess: () => {
      setFile(null);
      qc.invalidateQueries({ queryKey: refresh });
    },
  });
  const base = 'plan' in owner ? `/api/local-plans/${owner.plan}` : `/api/agreements/${owner.agreement}`;
  const label = (d: Doc) =>
    targets.find((x) => x.value === `action=${d.actionId}` || x.value === `instrument=${d.instrumentId}`)?.label;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('localPlans.documents')}
        </Title>
        {docs.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('localPlans.noDocuments')}
          </Text>
        )}
        {docs.map((d) => (
          <Text key={d.id} size="sm">
            <Anchor href={`${base}/documents/${d.id}`}>{d.name ?? d.id.slice(0, 8)}</Anchor>
            {label(d) && ` · ${label(d)}`} · {Math.max(1, Math.round(d.size / 1024))} kB
          </Text>
        ))}
        {edit && (
          <Group align="end" wrap="wrap">
            <FileInput
              label={t('files.choose')}
              description={t('files.hint')}
              value={file}
              onChange={setFile}
              clearable
              miw={240}
            />
            {targets.length > 0 && (
              <Select
                label={t('localPlans.documentOf')}
                data={targets}
                value={target}
                onChange={setTarget}
                clearable
                miw={240}
              />
            )}
            <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
              {t('files.upload')}
            </Button>
          </Group>
        )}
        {upload.error && (
          <Text c="red" size="sm" role="alert">
            {upload.error.message}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
