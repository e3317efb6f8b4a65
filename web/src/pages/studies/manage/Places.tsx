import { ActionIcon, Badge, Group, Stack, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../../api';
import { geoKeys } from '../../../api/keys';
import { DivisionPicker } from '../../../components/DivisionPicker';

/** Names of divisions by code (read from geography; the code shows only while its name loads). */
export function useDivisionLabels(country: string, codes: string[]) {
  const found = useQueries({
    queries: codes.map((code) => ({
      queryKey: geoKeys.division(country, code),
      queryFn: () => ok(client.GET('/api/geo/divisions/{country}/{code}', { params: { path: { country, code } } })),
      staleTime: 3_600_000,
    })),
  });
  return (code: string) => found[codes.indexOf(code)]?.data?.label ?? '…';
}

/** The places a study covers: a division picker adds one, each chosen place can be taken off. */
export function PlacesInput({
  country,
  value,
  onChange,
  error,
}: {
  country: string;
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string | null;
}) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState<string | null>(null);
  const label = useDivisionLabels(country, value);
  return (
    <Stack gap={6}>
      <DivisionPicker
        label={t('studies.new.addPlace')}
        value={picking}
        onChange={(code) => {
          setPicking(null);
          if (code && !value.includes(code)) onChange([...value, code]);
        }}
      />
      <Text size="sm" fw={500} id="study-places-chosen">
        {t('studies.places')}
      </Text>
      {value.length === 0 ? (
        <Text size="sm" c={error ? 'red.9' : 'dimmed'} role={error ? 'alert' : undefined}>
          {error || t('studies.new.noPlaces')}
        </Text>
      ) : (
        <Group gap={6} role="list" aria-labelledby="study-places-chosen">
          {value.map((code) => (
            <Badge
              key={code}
              role="listitem"
              variant="light"
              size="lg"
              tt="none"
              rightSection={
                <ActionIcon
                  size="xs"
                  variant="transparent"
                  aria-label={t('studies.new.removePlace', { place: label(code) })}
                  onClick={() => onChange(value.filter((c) => c !== code))}
                >
                  ×
                </ActionIcon>
              }
            >
              {label(code)}
            </Badge>
          ))}
        </Group>
      )}
      {error && value.length > 0 && (
        <Text size="sm" c="red.9" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
