import { Anchor, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, multipart, ok } from '../../api';
import { formatNumber } from '../../format';
import { languages } from '../../i18n/index';

/**
 * The community review of translations: an administrator downloads a language's sheet for a translator and
 * takes the reviewed sheet back; reviewed strings show at once and stay across upgrades.
 */
export function Translations() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (f: File) => {
      const form = new FormData();
      form.append('file', f, f.name);
      return ok(client.POST('/api/i18n/import', { ...multipart(form) }));
    },
    onSuccess: () => setFile(null),
  });
  return (
    <Stack maw={720}>
      <Text>{t('translations.intro')}</Text>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('translations.export')}
        </Title>
        <Group>
          {languages.map((l) => (
            <Anchor key={l.code} href={`/api/i18n/${l.code}/export`} download>
              {t('translations.sheetOf', { language: l.label })}
            </Anchor>
          ))}
        </Group>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('translations.import')}
        </Title>
        <Group align="end" wrap="wrap">
          <FileInput
            label={t('translations.file')}
            description={t('translations.fileHint')}
            accept=".xlsx"
            value={file}
            onChange={setFile}
            clearable
            miw={240}
            error={upload.error?.message}
          />
          <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
            {t('translations.send')}
          </Button>
        </Group>
        {upload.data && (
          <Text role="status" mt="xs">
            {t('translations.done', {
              reviewed: formatNumber(upload.data.reviewed),
              unchanged: formatNumber(upload.data.unchanged),
            })}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
