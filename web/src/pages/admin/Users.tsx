import {
  Alert,
  Badge,
  Button,
  Code,
  Drawer,
  Group,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResponse, client, ok } from '../../api';
import { adminKeys } from '../../api/keys';
import { DivisionPicker } from '../../components/DivisionPicker';
import { formatDateTime } from '../../format';
import { type LanguageCode, languages } from '../../i18n/index';
import { has, useSession } from '../../session';
import { useOrganisations } from './Organisations';
import { useRoles } from './Roles';

type User = ApiResponse<'/api/admin/users/{id}'>;
type Link = ApiResponse<'/api/admin/users/{id}/password-reset', 'post'>;

function OneTimeLink({ link }: { link: Link }) {
  const { t } = useTranslation();
  return (
    <Alert color="blue" title={t('admin.linkTitle')}>
      <Text size="sm">{t('admin.linkHint', { expiresAt: formatDateTime(link.expiresAt) })}</Text>
      <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {link.url}
      </Code>
      {link.emailed && <Text size="sm">{t('admin.linkEmailed')}</Text>}
    </Alert>
  );
}

function Invite({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  const roles = useRoles();
  const [v, setV] = useState({
    email: '',
    name: '',
    identityNumber: '',
    organisationId: null as string | null,
    roles: [] as string[],
    code: null as string | null,
    language: 'es' as LanguageCode,
  });
  const invite = useMutation({
    mutationFn: () =>
      ok(
        client.POST('/api/admin/users', {
          body: {
            email: v.email,
            name: v.name,
            ...(v.identityNumber ? { identityNumber: v.identityNumber } : {}),
            // The button stays disabled until both are chosen.
            organisationId: v.organisationId ?? '',
            roles: v.roles,
            scope: { country: 'EC', code: v.code ?? '' },
            language: v.language,
          },
        }),
      ),
    onSuccess: onDone,
  });
  if (invite.data) return <OneTimeLink link={invite.data.link} />;
  return (
    <Stack>
      <TextInput
        label={t('signIn.email')}
        value={v.email}
        onChange={(e) => setV({ ...v, email: e.currentTarget.value })}
      />
      <TextInput
        label={t('admin.personName')}
        value={v.name}
        onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
      />
      <TextInput
        label={t('admin.identityNumber')}
        value={v.identityNumber}
        onChange={(e) => setV({ ...v, identityNumber: e.currentTarget.value })}
      />
      <Select
        label={t('admin.organisation')}
        data={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        value={v.organisationId}
        onChange={(x) => setV({ ...v, organisationId: x })}
        searchable
        allowDeselect={false}
      />
      <Select
        label={t('admin.language')}
        description={t('admin.languageHint')}
        data={languages.map((l) => ({ value: l.code, label: l.label }))}
        value={v.language}
        onChange={(x) => x && setV({ ...v, language: x as LanguageCode })}
        allowDeselect={false}
      />
      <MultiSelect
        label={t('admin.roles')}
        data={(roles.data ?? []).map((r) => ({
          value: r.key,
          label: r.label ?? t(`roles.${r.key}`, { defaultValue: r.key }),
        }))}
        value={v.roles}
        onChange={(x) => setV({ ...v, roles: x })}
      />
      <DivisionPicker label={t('admin.scope')} value={v.code} onChange={(x) => setV({ ...v, code: x })} />
      {invite.error && <Alert color="red">{invite.error.message}</Alert>}
      <Button
        onClick={() => invite.mutate()}
        loading={invite.isPending}
        disabled={!v.email || !v.name || !v.organisationId || !v.roles.length || !v.code}
      >
        {t('admin.invite')}
      </Button>
    </Stack>
  );
}

function EditAccess({ user, onSaved }: { user: User; onSaved: () => void }) {
  const { t } = useTranslation();
  const roles = useRoles();
  const [chosen, setChosen] = useState<string[]>(user.roles);
  const [code, setCode] = useState<string | null>(user.scope.code);
  const save = useMutation({
    mutationFn: () =>
      ok(
        client.PATCH('/api/admin/users/{id}', {
          params: { path: { id: user.id } },
          body: { roles: chosen, scope: { country: user.scope.country, code: code ?? '' } },
        }),
      ),
    onSuccess: onSaved,
  });
  return (
    <Stack gap="xs">
      <MultiSelect
        label={t('admin.roles')}
        data={(roles.data ?? []).map((r) => ({
          value: r.key,
          label: r.label ?? t(`roles.${r.key}`, { defaultValue: r.key }),
        }))}
        value={chosen}
        onChange={setChosen}
      />
      <DivisionPicker label={t('admin.scope')} value={code} onChange={setCode} />
      {save.error && <Alert color="red">{save.error.message}</Alert>}
      <Button
        size="xs"
        w="fit-content"
        onClick={() => save.mutate()}
        loading={save.isPending}
        disabled={!chosen.length || !code}
      >
        {t('admin.save')}
      </Button>
    </Stack>
  );
}

function UserDetail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const qc = useQueryClient();
  const user = useQuery({
    queryKey: adminKeys.user(id),
    queryFn: () => ok(client.GET('/api/admin/users/{id}', { params: { path: { id } } })),
  });
  const sessions = useQuery({
    queryKey: adminKeys.userSessions(id),
    queryFn: () => ok(client.GET('/api/admin/users/{id}/sessions', { params: { path: { id } } })),
    enabled: has(session, 'sessions:manage'),
  });
  const done = () => {
    onChanged();
    return qc.invalidateQueries({ queryKey: adminKeys.user(id) });
  };
  const action = useMutation({
    mutationFn: (action: 'password-reset' | 'reset-second-factor' | 'deactivate'): Promise<User | Link> => {
      const path = { params: { path: { id } } };
      if (action === 'password-reset') return ok(client.POST('/api/admin/users/{id}/password-reset', path));
      if (action === 'reset-second-factor') return ok(client.POST('/api/admin/users/{id}/reset-second-factor', path));
      return ok(client.POST('/api/admin/users/{id}/deactivate', path));
    },
    onSuccess: done,
  });
  const revoke = useMutation({
    mutationFn: (sid: string) => ok(client.POST('/api/admin/sessions/{id}/revoke', { params: { path: { id: sid } } })),
    onSuccess: done,
  });
  const u = user.data;
  if (!u) return null;
  const link = action.data && 'url' in action.data ? action.data : null;
  return (
    <Stack>
      <Title order={3}>{u.name}</Title>
      <Text size="sm">{u.email}</Text>
      <Text size="sm">
        {t('admin.identityNumber')}: {u.identityNumber ?? '—'}
      </Text>
      <Group gap="xs">
        {u.roles.map((r) => (
          <Badge key={r}>{t(`roles.${r}`, { defaultValue: r })}</Badge>
        ))}
        <Badge color="gray">{u.scope.code}</Badge>
        <Badge color={u.status === 'active' ? 'green' : 'gray'}>{t(`admin.statuses.${u.status}`)}</Badge>
        {u.secondFactor && <Badge color="teal">{t('admin.twoFactor')}</Badge>}
      </Group>
      {u.abilities.update && (
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => action.mutate('password-reset')}>
            {t('admin.resetPassword')}
          </Button>
          <Button size="xs" variant="light" onClick={() => action.mutate('reset-second-factor')}>
            {t('admin.resetSecondFactor')}
          </Button>
          {u.status !== 'deactivated' && (
            <Button size="xs" variant="light" color="red" onClick={() => action.mutate('deactivate')}>
              {t('admin.deactivate')}
            </Button>
          )}
        </Group>
      )}
      {u.abilities.update && <EditAccess key={`${u.roles.join()}-${u.scope.code}`} user={u} onSaved={done} />}
      {link && <OneTimeLink link={link} />}
      {(action.error || revoke.error) && <Alert color="red">{(action.error ?? revoke.error)?.message}</Alert>}
      {sessions.data && (
        <>
          <Title order={4}>{t('account.sessions')}</Title>
          {sessions.data.length === 0 && <Text size="sm">{t('admin.noSessions')}</Text>}
          {sessions.data.map((s) => (
            <Group key={s.id} justify="space-between">
              <Text size="sm">{formatDateTime(s.lastSeenAt)}</Text>
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => revoke.mutate(s.id)}>
                {t('admin.revoke')}
              </Button>
            </Group>
          ))}
        </>
      )}
    </Stack>
  );
}

