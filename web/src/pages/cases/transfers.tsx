import { Alert, Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../api';
import { caseKeys } from '../../api/keys';
import { formatDate } from '../../format';
import { useOrganisations } from '../../organisations';
import { Behind, Section } from './sections';

/** Hand the case to another organisation; it moves only when the receiver accepts. */
export function Transfers({ caseId, writable }: { caseId: string; writable: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const key = caseKeys.transfers(caseId);
  const list = useQuery({
    queryKey: key,
    queryFn: () => ok(client.GET('/api/cases/{id}/transfers', { params: { path: { id: caseId } } })),
  });
  const orgs = useOrganisations(writable);
  const [org, setOrg] = useState<string | null>(null);
  const propose = useMutation({
    mutationFn: (toOrgId: string) =>
      ok(client.POST('/api/cases/{id}/transfers', { params: { path: { id: caseId } }, body: { toOrgId } })),
    onSuccess: () => {
      setOrg(null);
      qc.invalidateQueries({ queryKey: key });
    },
  });
  const pending = list.data?.some((x) => x.status === 'pending');
  return (
    <Section title={t('transfers.title')}>
      <Stack>
        {list.data?.map((x) => (
          <Group key={x.id} justify="space-between">
            <Text size="sm">
              {x.toOrgName} · {formatDate(x.createdAt)}
            </Text>
            <Badge color={x.status === 'accepted' ? 'green' : x.status === 'rejected' ? 'red' : 'blue'}>
              {t(`transfers.statuses.${x.status}`)}
            </Badge>
          </Group>
        ))}
        {writable && !pending && (
          <Behind label={t('record.open.transfer')}>
            <Group align="end" wrap="wrap">
              <Select
                label={t('transfers.to')}
                data={orgs.options}
                value={org}
                onChange={setOrg}
                searchable
                miw={280}
              />
              <Button
                variant="light"
                disabled={!org}
                loading={propose.isPending}
                onClick={() => org && propose.mutate(org)}
              >
                {t('transfers.propose')}
              </Button>
            </Group>
          </Behind>
        )}
        {propose.error && (
          <Alert color="red" role="alert">
            {propose.error.message}
          </Alert>
        )}
      </Stack>
    </Section>
  );
}
