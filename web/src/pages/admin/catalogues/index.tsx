import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CatalogueList, catalogueLists, readByKey } from '../../../../../src/modules/catalogues/vocabulary';
import { client, ok } from '../../../api';
import { EnumSelect } from '../../../components/EnumSelect';
import { WideTable } from '../../../components/WideTable';
import { DataSummary } from './data';
import { type Entry, EntryForm } from './EntryForm';

const p = 'admin.catalogues';

/**
 * The legal catalogues: pick a list, see its entries with their legal source and numbers, add one or change one.
 * Entries are never deleted: an administrator retires one (old records keep its label).
 */
export function Catalogues() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [list, setList] = useState<CatalogueList>('measure_type');
  const [editing, setEditing] = useState<Entry | 'new' | null>(null);
  const key = ['catalogues', list, i18n.language] as const;
  const q = useQuery({
    queryKey: key,
    queryFn: () => ok(client.GET('/api/catalogues/{list}', { params: { path: { list } } })),
  });
  const nextOrder =
    (q.data ?? []).reduce((m, e) => Math.max(m, Number((e.data as { order?: number }).order ?? 0)), 0) + 1;
  const done = () => {
    setEditing(null);
    void qc.invalidateQueries({ queryKey: ['catalogues'] });
  };
  return (
    <Stack maw={1000}>
      <Text>{t(`${p}.intro`)}</Text>
      <Group align="end" wrap="wrap">
        <EnumSelect
          label={t(`${p}.list`)}
          values={catalogueLists}
          prefix={`${p}.lists`}
          value={list}
          onChange={(v) => v && setList(v as CatalogueList)}
          miw={240}
          maw="100%"
        />
        {/* Lists Minka reads by key take no new entries (the server refuses them too). */}
        {!readByKey.includes(list) && <Button onClick={() => setEditing('new')}>{t(`${p}.add`)}</Button>}
      </Group>
      <Text size="sm" c="dimmed">
        {t(`${p}.drives.${list}`)}
      </Text>
      {q.error && <Alert color="red">{q.error.message}</Alert>}
      {q.data && !q.data.length && <Text c="dimmed">{t(`${p}.none`)}</Text>}
      {q.data && q.data.length > 0 && (
        <WideTable minWidth={720}>
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`${p}.columns.label`)}</Table.Th>
                <Table.Th>{t(`${p}.columns.source`)}</Table.Th>
                <Table.Th>{t(`${p}.columns.values`)}</Table.Th>
                <Table.Th>{t(`${p}.columns.status`)}</Table.Th>
                <Table.Th>{t(`${p}.columns.actions`)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.map((e) => (
                <Table.Tr key={e.key}>
                  <Table.Td>{e.label}</Table.Td>
                  <Table.Td>{e.source}</Table.Td>
                  <Table.Td>
                    <DataSummary list={list} data={e.data} />
                  </Table.Td>
                  <Table.Td>
                    <Badge color={e.active ? 'green' : 'gray'} variant="light">
                      {e.active ? t(`${p}.active`) : t(`${p}.inactive`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => setEditing(e)}
                      aria-label={t(`${p}.editOne`, { label: e.label })}
                    >
                      {t(`${p}.edit`)}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </WideTable>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing === 'new'
            ? t(`${p}.addTitle`, { list: t(`${p}.lists.${list}`) })
            : editing
              ? t(`${p}.editOne`, { label: editing.label })
              : ''
        }
        size="lg"
        closeButtonProps={{ 'aria-label': t(`${p}.cancel`) }}
      >
        {editing && (
          <EntryForm
            key={editing === 'new' ? `new-${list}` : editing.key}
            list={list}
            entry={editing === 'new' ? undefined : editing}
            nextOrder={nextOrder}
            onDone={done}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
