import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ModuleKey } from '../modules';

/** Placeholder for a module whose pages are not built yet; says so plainly. */
export function ComingSoon({ module }: { module: ModuleKey }) {
  const { t } = useTranslation();
  return (
    <Stack maw={720}>
      <Title order={1}>{t('comingSoon.title', { module: t(`nav.${module}`) })}</Title>
      <Alert color="gray">{t('comingSoon.body')}</Alert>
    </Stack>
  );
}
