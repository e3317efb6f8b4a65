import { Alert, Badge, Button, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../api';
import { fieldKeys } from '../../api/keys';
import { WideTable } from '../../components/WideTable';
import { formatDateTime } from '../../format';

const stateColour = { active: 'teal', revoked: 'orange', erased: 'gray' } as const;

/**
 * Devices that keep an offline copy: the person's own (on their account page) or every device (administrators).
 * Revoking one makes it erase its copy at its next contact with the server; the list then shows it erased.
 */
export function Devices({ everyone = false }: { everyone?: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: fieldKeys.devices(), queryFn: () => ok(client.GET('/api/field/devices')) });
  const revoke = useMutation({
    mutationFn: (id: string) => ok(client.POST('/api/field/devices/{id}/revoke', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: fieldKeys.devices() }),
  });
  const rows = (list.data ?? []).filter((d) => everyone || d.own);
  if (list.data && !rows.length)
    return (
      <Text size="sm" c="dimmed">
        {t('field.noDevices')}
      </Text>
    );
  return (
    <>
      {revoke.error && (
        <Alert color="red" role="alert">
          {revoke.error.message}
        </Alert>
      )}
      <WideTable minWidth={640}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('field.deviceName')}</Table.Th>
              {everyone && <Table.Th>{t('field.devicePerson')}</Table.Th>}
              <Table.Th>{t('field.lastContact')}</Table.Th>
              <Table.Th>{t('field.casesHeld')}</Table.Th>
              <Table.Th>{t('field.deviceState')}</Table.Th>
              <Table.Th>{t('field.deviceAction')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.name}</Table.Td>
                {everyone && <Table.Td>{d.userName}</Table.Td>}
                <Table.Td>{formatDateTime(d.lastSeenAt)}</Table.Td>
                <Table.Td>{d.casesHeld}</Table.Td>
                <Table.Td>
                  <Badge color={stateColour[d.state]}>{t(`field.deviceStates.${d.state}`)}</Badge>
                </Table.Td>
                <Table.Td>
                  {d.state === 'active' && (
                    <Button
                      size="compact-sm"
                      color="red"
                      variant="light"
                      loading={revoke.isPending && revoke.variables === d.id}
                      onClick={() => revoke.mutate(d.id)}
                    >
                      {t('field.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </WideTable>
      <Text size="xs" c="dimmed">
        {t('field.revokeHelp')}
      </Text>
    </>
  );
}
