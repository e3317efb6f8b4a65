import { Alert, Badge, Button, Group, Select, Stack, Table, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { organisationTypes } from '../../../../src/modules/access/permissions';
import type { organisationSchema } from '../../../../src/modules/access/schema';
import { api, send } from '../../api';
import { DivisionPicker } from '../../components/DivisionPicker';
import { has, useSession } from '../../session';

export type Organisation = z.infer<typeof organisationSchema>;
export const useOrganisations = () =>
  useQuery({ queryKey: ['admin', 'orgs'], queryFn: () => api<Organisation[]>('/api/admin/organisations') });

/** Organisations in my jurisdiction; administrators create and deactivate them. */
export function Organisations() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const qc = useQueryClient();
  const orgs = useOrganisations();
  const [name, setName] = useState('');
  const [type, setType] = useState<string | null>('NGO');
  const [code, setCode] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => send('/api/admin/organisations', { name, type, division: { country: 'EC', code } }),
    onSuccess: () => {
      setName('');
      return qc.invalidateQueries({ queryKey: ['admin', 'orgs'] });
    },
  });
  const toggle = useMutation({
    mutationFn: (o: Organisation) => send(`/api/admin/organisations/${o.id}`, { active: !o.active }, 'PATCH'),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'orgs'] }),
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
