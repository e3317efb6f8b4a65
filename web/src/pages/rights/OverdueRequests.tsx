import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, rightsKeys } from './data';
import { Deadline } from './RightsList';

/** My work, for those who answer people's requests: the open data-subject requests past their deadline. */
export function OverdueRequests() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: rightsKeys.list(JSON.stringify({ status: 'open' })),
    queryFn: () => api.list({ status: 'open' }),
  });
  const overdue = (q.data?.items ?? []).filter((r) => r.overdue);
  return (
    <>
      <Title order={2} size="h3">
        {t('work.overdueRequests')}
      </Title>
      {q.isSuccess && !overdue.length && <Text c="dimmed">{t('work.noOverdueRequests')}</Text>}
      <Stack gap={4}>
        {overdue.map((r) => (
          <Group key={r.id} gap="xs" data-request={r.code}>
            <Anchor component={Link} to={`/rights/${r.id}`}>
              {r.code}
            </Anchor>
            <Text size="sm">{t(`rights.rights.${r.right}`)}</Text>
            <Anchor component={Link} to={`/cases/${r.caseId}`} size="sm">
              {r.caseCode}
            </Anchor>
            <Deadline r={r} />
          </Group>
        ))}
      </Stack>
    </>
  );
}
