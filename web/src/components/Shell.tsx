import { Anchor, AppShell, Badge, Burger, Button, Group, Loader, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure, useNetwork } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { client, ok } from '../api';
import { reportKeys, workKeys } from '../api/keys';
import { modules } from '../modules';
import { useFieldStatus } from '../offline/status';
import { has, useSession } from '../session';
import { LanguageSwitcher } from './LanguageSwitcher';
import { UpdateNotice } from './UpdateNotice';

/** The application frame: header with language switch and sign-in, navigation to every module. */
export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const isActive = (path: string) => (path === '/' ? pathname === '/' : pathname.startsWith(path));
  const { data: session } = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => ok(client.POST('/api/auth/sign-out')),
    onSettled: async () => {
      qc.clear();
      navigate('/signin');
    },
  });
  // What waits for this person, on the menu: their work (and reviews), and new reports to triage.
  const workCount = useQuery({
    queryKey: workKeys.count(),
    queryFn: () => ok(client.GET('/api/me/work/count')),
    enabled: has(session, 'cases:read') || has(session, 'referrals:receive'),
    refetchInterval: 120_000,
  });
  const reportCount = useQuery({
    queryKey: reportKeys.count(),
    queryFn: () => ok(client.GET('/api/reports/count')),
    enabled: has(session, 'reports:triage'),
    refetchInterval: 120_000,
  });
  const field = useFieldStatus();
  const { online } = useNetwork();
  // A device holding a field copy asks at each start whether it may keep it (a revoked one erases it).
  useEffect(() => {
    if (field.copy && online) void import('../offline/sync').then((m) => m.checkDevice()).catch(() => undefined);
  }, [field.copy, online]);
  const counts: Record<string, number | undefined> = {
    work: workCount.data?.work,
    reports: reportCount.data?.new,
    field: field.waiting + field.conflicts,
  };
  const visible = modules.filter(
    (m) => m.needs.length === 0 || m.needs.some((p) => session?.user.permissions.includes(p)),
  );

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
            {!online && (
              <Badge component={Link} to="/field" color="orange" role="status">
                {t('field.offline')}
              </Badge>
            )}
            <LanguageSwitcher short />
            {session ? (
              <>
                <Anchor component={Link} to="/account" size="sm" visibleFrom="sm">
                  {session.user.name}
                </Anchor>
                {/* On a phone the header keeps only the menu and the language; signing out is in the menu. */}
                <Button size="xs" variant="subtle" onClick={() => signOut.mutate()} visibleFrom="sm">
                  {t('nav.signOut')}
                </Button>
              </>
            ) : (
              <Anchor component={Link} to="/signin" size="sm">
                {t('nav.signIn')}
              </Anchor>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        <NavLink component={Link} to="/" label={t('nav.home')} active={isActive('/')} onClick={close} />
        {visible.map((m) => (
          <NavLink
            key={m.key}
            component={Link}
            to={m.path}
            label={t(`nav.${m.key}`)}
            active={isActive(m.path)}
            onClick={close}
            rightSection={
              counts[m.key] ? (
                <Badge size="sm" variant="filled" color="dark" aria-label={t('nav.waiting', { count: counts[m.key] })}>
                  {counts[m.key]}
                </Badge>
              ) : undefined
            }
          />
        ))}
        <NavLink
          component={Link}
          to="/account"
          label={t('nav.account')}
          active={isActive('/account')}
          onClick={close}
        />
        <NavLink component="button" label={t('nav.signOut')} onClick={() => signOut.mutate()} hiddenFrom="sm" />
        <NavLink
          component={Link}
          to="/privacy"
          label={t('privacy.title')}
          active={isActive('/privacy')}
          onClick={close}
          mt="auto"
        />
        <NavLink href="/api/docs" label={t('nav.apiDocs')} />
      </AppShell.Navbar>
      <AppShell.Main id="content">
        <UpdateNotice />
        <Suspense fallback={<Loader size="sm" />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
