import { Alert, Anchor, Breadcrumbs, Button, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ApiResponse, client, ok } from '../../api';
import { geoKeys } from '../../api/keys';

type Division = ApiResponse<'/api/geo/divisions/{country}/{code}/children'>[number];

const divisionPath = (d: Pick<Division, 'country' | 'code' | 'level'>) =>
  d.level === 0 ? `/geo/${d.country}` : `/geo/${d.country}/${d.code}`;

function DivisionTable({ rows }: { rows: Division[] }) {
  const { t } = useTranslation();
  return (
    <Table striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('geo.code')}</Table.Th>
          <Table.Th>{t('geo.name')}</Table.Th>
          <Table.Th>{t('geo.level')}</Table.Th>
          <Table.Th>{t('geo.boundary')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((d) => (
          <Table.Tr key={`${d.country}-${d.code}`}>
            <Table.Td>{d.code}</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={divisionPath(d)}>
                {d.label}
              </Anchor>
            </Table.Td>
            <Table.Td>{t(`geo.levels.${d.level}`)}</Table.Td>
            <Table.Td>{d.hasBoundary ? t('geo.hasBoundary') : t('geo.noBoundary')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function QueryState({ q }: { q: { isPending: boolean; error: Error | null; refetch: () => unknown } }) {
  const { t } = useTranslation();
  if (q.isPending) return <Loader aria-label={t('app.loading')} size="sm" />;
  if (q.error)
    return (
      <Alert color="red" role="alert">
        {t('app.error', { message: q.error.message })}{' '}
        <Button size="xs" variant="subtle" onClick={() => q.refetch()}>
          {t('app.retry')}
        </Button>
      </Alert>
    );
  return null;
}

/** Browse countries → provinces → cantons → parishes, and search by name ignoring accents. */
export function Geography() {
  const { t, i18n } = useTranslation();
  const { country, code } = useParams();
  const [search, setSearch] = useState('');
  const [term] = useDebouncedValue(search.trim(), 250);

  const countries = useQuery({
    queryKey: geoKeys.countries(),
    queryFn: () => ok(client.GET('/api/geo/countries')),
    enabled: !country,
  });
  const detail = useQuery({
    queryKey: geoKeys.division(country, code ?? country),
    queryFn: () =>
      ok(
        client.GET('/api/geo/divisions/{country}/{code}', {
          params: { path: { country: country ?? '', code: code ?? country ?? '' } },
        }),
      ),
    enabled: Boolean(country),
  });
  const children = useQuery({
    queryKey: geoKeys.children(country, code ?? country),
    queryFn: () =>
      ok(
        client.GET('/api/geo/divisions/{country}/{code}/children', {
          params: { path: { country: country ?? '', code: code ?? country ?? '' } },
        }),
      ),
    enabled: Boolean(country),
  });
  const found = useQuery({
    queryKey: geoKeys.search(term, i18n.language),
    queryFn: () =>
      ok(client.GET('/api/geo/search', { params: { query: { q: term, ...(country ? { country } : {}) } } })),
    enabled: term.length >= 2,
  });

  const crumbs = detail.data ? [...detail.data.ancestors, detail.data] : [];
  return (
    <Stack maw={960}>
      <Title order={1}>{t('geo.title')}</Title>
      <Text c="dimmed">{t('geo.intro')}</Text>
      <TextInput
        label={t('geo.search')}
        placeholder={t('geo.searchPlaceholder')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        type="search"
      />
      {term.length >= 2 ? (
        <>
          <QueryState q={found} />
          {found.data && (found.data.length ? <DivisionTable rows={found.data} /> : <Text>{t('geo.noResults')}</Text>)}
        </>
      ) : !country ? (
        <>
          <QueryState q={countries} />
          {countries.data && (
            <Table>
              <Table.Tbody>
                {countries.data.map((c) => (
                  <Table.Tr key={c.code}>
                    <Table.Td>
                      <Anchor component={Link} to={`/geo/${c.code}`}>
                        {c.label}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {[1, 2, 3].map((l) => `${t(`geo.levels.${l}`)}: ${c.counts[`level${l}`] ?? 0}`).join(' · ')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      ) : (
        <>
          <Breadcrumbs>
            <Anchor component={Link} to="/geo">
              {t('geo.breadcrumbRoot')}
            </Anchor>
            {crumbs.map((d) => (
              <Anchor key={d.code} component={Link} to={divisionPath(d)}>
                {d.label}
              </Anchor>
            ))}
          </Breadcrumbs>
          {detail.data && (
            <Title order={2} size="h3">
              {detail.data.label} · {t(`geo.levels.${detail.data.level}`)} · {detail.data.code}
            </Title>
          )}
          <QueryState q={detail} />
          <QueryState q={children} />
          {children.data &&
            (children.data.length ? <DivisionTable rows={children.data} /> : <Text>{t('geo.empty')}</Text>)}
        </>
      )}
    </Stack>
  );
}
