import { useQuery } from '@tanstack/react-query';
import { client, ok } from './api';
import { adminKeys } from './api/keys';

/** Organisations of my jurisdiction: active ones as select options, and any one's name by id. */
export function useOrganisations(enabled = true) {
  const q = useQuery({
    queryKey: adminKeys.organisationNames(),
    queryFn: () => ok(client.GET('/api/admin/organisations')),
    enabled,
  });
  const all = q.data ?? [];
  return {
    options: all.filter((o) => o.active).map((o) => ({ value: o.id, label: o.name })),
    name: (id: string | null) => all.find((o) => o.id === id)?.name,
  };
}
