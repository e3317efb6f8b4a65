import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { organisationSchema } from '../../src/modules/access/schema';
import { api } from './api';

type Organisation = z.infer<typeof organisationSchema>;

/** Organisations of my jurisdiction: active ones as select options, and any one's name by id. */
export function useOrganisations(enabled = true) {
  const q = useQuery({
    queryKey: ['organisations'],
    queryFn: () => api<Organisation[]>('/api/admin/organisations'),
    enabled,
  });
  const all = q.data ?? [];
  return {
    options: all.filter((o) => o.active).map((o) => ({ value: o.id, label: o.name })),
    name: (id: string | null) => all.find((o) => o.id === id)?.name,
  };
}
