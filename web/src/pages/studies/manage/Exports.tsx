import { Button, Group, Paper, Radio, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Study } from './api';

const languages = [
  { value: 'es', key: 'es' },
  { value: 'qu-EC', key: 'qu' },
  { value: 'en', key: 'en' },
] as const;

/** Downloads in CSV or XLSX, labels in a chosen language, as labels or as XLSForm columns Kobo/ODK read. */
export function Exports({ study }: { study: Study }) {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<string>(languages.find((l) => l.value === i18n.language)?.value ?? 'es');
  const [layout, setLayout] = useState<'labels' | 'xlsform'>('labels');
  const qs = new URLSearchParams({ lang, layout }).toString();
  const raw = study.abilities.exportRaw;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="study-exports">
      <Stack gap="sm">
        <Title order={2} size="h4" id="study-exports">
          {t('studies.exports.title')}
        </Title>
        <Text size="sm">{raw ? t('studies.exports.raw') : t('studies.exports.protected')}</Text>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="export-language">
            {t('studies.exports.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="export-language"
            value={lang}
            onChange={setLang}
            data={languages.map((l) => ({ value: l.value, label: t(`studies.languages.${l.key}`) }))}
            w="fit-content"
          />
        </Stack>
        {raw && (
          <Radio.Group
            label={t('studies.exports.layout')}
            value={layout}
            onChange={(v) => setLayout(v as 'labels' | 'xlsform')}
          >
            <Stack gap={6} mt={6}>
              <Radio value="labels" label={t('studies.exports.layouts.labels')} />
              <Radio value="xlsform" label={t('studies.exports.layouts.xlsform')} />
            </Stack>
          </Radio.Group>
        )}
        <Group>
          <Button component="a" href={`/api/studies/${study.id}/export.csv?${qs}`} download>
            {t('studies.exports.csv')}
          </Button>
          <Button component="a" href={`/api/studies/${study.id}/export.xlsx?${qs}`} download variant="light">
            {t('studies.exports.xlsx')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('studies.exports.audit')}
        </Text>
      </Stack>
    </Paper>
  );
}
