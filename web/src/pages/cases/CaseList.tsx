import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { htcds } from '../../../../src/modules/cases/vocabulary';
import { type ApiBody, client, ok } from '../../api';
import { caseKeys } from '../../api/keys';
import { DivisionPicker } from '../../components/DivisionPicker';
import { WideTable } from '../../components/WideTable';
import { has, useSession } from '../../session';

// The filters are the schema's own values, read back from the address.
type Search = ApiBody<'/api/cases/search'>;

/** Cases in my jurisdiction: filters, search by code or (phonetic) name, and cursor paging. */
export function CaseList() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const [f, setF] = useState({
    status: null as string | null,
    division: null as string | null,
    minor: false,
    mine: false,
    overdue: false,
    traffickingStatus: null as string | null,
    exploitation: null as string | null,
    search: '',
  });
  const [search] = useDebouncedValue(f.search.trim(), 300);
  const params = new URLSearchParams();
  if (f.status) params.set('status', f.status);
  if (f.division) params.set('division', f.division);
  if (f.minor) params.set('minor', 'true');
  if (f.mine) params.set('mine', 'true');
  if (f.overdue) params.set('overdue', 'true');
  if (f.traffickingStatus) params.set('traffickingStatus', f.traffickingStatus);
  if (f.exploitation) params.set('exploitation', f.exploitation);
  if (/^[A-Za-z]{3}-\d{4}-\d{4}$/.test(search)) params.set('code', search);
  const name = !params.has('code') && search.length >= 2 ? search : undefined;
  const list = useInfiniteQuery({
    queryKey: caseKeys.search(params.toString(), name ?? ''),
    // A name is searched in the request body, so it never lands in a URL, a log or the browser history.
    queryFn: ({ pageParam }) =>
      ok(
        client.POST('/api/cases/search', {
          body: {
            ...(Object.fromEntries(params) as Search),
            ...(name ? { name } : {}),
            ...(pageParam ? { after: pageParam } : {}),
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const opts = (field: keyof typeof htcds) => htcds[field].map((v) => ({ value: v, label: t(`htcds.${field}.${v}`) }));
  // On a phone the list is a column of cards and the filters wait behind a button, so the cases come first.
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const [filtersOpen, filters] = useDisclosure(false);
  const active = [f.status, f.division, f.traffickingStatus, f.exploitation, f.minor, f.mine, f.overdue].filter(
    Boolean,
  ).length;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('nav.cases')}</Title>
        {has(session, 'cases:write') && (
          <Button component={Link} to="/cases/new">
            {t('cases.new')}
          </Button>
        )}
      </Group>
      <TextInput
        label={t('cases.search')}
        value={f.search}
        onChange={(e) => setF({ ...f, search: e.currentTarget.value })}
        maw={phone ? undefined : 320}
      />
      {phone && (
        <Button variant="light" w="fit-content" onClick={filters.toggle} aria-expanded={filtersOpen}>
          {t('cases.filters')}
          {active > 0 && ` (${active})`}
        </Button>
      )}
      {(!phone || filtersOpen) && (
        <Stack>
          <Group align="end" wrap="wrap">
            <Select
              label={t('cases.status')}
              data={opts('cas_Status')}
              value={f.status}
              onChange={(v) => setF({ ...f, status: v })}
              clearable
            />
            <DivisionPicker label={t('cases.place')} value={f.division} onChange={(v) => setF({ ...f, division: v })} />
            <Select
              label={t('cases.traffickingStatus')}
              data={opts('vic_TraffickingStatus')}
              value={f.traffickingStatus}
              onChange={(v) => setF({ ...f, traffickingStatus: v })}
              clearable
            />
            <Select
              label={t('cases.exploitation')}
              data={opts('vic_TypeOfExploitation')}
              value={f.exploitation}
              onChange={(v) => setF({ ...f, exploitation: v })}
              clearable
            />
          </Group>
          <Group>
            <Checkbox
              label={t('cases.minor')}
              checked={f.minor}
              onChange={(e) => setF({ ...f, minor: e.currentTarget.checked })}
            />
            <Checkbox
              label={t('cases.mine')}
              checked={f.mine}
              onChange={(e) => setF({ ...f, mine: e.currentTarget.checked })}
            />
            <Checkbox
              label={t('cases.overdue')}
              checked={f.overdue}
              onChange={(e) => setF({ ...f, overdue: e.currentTarget.checked })}
            />
          </Group>
        </Stack>
      )}
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      {list.isSuccess && items.length === 0 && <Text>{t('cases.empty')}</Text>}
      {phone &&
        items.map((c) => (
          <Card key={c.id} withBorder padding="sm" component="article" aria-labelledby={`case-${c.id}`}>
            <Group justify="space-between" wrap="nowrap">
              <Link to={`/cases/${c.id}`} id={`case-${c.id}`}>
                {c.code}
              </Link>
              {c.overdueTasks > 0 && <Badge color="red">{t('cases.overdueTasks', { count: c.overdueTasks })}</Badge>}
            </Group>
            <Text fw={600}>
              {c.name} {c.isMinor && <Badge color="orange">{t('cases.minor')}</Badge>}
            </Text>
            <Text size="sm">{c.division.label}</Text>
            <Text size="sm">
              {t(`htcds.cas_Status.${c.status}`)} · {t(`htcds.local_CaseStage.${c.stage}`)}
            </Text>
          </Card>
        ))}
      {!phone && items.length > 0 && (
        <WideTable minWidth={600}>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cases.code')}</Table.Th>
                <Table.Th>{t('cases.name')}</Table.Th>
                <Table.Th>{t('cases.place')}</Table.Th>
                <Table.Th>{t('cases.status')}</Table.Th>
                <Table.Th>{t('cases.tasks')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Link to={`/cases/${c.id}`}>{c.code}</Link>
                  </Table.Td>
                  <Table.Td>
                    {c.name} {c.isMinor && <Badge color="orange">{t('cases.minor')}</Badge>}
                  </Table.Td>
                  <Table.Td>{c.division.label}</Table.Td>
                  <Table.Td>
                    {t(`htcds.cas_Status.${c.status}`)} · {t(`htcds.local_CaseStage.${c.stage}`)}
                  </Table.Td>
                  <Table.Td>
                    {c.overdueTasks > 0 ? (
                      <Badge color="red">{t('cases.overdueTasks', { count: c.overdueTasks })}</Badge>
                    ) : (
                      c.openTasks
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </WideTable>
      )}
      {list.hasNextPage && (
        <Button variant="light" w="fit-content" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('cases.more')}
        </Button>
      )}
    </Stack>
  );
}
