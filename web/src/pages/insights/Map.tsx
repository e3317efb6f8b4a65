import { Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../api';
import { geoKeys } from '../../api/keys';
import { formatNumber } from '../../format';
import { ChartCard, DataTable } from './Chart';
import { byValue, colors, hatch, tooltip } from './charts';
import { type EChartsOption, echarts } from './echarts';
import { splitOutliers } from './geometry';
import type { Dashboard, Row } from './types';

interface Area {
  name: string;
  label: string;
  text: string;
  note: string;
  value: number;
  itemStyle?: object;
}

function mapOption(name: string, rows: Row[], k: number, note: string, labels: Map<string, string>): EChartsOption {
  const published = rows.filter((r) => !r.suppressed && r.value !== null).map((r) => r.value as number);
  const max = Math.max(k, ...published);
  const data: Area[] = rows.map((r) =>
    r.suppressed || r.value === null
      ? {
          name: r.key,
          label: r.label,
          text: `< ${k}`,
          note,
          value: Number.NaN,
          itemStyle: { areaColor: colors.suppressed, decal: hatch },
        }
      : { name: r.key, label: r.label, text: formatNumber(r.value), note: '', value: r.value },
  );
  return {
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { name: string; data?: Partial<Area> }) =>
        tooltip(p.data?.label ?? labels.get(p.name) ?? p.name, p.data?.text ? p.data : { text: '—' }),
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      left: 0,
      bottom: 0,
      itemHeight: 100,
      calculable: false,
      text: [formatNumber(max), '0'],
      inRange: { color: ['#d0ebff', '#1864ab'] },
      seriesIndex: 0,
    },
    series: [
      {
        type: 'map',
        map: name,
        nameProperty: 'code',
        roam: false,
        selectedMode: false,
        top: 8,
        bottom: 8,
        left: 72,
        right: 8,
        itemStyle: { areaColor: colors.empty, borderColor: '#868e96', borderWidth: 0.6 },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffd43b' } },
        label: {
          show: rows.length <= 30,
          fontSize: 10,
          lineHeight: 12,
          color: '#212529',
          textBorderColor: '#fff',
          textBorderWidth: 2,
          formatter: (p: { data?: Partial<Area> }) => (p.data?.text ? `${p.data.label}\n${p.data.text}` : ''),
        },
        data,
      },
    ],
  } as EChartsOption;
}

/**
 * Choropleth of cantons from the imported boundaries (registered with ECharts, no tile server); without
 * boundaries, the same figures as a ranked table.
 */
export function CantonMap({
  data,
  province,
  ready,
  note,
  file,
}: {
  data: Dashboard;
  province: string | null;
  /** False while the province is not known yet (no boundaries are fetched meanwhile). */
  ready: boolean;
  note: string;
  file: string;
}) {
  const { t } = useTranslation();
  const { country } = data.map;
  const query = province ? `parent=${encodeURIComponent(province)}` : 'level=2';
  const boundaries = useQuery({
    queryKey: geoKeys.boundaries(country, query),
    queryFn: () =>
      ok(
        client.GET('/api/geo/boundaries/{country}', {
          params: { path: { country }, query: province ? { parent: province } : { level: 2 } },
        }),
      ),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: ready,
  });
  const rows: Row[] = useMemo(
    () =>
      byValue(
        data.map.areas.map((a) => ({ ...a, key: a.code })),
        '',
      ),
    [data.map.areas],
  );
  const features = boundaries.data?.features ?? [];
  const name = `minka-${country}-${province ?? 'all'}`;
  const { option, apart } = useMemo(() => {
    if (!features.length) return { option: null, apart: [] };
    const { shown, apart } = splitOutliers(features);
    echarts.registerMap(name, { type: 'FeatureCollection', features: shown } as never);
    const labels = new Map(features.map((f) => [f.properties.code, f.properties.label]));
    return { option: mapOption(name, rows, data.k, note, labels), apart: apart.map((f) => f.properties.label) };
  }, [features, name, rows, data.k, note]);
  const title = t('insights.map.title');
  const caption = [
    t('insights.map.caption', { k: data.k }),
    apart.length ? t('insights.map.apart', { names: apart.join(', ') }) : '',
  ].join(' ');
  return (
    <ChartCard
      level={2}
      id="map"
      title={title}
      caption={option ? caption : undefined}
      rows={rows}
      k={data.k}
      option={option}
      height={460}
      file={file}
    >
      {boundaries.isPending && <Skeleton height={300} />}
      {!boundaries.isPending && !option && (
        <>
          <Text size="sm" c="dimmed">
            {t('insights.map.noBoundaries')}
          </Text>
          {rows.length ? (
            <DataTable rows={rows} k={data.k} head={[t('insights.map.canton'), t('insights.people')]} />
          ) : (
            <Text size="sm">{t('insights.map.noAreas')}</Text>
          )}
        </>
      )}
    </ChartCard>
  );
}
