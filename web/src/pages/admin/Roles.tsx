import { Alert, Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Permission, permissions } from '../../../../src/modules/access/vocabulary';
import { type ApiResponse, client, ok } from '../../api';
import { adminKeys } from '../../api/keys';
import { WideTable } from '../../components/WideTable';
import { has, useSession } from '../../session';

export type Role = ApiResponse<'/api/admin/roles'>[number];
export const useRoles = () =>
  useQuery({ queryKey: adminKeys.roles(), queryFn: () => ok(client.GET('/api/admin/roles')) });

/** Roles are data: a permission grid per role, saved one role at a time. */
export function Roles() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const qc = useQueryClient();
  const roles = useRoles();
  const [draft, setDraft] = useState<Record<string, Permission[]>>({});
  const editable = has(session, 'roles:manage');
  const save = useMutation({
    mutationFn: (key: string) =>
      ok(client.PUT('/api/admin/roles/{key}', { params: { path: { key } }, body: { permissions: draft[key] ?? [] } })),
    onSuccess: (_r, key) => {
      setDraft(({ [key]: _done, ...rest }) => rest);
      return qc.invalidateQueries({ queryKey: adminKeys.roles() });
    },
  });
  const current = (r: Role) => draft[r.key] ?? permissions.filter((p) => r.permissions.includes(p));
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('admin.rolesHint')}
      </Text>
      {save.error && <Alert color="red">{save.error.message}</Alert>}
      <WideTable minWidth={900}>
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
      </WideTable>
    </Stack>
  );
}
