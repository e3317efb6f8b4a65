import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { XlsFormView } from '../../../components/xlsform';
import { localToday } from '../../../format';
import type { FormDef } from './api';

const nothing = () => undefined;

/** The form as an interviewer will see it, in the interface language, read-only and empty. */
export function FormPreview({ form }: { form: FormDef }) {
  const { t } = useTranslation();
  return (
    <Box component="section" aria-label={t('studies.form.preview')}>
      <Text size="sm" c="dimmed" mb="xs">
        {t('studies.form.previewHint')}
      </Text>
      <XlsFormView form={form} value={{}} onChange={nothing} today={localToday()} readOnly idPrefix="preview" />
    </Box>
  );
}
