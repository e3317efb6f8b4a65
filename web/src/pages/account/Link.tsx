import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { client, ok } from '../../api';

/** Accepting an invitation or resetting a password: the token comes in the URL fragment, never sent to a server log. */
export function LinkPage({ purpose }: { purpose: 'invite' | 'reset' }) {
  const { t } = useTranslation();
  const token = typeof window === 'undefined' ? '' : window.location.hash.slice(1);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const use = useMutation({ mutationFn: () => ok(client.POST('/api/auth/link', { body: { token, password } })) });
  const mismatch = again.length > 0 && again !== password;
  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Paper withBorder p="xl" w="100%" maw={420}>
        <Stack>
          <Title order={1} size="h3">
            {t(purpose === 'invite' ? 'link.inviteTitle' : 'link.resetTitle')}
          </Title>
          {use.isSuccess ? (
            <>
              <Alert color="green">{t('link.done')}</Alert>
              <Anchor component={RouterLink} to="/signin">
                {t('nav.signIn')}
              </Anchor>
            </>
          ) : (
            <>
              <Text size="sm">{t('account.passwordRule')}</Text>
              <PasswordInput
                label={t('account.newPassword')}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                autoComplete="new-password"
              />
              <PasswordInput
                label={t('link.repeat')}
                value={again}
                onChange={(e) => setAgain(e.currentTarget.value)}
                error={mismatch ? t('link.mismatch') : undefined}
                autoComplete="new-password"
              />
              {!token && <Alert color="red">{t('link.missing')}</Alert>}
              {use.error && <Alert color="red">{use.error.message}</Alert>}
              <Button
                onClick={() => use.mutate()}
                disabled={!token || password.length < 12 || mismatch || again !== password}
                loading={use.isPending}
              >
                {t('link.save')}
              </Button>
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
