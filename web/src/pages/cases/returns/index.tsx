import { Alert, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../../api';
import type { CaseDetail } from '../CasePage';
import { sees } from '../shared';
import { Exchanges } from './exchanges';
import { Assessment, Tracing } from './family';
import { Journeys } from './journey';
import { returnsKey } from './shared';

/**
 * Cross-border work and the return of the person: exchanges with foreign authorities and their documents, family
 * tracing and assessment (with the child's view and the best-interest decision), the return, and the reintegration
 * plan with its monitoring visits. What the reader may change comes from the server (`abilities`).
 */
export function ReturnsPart({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: returnsKey(c.id),
    queryFn: () => ok(client.GET('/api/cases/{id}/returns', { params: { path: { id: c.id } } })),
  });
  if (q.error) return <Alert color="red">{q.error.message}</Alert>;
  const v = q.data;
  if (!v) return null;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('returns.intro')}
      </Text>
      <Exchanges caseId={c.id} v={v} files={sees(c, 'files')} />
      <Tracing caseId={c.id} v={v} />
      <Assessment caseId={c.id} v={v} />
      <Journeys caseId={c.id} v={v} />
    </Stack>
  );
}
