import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type SignInBody, signInBody } from '../../../src/modules/access/schema';
import { api } from '../api';
import { LanguageSwitcher } from '../components/LanguageSwitcher';

/** Sign-in page: validates with the server's schema and shows the server's answer in the user's language. */
export function SignIn() {
  const { t } = useTranslation();
  const form = useForm<SignInBody>({ resolver: zodResolver(signInBody), defaultValues: { email: '', password: '' } });
  const signIn = useMutation({
    mutationFn: (body: SignInBody) => api('/api/auth/sign-in', { method: 'POST', body: JSON.stringify(body) }),
  });
  const { errors } = form.formState;

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <Stack>
          <Group justify="space-between">
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Title order={2}>{t('app.name')}</Title>
            </Anchor>
            <LanguageSwitcher />
          </Group>
          <Title order={1} size="h3">
            {t('signIn.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('signIn.intro')}
          </Text>
          <form noValidate onSubmit={form.handleSubmit((v) => signIn.mutate(v))}>
            <Stack>
              <TextInput
                label={t('signIn.email')}
                type="email"
                autoComplete="username"
                error={errors.email ? t('signIn.emailInvalid') : undefined}
                {...form.register('email')}
              />
              <PasswordInput
                label={t('signIn.password')}
                autoComplete="current-password"
                error={errors.password ? t('signIn.passwordRequired') : undefined}
                {...form.register('password')}
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
        </Stack>
      </Paper>
    </Center>
  );
}
