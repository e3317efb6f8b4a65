import { Alert, Badge, Button, Group, Select, Stack, Table, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationTypes } from '../../../../src/modules/access/vocabulary';
import { type ApiBody, type ApiResponse, client, ok } from '../../api';
import { adminKeys } from '../../api/keys';
import { DivisionPicker } from '../../components/DivisionPicker';
import { has, useSession } from '../../session';

export type Organisation = ApiResponse<'/api/admin/organisations'>[number];
type OrgType = ApiBody<'/api/admin/organisations'>['type'];
export const useOrganisations = () =>
  useQuery({ queryKey: adminKeys.organisations(), queryFn: () => ok(client.GET('/api/admin/organisations')) });

/** Organisations in my jurisdiction; administrators create and deactivate them. */
export function Organisations() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const qc = useQueryClient();
  const orgs = useOrganisations();
  const [name, setName] = useState('');
  const [type, setType] = useState<OrgType | null>('NGO');
  const [code, setCode] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      ok(
        client.POST('/api/admin/organisations', {
          body: { name, type: type ?? 'NGO', division: { country: 'EC', code: code ?? '' } },
        }),
      ),
    onSuccess: () => {
      setName('');
      return qc.invalidateQueries({ queryKey: adminKeys.organisations() });
    },
  });
  const toggle = useMutation({
    mutationFn: (o: Organisation) =>
      ok(
        client.PATCH('/api/admin/organisations/{id}', { params: { path: { id: o.id } }, body: { active: !o.active } }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.organisations() }),
  });
  return (
    <Stack>
      {has(session, 'organisations:manage') && (
        <Group align="end" wrap="wrap">
          <TextInput label={t('admin.orgName')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Select
            label={t('admin.orgType')}
            data={organisationTypes.map((v) => ({ value: v, label: t(`orgTypes.${v}`) }))}
            value={type}
            onChange={setType}
          />
          <DivisionPicker label={t('admin.division')} value={code} onChange={setCode} />
          <Button
            onClick={() => create.mutate()}
            disabled={name.trim().length < 2 || !code || !type}
            loading={create.isPending}
          >
            {t('admin.create')}
          </Button>
        </Group>
      )}
      {(create.error || toggle.error) && <Alert color="red">{(create.error ?? toggle.error)?.message}</Alert>}
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.orgName')}</Table.Th>
            <Table.Th>{t('admin.orgType')}</Table.Th>
            <Table.Th>{t('admin.division')}</Table.Th>
            <Table.Th>{t('admin.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orgs.data?.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>{o.name}</Table.Td>
              <Table.Td>{t(`orgTypes.${o.type}`)}</Table.Td>
              <Table.Td>{o.division.code}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Badge color={o.active ? 'green' : 'gray'}>
                    {o.active ? t('admin.active') : t('admin.inactive')}
                  </Badge>
                  {o.abilities.update && (
                    <Button size="compact-xs" variant="subtle" onClick={() => toggle.mutate(o)}>
                      {o.active ? t('admin.deactivate') : t('admin.activate')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
