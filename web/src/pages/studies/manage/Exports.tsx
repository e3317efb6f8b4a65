import { Button, Group, Paper, Radio, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getAnalysis, type Study, studyKeys, useQuestionParam } from './api';

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
  const raw = study.abilities.exportRaw;
  // Without the raw answers the file is the protected table of one select question (the analysis tab's).
  const [question, setQuestion] = useQuestionParam();
  const analysis = useQuery({
    queryKey: studyKeys.analysis(study.id, question, i18n.language),
    queryFn: () => getAnalysis(study.id, question, i18n.language),
    enabled: !raw,
  });
  const chosen = question ?? analysis.data?.question ?? null;
  const qs = new URLSearchParams(raw ? { lang, layout } : { lang, ...(chosen ? { question: chosen } : {}) }).toString();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="study-exports">
      <Stack gap="sm">
        <Title order={2} size="h4" id="study-exports">
          {raw ? t('studies.exports.title') : t('studies.exports.protectedTitle')}
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
        {!raw && !!analysis.data?.questions.length && (
          <Select
            label={t('studies.analysis.question')}
            data={analysis.data.questions.map((x) => ({ value: x.name, label: x.label }))}
            value={chosen}
            onChange={setQuestion}
            searchable
            allowDeselect={false}
            maw={560}
          />
        )}
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
