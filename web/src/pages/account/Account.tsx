import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Image,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { client, ok } from '../../api';
import { sessionKeys } from '../../api/keys';
import { formatDateTime } from '../../format';
import { has, useRefreshSession, useSession } from '../../session';
import { Devices } from '../field/Devices';

function SecondFactor() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const refresh = useRefreshSession();
  const [code, setCode] = useState('');
  const setup = useMutation({ mutationFn: () => ok(client.POST('/api/auth/totp/setup')) });
  const confirm = useMutation({
    mutationFn: () => ok(client.POST('/api/auth/totp/confirm', { body: { code } })),
    onSuccess: () => refresh(),
  });
  const state = session?.user.secondFactor;

  if (confirm.data)
    return (
      <Stack>
        <Alert color="green">{t('account.totpEnabled')}</Alert>
        <Text fw={600}>{t('account.recoveryCodes')}</Text>
        <Text size="sm">{t('account.recoveryHint')}</Text>
        <SimpleGrid cols={2} maw={320}>
          {confirm.data.recoveryCodes.map((c) => (
            <Code key={c}>{c}</Code>
          ))}
        </SimpleGrid>
      </Stack>
    );
  if (state === 'enabled') return <Badge color="green">{t('account.totpOn')}</Badge>;
  return (
    <Stack>
      {state === 'enrolment_required' && <Alert color="orange">{t('account.totpRequired')}</Alert>}
      {!setup.data ? (
        <Button w="fit-content" onClick={() => setup.mutate()} loading={setup.isPending}>
          {t('account.totpStart')}
        </Button>
      ) : (
        <Stack>
          <Text size="sm">{t('account.totpScan')}</Text>
          <Image src={`data:image/svg+xml;base64,${btoa(setup.data.qrSvg)}`} alt={t('account.qrAlt')} w={200} h={200} />
          <Text size="sm">
            {t('account.totpManual')} <Code>{setup.data.secret}</Code>
          </Text>
          <Group align="end">
            <TextInput
              label={t('signIn.totp')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              inputMode="numeric"
              maxLength={6}
            />
            <Button onClick={() => confirm.mutate()} loading={confirm.isPending} disabled={!/^\d{6}$/.test(code)}>
              {t('account.totpConfirm')}
            </Button>
          </Group>
        </Stack>
      )}
      {(setup.error || confirm.error) && (
        <Alert color="red" role="alert">
          {(setup.error ?? confirm.error)?.message}
        </Alert>
      )}
    </Stack>
  );
}

function Password() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const change = useMutation({
    mutationFn: () => ok(client.POST('/api/auth/password', { body: { currentPassword: current, newPassword: next } })),
  });
  return (
    <Stack maw={360}>
      <PasswordInput
        label={t('account.currentPassword')}
        value={current}
        onChange={(e) => setCurrent(e.currentTarget.value)}
        autoComplete="current-password"
      />
      <PasswordInput
        label={t('account.newPassword')}
        description={t('account.passwordRule')}
        value={next}
        onChange={(e) => setNext(e.currentTarget.value)}
        autoComplete="new-password"
      />
      {change.error && <Alert color="red">{change.error.message}</Alert>}
      {change.isSuccess && <Alert color="green">{t('account.passwordChanged')}</Alert>}
      <Button
        w="fit-content"
        onClick={() => change.mutate()}
        loading={change.isPending}
        disabled={!current || next.length < 12}
      >
        {t('account.changePassword')}
      </Button>
    </Stack>
  );
}

function Sessions() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery({
    queryKey: sessionKeys.mine(),
    queryFn: () => ok(client.GET('/api/auth/sessions')),
  });
  const everywhere = useMutation({
    mutationFn: () => ok(client.POST('/api/auth/sign-out-everywhere')),
    onSuccess: async () => {
      await qc.invalidateQueries();
      navigate('/signin');
    },
  });
  return (
    <Stack>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('account.started')}</Table.Th>
            <Table.Th>{t('account.lastSeen')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('account.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{formatDateTime(s.createdAt)}</Table.Td>
              <Table.Td>{formatDateTime(s.lastSeenAt)}</Table.Td>
              <Table.Td>{s.current && <Badge>{t('account.thisSession')}</Badge>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Button variant="light" color="red" w="fit-content" onClick={() => everywhere.mutate()}>
        {t('account.signOutEverywhere')}
      </Button>
    </Stack>
  );
}

/** My account: two-step verification, password and sessions. */
export function Account() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const pending = session?.user.secondFactor === 'enrolment_required';
  return (
    <Stack maw={860}>
      <Title order={1}>{t('account.title')}</Title>
      <Text c="dimmed">
        {session?.user.name} · {session?.user.email} · {session?.user.organisation.name}
      </Text>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('account.secondFactor')}
        </Title>
        <SecondFactor />
      </Paper>
      {!pending && (
        <>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('account.password')}
            </Title>
            <Password />
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('account.sessions')}
            </Title>
            <Sessions />
          </Paper>
          {has(session, 'cases:write') && (
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t('field.devicesTitle')}
              </Title>
              <Devices />
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}
