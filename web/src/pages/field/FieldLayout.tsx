import { Anchor, Badge, Box, Container, Group, Text } from '@mantine/core';
import { useNetwork } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { type LocalDivision, LocalDivisions } from '../../components/DivisionPicker';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { UpdateNotice } from '../../components/UpdateNotice';
import { useFieldCopyActivity } from '../../offline/activity';
import { getMeta } from '../../offline/db';
import { useFieldStatus } from '../../offline/status';
import { checkDevice, syncNow } from '../../offline/sync';
import { useVault } from '../../offline/vault';

/**
 * The field device's own frame: it works without the server (no session needed to open the encrypted copy), says
 * whether there is a connection and how many changes wait, and syncs by itself when the connection returns.
 */
export function FieldLayout() {
  const { t } = useTranslation();
  const { online } = useNetwork();
  const vault = useVault();
  const status = useFieldStatus();
  const { pathname } = useLocation();
  const [divisions, setDivisions] = useState<LocalDivision[] | null>(null);

  useFieldCopyActivity();
  useEffect(() => {
    if (vault.status === 'open') void getMeta<LocalDivision[]>('divisions').then((d) => setDivisions(d ?? []));
  }, [vault.status]);
  // Each time the link is there: a locked copy still asks whether it may stay; an open one syncs.
  useEffect(() => {
    if (!online) return;
    if (vault.status === 'open') void syncNow().catch(() => undefined);
    else if (vault.status === 'locked') void checkDevice();
  }, [online, vault.status]);

  if (vault.status === 'loading') return null;
  // Everything but the field home needs the copy open; the home asks for the passphrase.
  if (vault.status !== 'open' && pathname !== '/field') return <Navigate to="/field" replace />;
  return (
    <>
      <Box component="header" px="md" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to="/field" underline="never" c="inherit">
              <Text fw={700} size="lg">
                {t('field.title')}
              </Text>
            </Anchor>
            <Badge color={online ? 'teal' : 'orange'} role="status" aria-live="polite">
              {online ? t('field.online') : t('field.offline')}
            </Badge>
            {status.waiting > 0 && <Badge color="blue">{t('field.waitingCount', { count: status.waiting })}</Badge>}
          </Group>
          <Group gap="sm" wrap="nowrap">
            {online && (
              <Anchor component={Link} to="/" size="sm">
                {t('field.backToApp')}
              </Anchor>
            )}
            <LanguageSwitcher short />
          </Group>
        </Group>
      </Box>
      <UpdateNotice />
      <Container component="main" id="content" size="md" py="md" px="sm">
        <LocalDivisions.Provider value={divisions}>
          <Outlet />
        </LocalDivisions.Provider>
      </Container>
    </>
  );
}
