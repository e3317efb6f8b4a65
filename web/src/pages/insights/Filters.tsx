import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type ApiResponse, client, ok } from '../../api';
import { geoKeys } from '../../api/keys';

type Division = ApiResponse<'/api/geo/divisions/{country}'>[number];

export interface FilterValues {
  year: number | null;
  division: string | null;
  minor: boolean | null;
}

/** The dashboard's filters, kept in the address (year, division code, minor: never personal data). */
export function useFilters(): [FilterValues, (patch: Partial<FilterValues>) => void] {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year'));
  const division = params.get('division');
  const minor = params.get('minor');
  const values: FilterValues = {
    year: Number.isInteger(year) && year > 0 ? year : null,
    division: division && /^[A-Za-z0-9._-]{1,32}$/.test(division) ? division : null,
    minor: minor === 'true' ? true : minor === 'false' ? false : null,
  };
  const set = (patch: Partial<FilterValues>) => {
    const next = { ...values, ...patch };
    const p = new URLSearchParams();
    if (next.year !== null) p.set('year', String(next.year));
    if (next.division) p.set('division', next.division);
    if (next.minor !== null) p.set('minor', String(next.minor));
    setParams(p, { replace: true });
  };
  return [values, set];
}

/** The province and canton a division code stands for (a parish counts as its canton). */
export function useDivision(country: string, code: string | null) {
  const detail = useQuery({
    queryKey: geoKeys.division(country, code ?? undefined),
    queryFn: () =>
      ok(client.GET('/api/geo/divisions/{country}/{code}', { params: { path: { country, code: code ?? '' } } })),
    enabled: Boolean(code),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const d = detail.data;
  const chain = d ? [...d.ancestors, d] : [];
  return {
    province: chain.find((x) => x.level === 1)?.code ?? null,
    canton: chain.find((x) => x.level === 2)?.code ?? null,
    label: d?.label ?? null,
    /** False while the division is still being looked up. */
    ready: !code || Boolean(d) || detail.isError,
  };
}

/**
 * Period, province then canton, and minors or adults. A viewer whose jurisdiction is a province or a canton
 * chooses only inside it (the API answers nothing outside), so those choices are fixed.
 */
export function Filters({
  country,
  scope,
  years,
  values,
  set,
}: {
  country: string;
  scope: string;
  years: number[];
  values: FilterValues;
  set: (patch: Partial<FilterValues>) => void;
}) {
  const { t } = useTranslation();
  const { province, canton } = useDivision(country, values.division);
  const own = useDivision(country, scope === country ? null : scope);
  // On a phone the three age choices do not fit side by side.
  const narrow = useMediaQuery('(max-width: 36em)');
  const provinces = useQuery({
    queryKey: geoKeys.children(country, country),
    queryFn: () => ok(client.GET('/api/geo/divisions/{country}', { params: { path: { country } } })),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const cantons = useQuery({
    queryKey: geoKeys.children(country, province ?? undefined),
    queryFn: () =>
      ok(
        client.GET('/api/geo/divisions/{country}/{code}/children', {
          params: { path: { country, code: province ?? '' } },
        }),
      ),
    enabled: Boolean(province),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const yearOptions = [...new Set([...years, ...(values.year ? [values.year] : [])])].sort((a, b) => b - a);
  const option = (d: Division) => ({ value: d.code, label: d.label });
  return (
    <Stack gap={4}>
      <Group gap="md" align="flex-end" wrap="wrap">
        <Select
          label={t('insights.filters.period')}
          w={160}
          data={[
            { value: '', label: t('insights.filters.allYears') },
            ...yearOptions.map((y) => ({ value: String(y), label: String(y) })),
          ]}
          value={values.year ? String(values.year) : ''}
          onChange={(v) => set({ year: v ? Number(v) : null })}
          allowDeselect={false}
        />
        <Select
          label={t('insights.filters.province')}
          w={200}
          placeholder={t('insights.filters.wholeCountry')}
          data={(provinces.data ?? []).filter((d) => !own.province || d.code === own.province).map(option)}
          value={province}
          onChange={(v) => set({ division: v })}
          disabled={Boolean(own.province)}
          clearable
          searchable
        />
        <Select
          label={t('insights.filters.canton')}
          w={200}
          placeholder={t('insights.filters.allCantons')}
          data={(cantons.data ?? []).filter((d) => !own.canton || d.code === own.canton).map(option)}
          value={canton}
          onChange={(v) => set({ division: v ?? province })}
          disabled={!province || Boolean(own.canton)}
          clearable
          searchable
        />
        <Stack gap={2}>
          <Text size="sm" fw={500} id="insights-minor">
            {t('insights.filters.age')}
          </Text>
          <SegmentedControl
            aria-labelledby="insights-minor"
            orientation={narrow ? 'vertical' : 'horizontal'}
            value={values.minor === null ? 'all' : values.minor ? 'minors' : 'adults'}
            onChange={(v) => set({ minor: v === 'all' ? null : v === 'minors' })}
            data={[
              { value: 'all', label: t('insights.filters.everyone') },
              { value: 'minors', label: t('insights.filters.minors') },
              { value: 'adults', label: t('insights.filters.adults') },
            ]}
          />
        </Stack>
      </Group>
    </Stack>
  );
}
