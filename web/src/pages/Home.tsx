import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { modules } from '../modules';

/** Landing page inside the shell: what Minka is and where each module lives. */
export function Home() {
  const { t } = useTranslation();
  return (
    <Stack maw={960}>
      <Title order={1}>{t('home.title')}</Title>
      <Text>{t('home.intro')}</Text>
      <Title order={2} size="h3">
        {t('home.modules')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {modules.map((m) => (
          <Card key={m.key} component={Link} to={m.path} withBorder padding="lg">
            <Text fw={600}>{t(`nav.${m.key}`)}</Text>
            <Text size="sm" c="dimmed">
              {t(`modules.${m.key}`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
