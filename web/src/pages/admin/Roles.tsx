import { Alert, Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { permissions } from '../../../../src/modules/access/permissions';
import type { roleSchema } from '../../../../src/modules/access/schema';
import { api, send } from '../../api';
import { has, useSession } from '../../session';

export type Role = z.infer<typeof roleSchema>;
export const useRoles = () =>
  useQuery({ queryKey: ['admin', 'roles'], queryFn: () => api<Role[]>('/api/admin/roles') });

/** Roles are data: a permission grid per role, saved one role at a time. */
export function Roles() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const qc = useQueryClient();
  const roles = useRoles();
  const [draft, setDraft] = useState<Record<string, string[]>>({});
  const editable = has(session, 'roles:manage');
  const save = useMutation({
    mutationFn: (key: string) => send(`/api/admin/roles/${key}`, { permissions: draft[key] }, 'PUT'),
    onSuccess: (_r, key) => {
      setDraft(({ [key]: _done, ...rest }) => rest);
      return qc.invalidateQueries({ queryKey: ['admin', 'roles'] });
    },
  });
  const current = (r: Role) => draft[r.key] ?? r.permissions;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('admin.rolesHint')}
      </Text>
      {save.error && <Alert color="red">{save.error.message}</Alert>}
      <Table.ScrollContainer minWidth={900}>
        <Table withColumnBorders fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.permission')}</Table.Th>
              {roles.data?.map((r) => (
                <Table.Th key={r.key}>
                  <Stack gap={2}>
                    <Text size="xs" fw={700}>
                      {r.label ?? t(`roles.${r.key}`, { defaultValue: r.key })}
                    </Text>
                    {r.requiresSecondFactor && <Badge size="xs">{t('admin.twoFactor')}</Badge>}
                    {draft[r.key] && (
                      <Button size="compact-xs" onClick={() => save.mutate(r.key)}>
                        {t('admin.save')}
                      </Button>
                    )}
                  </Stack>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {permissions.map((p) => (
              <Table.Tr key={p}>
                <Table.Td>{t(`permissions.${p}`)}</Table.Td>
                {roles.data?.map((r) => (
                  <Table.Td key={r.key}>
                    <Group justify="center">
                      <Checkbox
                        aria-label={`${r.key} ${p}`}
                        checked={current(r).includes(p)}
                        disabled={!editable}
                        onChange={(e) => {
                          const on = e.currentTarget.checked;
                          setDraft((d) => ({
                            ...d,
                            [r.key]: on ? [...current(r), p] : current(r).filter((x) => x !== p),
                          }));
                        }}
                      />
                    </Group>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
