import {
  Alert,
  Anchor,
  Button,
  Center,
  Checkbox,
  Code,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { SignInBody } from '../../../src/modules/access/schema';
import { client, ok, setCsrfToken } from '../api';
import { useDemoInfo } from '../components/DemoBanner';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { useRefreshSession } from '../session';

function DemoAccounts() {
  const { t } = useTranslation();
  const demo = useDemoInfo();
  if (!demo.data) return null;
  return (
    <Alert color="yellow" title={t('signIn.demoTitle')}>
      <Stack gap="xs">
        <Text size="sm">
          {t('signIn.demoPassword')} <Code>{demo.data.password}</Code>
        </Text>
        <Text size="sm">
          {t('signIn.demoTotp')} <Code>{demo.data.totpSecret}</Code>
        </Text>
        <Table fz="xs" withRowBorders={false}>
          <Table.Tbody>
            {demo.data.users.map((u) => (
              <Table.Tr key={u.email}>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Alert>
  );
}

/**
 * Sign-in in one step: e-mail, password and, for an account with two-step verification, its code (or a recovery
 * code). The server answers every refusal alike, so the page never learns which part was wrong.
 */
export function SignIn() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useRefreshSession();
  const [factor, setFactor] = useState<'totp' | 'recovery'>('totp');
  // The few rules of this form are written here rather than taken from the server's schema, so the first page a
  // person opens does not download the validation library (the server checks the same rules).
  const form = useForm<SignInBody>({ defaultValues: { email: '', password: '', remember: false } });
  const signIn = useMutation({
    mutationFn: (body: SignInBody) => ok(client.POST('/api/auth/sign-in', { body })),
    onSuccess: async (s) => {
      setCsrfToken(s.csrfToken);
      await refresh();
      navigate(s.user.secondFactor === 'enrolment_required' ? '/account' : '/');
    },
  });
  const submit = (v: SignInBody) =>
    signIn.mutate({
      email: v.email,
      password: v.password,
      remember: Boolean(v.remember),
      ...(factor === 'totp' && v.totp ? { totp: v.totp } : {}),
      ...(factor === 'recovery' && v.recoveryCode ? { recoveryCode: v.recoveryCode } : {}),
    });
  const { errors } = form.formState;

  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Stack w="100%" maw={460}>
        <Paper withBorder shadow="sm" p="xl">
          <Stack>
            <Group justify="space-between">
              <Title order={2}>{t('app.name')}</Title>
              <LanguageSwitcher />
            </Group>
            <Title order={1} size="h3">
              {t('signIn.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('signIn.intro')}
            </Text>
            <form noValidate onSubmit={form.handleSubmit(submit)}>
              <Stack>
                <TextInput
                  label={t('signIn.email')}
                  type="email"
                  autoComplete="username"
                  error={errors.email ? t('signIn.emailInvalid') : undefined}
                  {...form.register('email', { required: true, maxLength: 254, pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/ })}
                />
                <PasswordInput
                  label={t('signIn.password')}
                  autoComplete="current-password"
                  error={errors.password ? t('signIn.passwordRequired') : undefined}
                  {...form.register('password', { required: true, maxLength: 1024 })}
                />
                {factor === 'totp' ? (
                  <TextInput
                    label={t('signIn.totpOptional')}
                    description={t('signIn.totpHint')}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={6}
                    error={errors.totp ? t('signIn.totpInvalid') : undefined}
                    {...form.register('totp', { pattern: /^\d{6}$/ })}
                  />
                ) : (
                  <TextInput label={t('signIn.recoveryCode')} autoComplete="off" {...form.register('recoveryCode')} />
                )}
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => {
                    form.setValue(factor === 'totp' ? 'totp' : 'recoveryCode', undefined);
                    setFactor(factor === 'totp' ? 'recovery' : 'totp');
                  }}
                >
                  {factor === 'totp' ? t('signIn.useRecovery') : t('signIn.useTotp')}
                </Anchor>
                <Checkbox
                  label={t('signIn.remember')}
                  description={t('signIn.rememberHint')}
                  {...form.register('remember')}
                />
                {signIn.error && (
                  <Alert color="red" role="alert">
                    {signIn.error.message}
                  </Alert>
                )}
                <Button type="submit" loading={signIn.isPending}>
                  {t('signIn.submit')}
                </Button>
              </Stack>
            </form>
            <Text size="sm">
              {t('signIn.reportHint')} <Anchor href="/report">{t('signIn.reportLink')}</Anchor>
            </Text>
            <Anchor component={Link} to="/" size="sm">
              {t('nav.home')}
            </Anchor>
          </Stack>
        </Paper>
        <DemoAccounts />
      </Stack>
    </Center>
  );
}
