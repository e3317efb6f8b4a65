import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { modules } from '../modules';
import { useSession } from '../session';

/** Landing page inside the shell: what Minka is and where each module lives. */
export function Home() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const visible = modules.filter(
    (m) => m.needs.length === 0 || m.needs.some((p) => session?.user.permissions.includes(p)),
  );
  return (
    <Stack maw={960}>
      <Title order={1}>{t('home.title')}</Title>
      {session && (
        <Text c="dimmed">
          {t('home.signedInAs', { name: session.user.name, organisation: session.user.organisation.name })}
        </Text>
      )}
      <Text>{t('home.intro')}</Text>
      <Title order={2} size="h3">
        {t('home.modules')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {visible.map((m) => (
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
