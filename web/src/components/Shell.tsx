import { Anchor, AppShell, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { modules } from '../modules';
import { LanguageSwitcher } from './LanguageSwitcher';

/** The application frame: header with language switch and sign-in, navigation to every module. */
export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const isActive = (path: string) => (path === '/' ? pathname === '/' : pathname.startsWith(path));

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.openMenu')} />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Title order={3}>{t('app.name')}</Title>
            </Anchor>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitcher />
            <Anchor component={Link} to="/signin" size="sm">
              {t('nav.signIn')}
            </Anchor>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="main">
        <NavLink component={Link} to="/" label={t('nav.home')} active={isActive('/')} onClick={close} />
        {modules.map((m) => (
          <NavLink
            key={m.key}
            component={Link}
            to={m.path}
            label={t(`nav.${m.key}`)}
            active={isActive(m.path)}
            onClick={close}
          />
        ))}
        <NavLink href="/api/docs" label={t('nav.apiDocs')} mt="auto" />
      </AppShell.Navbar>
      <AppShell.Main id="content">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