/** Users in my jurisdiction: invite, open one to change or deactivate it, reset its second factor. */
export function Users() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const qc = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const [inviting, setInviting] = useState(false);
  const users = useQuery({
    queryKey: adminKeys.users(),
    queryFn: () => ok(client.GET('/api/admin/users')),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: adminKeys.users() });
  return (
    <Stack>
      {has(session, 'users:manage') && (
        <Button w="fit-content" onClick={() => setInviting(true)}>
          {t('admin.invite')}
        </Button>
      )}
      {users.error && <Alert color="red">{users.error.message}</Alert>}
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.personName')}</Table.Th>
            <Table.Th>{t('signIn.email')}</Table.Th>
            <Table.Th>{t('admin.roles')}</Table.Th>
            <Table.Th>{t('admin.scope')}</Table.Th>
            <Table.Th>{t('admin.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.data?.map((u) => (
            <Table.Tr key={u.id} onClick={() => setOpen(u.id)} style={{ cursor: 'pointer' }}>
              <Table.Td>
                <Button variant="subtle" size="compact-sm" onClick={() => setOpen(u.id)}>
                  {u.name}
                </Button>
              </Table.Td>
              <Table.Td>{u.email}</Table.Td>
              <Table.Td>{u.roles.map((r) => t(`roles.${r}`, { defaultValue: r })).join(', ')}</Table.Td>
              <Table.Td>{u.scope.code}</Table.Td>
              <Table.Td>{t(`admin.statuses.${u.status}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Drawer opened={Boolean(open)} onClose={() => setOpen(null)} position="right" title={t('admin.user')}>
        {open && <UserDetail id={open} onChanged={refresh} />}
      </Drawer>
      <Drawer opened={inviting} onClose={() => setInviting(false)} position="right" title={t('admin.invite')}>
        {inviting && <Invite onDone={refresh} />}
      </Drawer>
    </Stack>
  );
}
