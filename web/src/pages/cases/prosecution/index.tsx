import { Alert, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../../api';
import type { CaseDetail } from '../CasePage';
import { Behind } from '../kit/opener';
import { Section } from '../sections';
import { ComplaintCard } from './Complaint';
import { ComplaintForm } from './complaint-forms';
import { prosecutionKey } from './data';

/**
 * The criminal proceedings of the case: each complaint with its stages, suspects and charges, hearings and outcome.
 * The case's own staff and the prosecutor's office that received a legal referral record them (the server says who).
 */
export function ProsecutionPart({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: prosecutionKey(c.id),
    queryFn: () => ok(client.GET('/api/cases/{id}/prosecution', { params: { path: { id: c.id } } })),
  });
  const p = q.data;
  return (
    <Section title={t('prosecution.title')}>
      <Stack>
        {q.error && (
          <Alert color="red" role="alert">
            {q.error.message}
          </Alert>
        )}
        {p && !p.complaints.length && (
          <Text size="sm" c="dimmed">
            {t('prosecution.none')}
          </Text>
        )}
        {p?.complaints.map((x) => (
          <ComplaintCard key={x.id} caseId={c.id} p={p} c={x} />
        ))}
        {p?.abilities.write && (
          <Behind label={t('prosecution.new')}>{(done) => <ComplaintForm caseId={c.id} done={done} />}</Behind>
        )}
      </Stack>
    </Section>
  );
}
