import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Shown for any address the app does not know. */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack maw={560} py="xl">
      <Text c="dimmed" fw={700}>
        404
      </Text>
      <Title order={1}>{t('notFound.title')}</Title>
      <Text>{t('notFound.body')}</Text>
      <Button component={Link} to="/" w="fit-content">
        {t('notFound.back')}
      </Button>
    </Stack>
  );
}
