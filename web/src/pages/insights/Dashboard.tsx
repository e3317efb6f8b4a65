import { Alert, Anchor, Button, Group, Loader, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { client, ok } from '../../api';
import { insightKeys } from '../../api/keys';
import { formatDate } from '../../format';
import { has, useSession } from '../../session';
import { ChartCard, ImageFooter } from './Chart';
import { barHeight, barOption, byValue, columnOption } from './charts';
import { downloadCsv } from './csv';
import { Filters, useDivision, useFilters } from './Filters';
import { cellText, UNKNOWN, useLabels } from './labels';
import { CantonMap } from './Map';
import { ProtectionTable } from './Protection';
import { sections } from './rows';
import type { Dashboard as Data } from './types';

// Dimensions whose categories have a natural order, kept as the API sends them.
const ordered = new Set(['ageBand']);

function Figures({ data, file }: { data: Data; file: string }) {
  const { t } = useTranslation();
  const l = useLabels();
  const { k } = data;
  const note = t('insights.suppressedNote', { k });
  const all = useMemo(
    () => sections(data, l, t('insights.total'), (kind) => t(`insights.protection.kinds.${kind}`)),
    [data, l, t],
  );
  const rowsOf = (s: string) => all.find((x) => x.section === s)?.rows ?? [];
  const { series, routes, options } = useMemo(() => {
    const of = (s: string) => all.find((x) => x.section === s)?.rows ?? [];
    const series = of('series');
    // A route nobody took (an exact zero, shown only to case readers) is left out; a suppressed one stays.
    const routes = byValue(
      of('routes').filter((r) => r.suppressed || r.value !== 0),
      '',
    );
    const options = {
      series: series.length ? columnOption(series, k, note) : null,
      routes: routes.length ? barOption(routes, k, note) : null,
    };
    return { series, routes, options };
  }, [all, k, note]);
  const { province, ready, label: place } = useDivision(data.map.country, data.filters.division);
  const f = data.filters;
  const footer = [
    place ?? l.country(data.map.country),
    f.year ?? t('insights.filters.allYears'),
    t(f.minor === null ? 'insights.filters.everyone' : f.minor ? 'insights.filters.minors' : 'insights.filters.adults'),
    data.exact ? t('insights.imageExact') : t('insights.imageProtected', { k }),
    'Minka',
  ].join(' · ');
  const noData = <Text size="sm">{t('insights.noCells')}</Text>;
  return (
    <ImageFooter.Provider value={footer}>
      <Stack gap="md">
        <ChartCard
          level={2}
          id="series"
          title={t(data.series.unit === 'month' ? 'insights.series.byMonth' : 'insights.series.byYear')}
          caption={t('insights.series.caption')}
          rows={series}
          k={k}
          option={options.series}
          height={280}
          file={`${file}-series`}
        >
          {!series.length && noData}
        </ChartCard>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" style={{ alignItems: 'start' }}>
          <CantonMap data={data} province={province} ready={ready} note={note} file={`${file}-map`} />
          <ChartCard
            level={2}
            id="routes"
            title={t('insights.routes.title')}
            caption={t('insights.routes.caption')}
            rows={routes}
            k={k}
            option={options.routes}
            height={barHeight(routes.length)}
            file={`${file}-routes`}
          >
            {!routes.length && noData}
          </ChartCard>
          {data.breakdowns.map((b) => (
            <Breakdown
              key={b.dimension}
              dimension={b.dimension}
              multi={b.multi}
              rows={rowsOf(b.dimension)}
              k={k}
              file={file}
            />
          ))}
        </SimpleGrid>
        <ProtectionTable block={data.protection} k={k} file={file} />
        <Group>
          <Button variant="light" onClick={() => downloadCsv(`${file}.csv`, all, k)}>
            {t('insights.downloadAll')}
          </Button>
        </Group>
      </Stack>
    </ImageFooter.Provider>
  );
}

function Breakdown({
  dimension,
  multi,
  rows,
  k,
  file,
}: {
  dimension: Data['breakdowns'][number]['dimension'];
  multi: boolean;
  rows: ReturnType<typeof sections>[number]['rows'];
  k: number;
  file: string;
}) {
  const { t } = useTranslation();
  const note = t('insights.suppressedNote', { k });
  const sorted = useMemo(() => (ordered.has(dimension) ? rows : byValue(rows, UNKNOWN)), [dimension, rows]);
  const option = useMemo(() => (sorted.length ? barOption(sorted, k, note) : null), [sorted, k, note]);
  return (
    <ChartCard
      id={dimension}
      title={t(`insights.dimensions.${dimension}`)}
      caption={multi ? t('insights.multi') : undefined}
      rows={sorted}
      k={k}
      option={option}
      height={barHeight(sorted.length)}
      file={`${file}-${dimension}`}
    >
      {!sorted.length && <Text size="sm">{t('insights.noCells')}</Text>}
    </ChartCard>
  );
}

/** Figures on identified people under disclosure control: over time, by canton, route and profile, with filters. */
export function Dashboard() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const country = session?.user.scope.country ?? 'EC';
  const [filters, setFilters] = useFilters();
  const params = {
    ...(filters.year !== null ? { year: filters.year } : {}),
    ...(filters.division ? { division: filters.division } : {}),
    ...(filters.minor !== null ? { minor: filters.minor ? ('true' as const) : ('false' as const) } : {}),
  };
  const query = useQuery({
    queryKey: insightKeys.dashboard(filters),
    queryFn: () => ok(client.GET('/api/insights/dashboard', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const file = [
    'minka',
    filters.year ?? 'all',
    filters.division ?? country,
    filters.minor === null ? '' : filters.minor ? 'minors' : 'adults',
  ]
    .filter(Boolean)
    .join('-');
  const empty = data && !data.total.suppressed && !data.total.value;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={1}>{t('insights.title')}</Title>
          <Text c="dimmed">{t('insights.intro')}</Text>
        </Stack>
        <Group gap="md">
          {has(session, 'cases:read') && (
            <Anchor component={Link} to="/insights/htcds">
              {t('insights.links.htcds')}
            </Anchor>
          )}
          {has(session, 'insights:deidentified') && (
            <Anchor component={Link} to="/insights/open-data">
              {t('insights.links.openData')}
            </Anchor>
          )}
        </Group>
      </Group>
      <Filters
        country={country}
        scope={session?.user.scope.code ?? country}
        years={data?.years ?? []}
        values={{ ...filters, division: filters.division ?? data?.filters.division ?? null }}
        set={setFilters}
      />
      {data && (
        <Alert
          color={data.exact ? 'blue' : 'gray'}
          title={t(data.exact ? 'insights.disclosure.exactTitle' : 'insights.disclosure.title', { k: data.k })}
        >
          {t(data.exact ? 'insights.disclosure.exact' : 'insights.disclosure.body', { k: data.k })}
          {data.asOf && (
            <Text size="sm" mt="xs">
              {t('insights.disclosure.asOf', {
                date: formatDate(new Date(Date.parse(data.asOf) - 43_200_000).toISOString()),
              })}
            </Text>
          )}
        </Alert>
      )}
      {query.isPending && (
        <Stack gap="md" aria-busy="true" aria-label={t('app.loading')}>
          <Skeleton height={60} />
          <Skeleton height={280} />
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Skeleton height={320} />
            <Skeleton height={320} />
          </SimpleGrid>
        </Stack>
      )}
      {query.error && (
        <Alert color="red" role="alert">
          {t('app.error', { message: query.error.message })}{' '}
          <Button size="xs" variant="subtle" onClick={() => query.refetch()}>
            {t('app.retry')}
          </Button>
        </Alert>
      )}
      {data && (
        <Group gap="sm" align="baseline">
          <Text size="xl" fw={700} data-testid="insights-total">
            {cellText(data.total, data.k)}
          </Text>
          <Text>{t('insights.totalLine')}</Text>
          {query.isFetching && <Loader size="xs" aria-label={t('app.loading')} />}
        </Group>
      )}
      {empty && (
        <Alert color="yellow" title={t('insights.empty.title')}>
          {t('insights.empty.body')}
        </Alert>
      )}
      {data?.total.suppressed && (
        <Alert color="yellow" title={t('insights.allSuppressed.title', { k: data.k })}>
          {t('insights.allSuppressed.body', { k: data.k })}
        </Alert>
      )}
      {data && !empty && !data.total.suppressed && <Figures data={data} file={file} />}
    </Stack>
  );
}
