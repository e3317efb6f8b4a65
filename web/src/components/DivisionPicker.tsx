import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../api';
import { geoKeys } from '../api/keys';

export interface LocalDivision {
  code: string;
  label: string;
  level: number;
  parentLabel: string | null;
}
/** The places the field device holds (its jurisdiction's): when given, the picker searches them without the server. */
export const LocalDivisions = createContext<LocalDivision[] | null>(null);
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Picks a division by typing part of its name (accents ignored); the value is its code. */
export function DivisionPicker({
  label,
  value,
  onChange,
  valueLabel,
}: {
  label: string;
  value: string | null;
  onChange: (code: string | null) => void;
  /** The name of the division already chosen (so the field shows a name, not a code, before any search). */
  valueLabel?: string | null;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [term] = useDebouncedValue(search.trim(), 250);
  const local = useContext(LocalDivisions);
  const found = useQuery({
    queryKey: geoKeys.search(term),
    queryFn: () => ok(client.GET('/api/geo/search', { params: { query: { q: term, limit: 20 } } })),
    enabled: term.length >= 2 && !local,
  });
  const matches = local
    ? term.length >= 2
      ? local.filter((d) => fold(d.label).includes(fold(term))).slice(0, 20)
      : []
    : (found.data ?? []);
  const data = matches.map((d) => ({
    value: d.code,
    // Names only: the level, and the province or canton it lies in.
    label: [d.label, t(`geo.levels.${d.level}`), d.parentLabel].filter(Boolean).join(' · '),
  }));
  if (value && !data.some((d) => d.value === value))
    data.unshift({ value, label: valueLabel ?? local?.find((d) => d.code === value)?.label ?? value });
  return (
    <Select
      label={label}
      placeholder={t('geo.searchPlaceholder')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value}
      onChange={onChange}
      nothingFoundMessage={term.length >= 2 ? t('geo.noResults') : undefined}
      filter={({ options }) => options}
    />
  );
}
