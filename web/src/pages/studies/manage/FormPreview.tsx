import { Box, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormNode } from '../../../../../src/shared/xlsform/types';
import type { FormDef } from './api';
import { pick } from './texts';

function Outline({ nodes, lang }: { nodes: FormNode[]; lang: string }) {
  const shown = nodes.filter((n) => n.kind !== 'question' || !['calculate', 'start', 'end', 'today'].includes(n.type));
  return (
    <List size="sm" spacing={2} withPadding>
      {shown.map((n) => (
        <List.Item key={n.name}>
          {pick(n.label, lang) || n.name}
          {n.kind !== 'question' && <Outline nodes={n.children} lang={lang} />}
        </List.Item>
      ))}
    </List>
  );
}

/** The form's questions in order, in the interface language (read only). */
export function FormPreview({ form }: { form: FormDef }) {
  const { t, i18n } = useTranslation();
  return (
    <Box component="section" aria-label={t('studies.form.preview')}>
      <Text size="sm" c="dimmed" mb="xs">
        {t('studies.form.previewHint')}
      </Text>
      <Outline nodes={form.children} lang={i18n.language} />
    </Box>
  );
}
