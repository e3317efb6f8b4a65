import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../api';

/** Every country (ISO 3166-1), named in the interface language by the server; kept for the session. */
export function useCountries() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['places', 'countries', i18n.language],
    queryFn: () => ok(client.GET('/api/places/abroad')),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A country's first-level divisions (ISO 3166-2), once a country is chosen. */
export function useDivisionsAbroad(country: string | null) {
  return useQuery({
    queryKey: ['places', 'divisions', country],
    queryFn: () => ok(client.GET('/api/places/abroad/{country}', { params: { path: { country: country ?? '' } } })),
    enabled: !!country && /^[A-Z]{2}$/.test(country),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
