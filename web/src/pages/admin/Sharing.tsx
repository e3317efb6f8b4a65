import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseSections } from '../../../../src/modules/cases/vocabulary';
import { type ApiBody, client, ok } from '../../api';
import { DivisionPicker } from '../../components/DivisionPicker';
import { formatDate } from '../../format';
import { useOrganisations } from './Organisations';

type Body = ApiBody<'/api/admin/sharing-agreements'>;
const key = ['admin', 'sharing-agreements'] as const;
const stateColour = { running: 'teal.9', upcoming: 'blue.9', ended: 'gray.7' } as const;

/**
 * Data-sharing agreements: one organisation opens the sections named of the cases it owns in a place to another,
 * between two dates. Administrators record and end them; both are in the audit trail.
 */
export function Sharing() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const orgs = useOrganisations();
  const list = useQuery({ queryKey: key, queryFn: () => ok(client.GET('/api/admin/sharing-agreements')) });
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [sections, setSections] = useState<string[]>([]);
  const [place, setPlace] = useState<string | null>(null);
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [basis, setBasis] = useState('');
  const create = useMutation({
    mutationFn: () =>
      ok(
        client.POST('/api/admin/sharing-agreements', {
          body: {
            fromOrgId: from ?? '',
            toOrgId: to ?? '',
            sections: sections as Body['sections'],
            places: place ? [place] : [],
            startsOn,
            endsOn,
            legalBasis: basis,
          },
        }),
      ),
    onSuccess: () => {
      setSections([]);
      setBasis('');
      return qc.invalidateQueries({ queryKey: key });
    },
  });
  const end = useMutation({
    mutationFn: (id: string) => ok(client.POST('/api/admin/sharing-agreements/{id}/end', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
  const orgOptions = (orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  const ready =
    from && to && from !== to && sections.length && place && startsOn && endsOn > startsOn && basis.trim().length >= 3;
  return (
    <Stack>
      <Text size="sm">{t('admin.sharing.intro')}</Text>
      <Group align="end" wrap="wrap">
        <Select label={t('admin.sharing.from')} data={orgOptions} value={from} onChange={setFrom} searchable />
        <Select label={t('admin.sharing.to')} data={orgOptions} value={to} onChange={setTo} searchable />
        <MultiSelect
          label={t('admin.sharing.sections')}
          data={caseSections.map((s) => ({ value: s, label: t(`cases.sections.${s}`) }))}
          value={sections}
          onChange={setSections}
          maw="100%"
        />
        <DivisionPicker label={t('admin.sharing.place')} value={place} onChange={setPlace} />
        <TextInput
          type="date"
          label={t('admin.sharing.startsOn')}
          value={startsOn}
          onChange={(e) => setStartsOn(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('admin.sharing.endsOn')}
          description={t('admin.sharing.endsOnHelp')}
          value={endsOn}
          onChange={(e) => setEndsOn(e.currentTarget.value)}
        />
      </Group>
      <Textarea
        label={t('admin.sharing.legalBasis')}
        value={basis}
        onChange={(e) => setBasis(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Button w="fit-content" onClick={() => create.mutate()} disabled={!ready} loading={create.isPending}>
        {t('admin.sharing.create')}
      </Button>
      {(create.error || end.error || list.error) && (
        <Alert color="red" role="alert">
          {(create.error ?? end.error ?? list.error)?.message}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={320}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.sharing.parties')}</Table.Th>
              <Table.Th>{t('admin.sharing.sections')}</Table.Th>
              <Table.Th>{t('admin.sharing.period')}</Table.Th>
              <Table.Th>{t('admin.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  {t('admin.sharing.fromTo', { from: a.fromOrg.name, to: a.toOrg.name })}
                  <Text size="xs" c="gray.7">
                    {a.places.map((p) => p.label).join(', ')} · {a.legalBasis}
                  </Text>
                </Table.Td>
                <Table.Td>{a.sections.map((s) => t(`cases.sections.${s}`)).join(', ')}</Table.Td>
                <Table.Td>
                  {formatDate(a.startsOn)} – {formatDate(a.endsOn)}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Badge variant="filled" color={stateColour[a.state]}>
                      {t(`admin.sharing.state.${a.state}`)}
                    </Badge>
                    {a.abilities.end && (
                      <Button size="compact-xs" variant="outline" color="red.9" onClick={() => end.mutate(a.id)}>
                        {t('admin.sharing.end')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.data?.length === 0 && <Text size="sm">{t('admin.sharing.empty')}</Text>}
    </Stack>
  );
}
