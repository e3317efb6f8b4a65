import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { client, ok } from '../../api';
import { workKeys } from '../../api/keys';
import { formatDate } from '../../format';

/** One waiting item: the case it belongs to (a link to the right tab) and what waits, in words. */
interface Waiting {
  id: string;
  caseId: string;
  caseCode: string;
  tab?: string;
  what: string;
  since: string;
}

/** A supervisor's list of things waiting in the jurisdiction, oldest first, or a line saying none waits. */
function WaitingList({ title, none, items }: { title: string; none: string; items: Waiting[] | undefined }) {
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {title}
      </Title>
      {items?.length === 0 && <Text c="dimmed">{none}</Text>}
      {items?.map((w) => (
        <Text key={w.id} size="sm">
          <Anchor component={Link} to={`/cases/${w.caseId}${w.tab ? `?tab=${w.tab}` : ''}`}>
            {w.caseCode}
          </Anchor>{' '}
          · {w.what} · {formatDate(w.since)}
        </Text>
      ))}
    </Stack>
  );
}

/** Closure requests waiting for a supervisor in their jurisdiction, oldest first. */
export function ClosureRequests() {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: workKeys.closures(),
    queryFn: () => ok(client.GET('/api/supervision/closures')),
  });
  const items = list.data?.map((r) => ({ ...r, what: t(`htcds.cas_Status.${r.cas_Status}`), since: r.requestedAt }));
  return <WaitingList title={t('closure.board')} none={t('closure.noneWaiting')} items={items} />;
}

/** Support plans submitted for review in the supervisor's jurisdiction, oldest first. */
export function PlansToReview() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: workKeys.plans(), queryFn: () => ok(client.GET('/api/supervision/plans')) });
  const items = list.data?.map((p) => ({
    ...p,
    tab: 'protection',
    what: t('work.planVersion', { version: p.version }),
    since: p.submittedAt,
  }));
  return <WaitingList title={t('work.plansToReview')} none={t('work.noPlansToReview')} items={items} />;
}

/** Cases offered to me or my organisation: accept (the case becomes mine) or reject with a reason. */
export function IncomingTransfers() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const list = useQuery({
    queryKey: workKeys.transfers(),
    queryFn: () => ok(client.GET('/api/me/transfers')),
  });
  const respond = useMutation({
    mutationFn: ({ id, accept }: { id: string; accept: boolean }) =>
      ok(
        client.POST('/api/transfers/{id}/respond', {
          params: { path: { id } },
          body: { accept, ...(reason.trim() ? { reason } : {}) },
        }),
      ),
    onSuccess: () => {
      setReason('');
      qc.invalidateQueries({ queryKey: workKeys.mine() });
    },
  });
  if (!list.data?.length) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('transfers.incoming')}
      </Title>
      {list.data.map((x) => (
        <Group key={x.id} align="end" wrap="wrap">
          <Text size="sm" fw={600}>
            {x.caseCode}
          </Text>
          <Button size="compact-sm" onClick={() => respond.mutate({ id: x.id, accept: true })}>
            {t('transfers.accept')}
          </Button>
          <TextInput
            size="xs"
            aria-label={t('transfers.rejectReason')}
            placeholder={t('transfers.rejectReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Button
            size="compact-sm"
            variant="light"
            color="red"
            onClick={() => respond.mutate({ id: x.id, accept: false })}
          >
            {t('transfers.reject')}
          </Button>
        </Group>
      ))}
      {respond.error && (
        <Alert color="red" role="alert">
          {respond.error.message}
        </Alert>
      )}
    </Stack>
  );
}
