import { Alert, Badge, Group, NumberInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { providerKinds, serviceTypes } from '../../../../src/modules/directory/schema';
import { type ApiQuery, client, ok } from '../../api';
import { directoryKeys } from '../../api/keys';
import { DivisionPicker } from '../../components/DivisionPicker';
import { useCountries, useDivisionsAbroad } from '../../components/places-abroad';
import { WideTable } from '../../components/WideTable';

type ServiceType = (typeof serviceTypes)[number];
type Kind = (typeof providerKinds)[number];

/** The service directory: who offers what, where and to whom — at home and across the border. */
export function Directory() {
  const { t } = useTranslation();
  const [service, setService] = useState<ServiceType | null>(null);
  const [kind, setKind] = useState<Kind | null>(null);
  const [country, setCountry] = useState<string | null>('EC');
  const [division, setDivision] = useState<string | null>(null);
  const [age, setAge] = useState<number | string>('');
  const countries = useCountries();
  const query: ApiQuery<'/api/directory'> = {
    ...(service ? { service } : {}),
    ...(kind ? { kind } : {}),
    ...(country ? { country } : {}),
    ...(division && country ? { division } : {}),
    ...(age !== '' ? { age: Number(age) } : {}),
  };
  const list = useQuery({
    queryKey: directoryKeys.search(new URLSearchParams(query as Record<string, string>).toString()),
    queryFn: () => ok(client.GET('/api/directory', { params: { query } })),
  });
  return (
    <Stack>
      <Title order={1}>{t('nav.directory')}</Title>
      <Group align="end" wrap="wrap">
        <Select
          label={t('directory.service')}
          data={serviceTypes.map((s) => ({ value: s, label: t(`directory.services.${s}`) }))}
          value={service}
          onChange={(v) => setService(v as ServiceType | null)}
          clearable
        />
        <Select
          label={t('directory.kind')}
          data={providerKinds.map((k) => ({ value: k, label: t(`directory.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v as Kind | null)}
          clearable
        />
        <Select
          label={t('directory.country')}
          searchable
          data={(countries.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
          value={country}
          onChange={(v) => {
            setCountry(v);
            setDivision(null);
          }}
          clearable
        />
        {country === 'EC' && <DivisionPicker label={t('cases.place')} value={division} onChange={setDivision} />}
        {country && country !== 'EC' && <DivisionAbroad country={country} value={division} onChange={setDivision} />}
        <NumberInput label={t('directory.age')} value={age} onChange={setAge} min={0} max={120} w={120} />
      </Group>
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      {list.data?.length === 0 && <Text>{t('directory.empty')}</Text>}
      {list.data && list.data.length > 0 && (
        <WideTable minWidth={600}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('directory.name')}</Table.Th>
                <Table.Th>{t('cases.place')}</Table.Th>
                <Table.Th>{t('directory.service')}</Table.Th>
                <Table.Th>{t('directory.contact')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    {p.name}
                    {p.kind !== 'service' && (
                      <Badge ml={4} variant="outline" color="grape">
                        {t(`directory.kinds.${p.kind}`)}
                      </Badge>
                    )}
                    {(p.minAge !== null || p.maxAge !== null) && (
                      <Text size="xs" c="dimmed">
                        {t('directory.ages', { min: p.minAge ?? 0, max: p.maxAge ?? '—' })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {p.divisionLabel ?? p.countryLabel}
                    {p.divisionLabel && p.country !== 'EC' && <Text size="xs">{p.countryLabel}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {p.services.map((s) => (
                        <Badge key={s} variant="light">
                          {t(`directory.services.${s}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {p.contact} {p.hours && <Text size="xs">{p.hours}</Text>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </WideTable>
      )}
    </Stack>
  );
}

/** A first-level division of a country abroad (ISO 3166-2), by name. */
function DivisionAbroad({
  country,
  value,
  onChange,
}: {
  country: string;
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  const { t } = useTranslation();
  const divisions = useDivisionsAbroad(country);
  return (
    <Select
      label={t('directory.division')}
      searchable
      clearable
      data={(divisions.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
      value={value}
      onChange={onChange}
    />
  );
}
