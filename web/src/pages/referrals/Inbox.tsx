import { Alert, Anchor, Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ApiBody, type ApiResponse, client, ok } from '../../api';
import { referralKeys } from '../../api/keys';
import { formatDate } from '../../format';

type Referral = ApiResponse<'/api/referrals/inbox'>[number];
type ServiceType = ApiBody<'/api/referrals/{id}/deliver'>['service'];

/** One incoming referral: accept it, decline it with a reason, or record a service delivered. */
function Incoming({ r }: { r: Referral }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [service, setService] = useState<ServiceType | null>(null);
  const done = () => qc.invalidateQueries({ queryKey: referralKeys.inbox() });
  const respond = useMutation({
    mutationFn: (accept: boolean) =>
      ok(
        client.POST('/api/referrals/{id}/respond', {
          params: { path: { id: r.id } },
          body: { accept, ...(reason.trim() ? { reason } : {}) },
        }),
      ),
    onSuccess: done,
  });
  const deliver = useMutation({
    mutationFn: (delivered: ServiceType) =>
      ok(client.POST('/api/referrals/{id}/deliver', { params: { path: { id: r.id } }, body: { service: delivered } })),
    onSuccess: done,
  });
  const error = respond.error ?? deliver.error;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Anchor component={Link} to={`/cases/${r.caseId}`} fw={700}>
            {r.caseCode}
          </Anchor>
          <Badge>{t(`referrals.statuses.${r.status}`)}</Badge>
        </Group>
        <Text size="sm">
          {r.services.map((s) => t(`directory.services.${s}`)).join(', ')} · {formatDate(r.createdAt)}
        </Text>
        <Text size="sm" c="dimmed">
          {t('referrals.from')}: {r.fromOrgName ?? '—'} ·{' '}
          {t(`referrals.reasons.${r.htcds.cas_ReasonForIncomingReferral}`)}
          {r.htcds.cas_IncomingReferralDate &&
            ` · ${t('referrals.acceptedOn')} ${formatDate(r.htcds.cas_IncomingReferralDate)}`}
        </Text>
        {r.htcds.cas_IncomingReferralDetails && <Text size="sm">{r.htcds.cas_IncomingReferralDetails}</Text>}
        {r.delivered.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('referrals.delivered')}:{' '}
            {r.delivered
              .map((d) => `${t(`directory.services.${d.service}`)} (${formatDate(d.deliveredAt)})`)
              .join(', ')}
          </Text>
        )}
        {r.abilities.respond && (
          <Group align="end" wrap="wrap">
            <Button onClick={() => respond.mutate(true)} loading={respond.isPending}>
              {t('referrals.accept')}
            </Button>
            <TextInput
              label={t('referrals.declineReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Button variant="light" color="red" onClick={() => respond.mutate(false)}>
              {t('referrals.decline')}
            </Button>
          </Group>
        )}
        {r.abilities.deliver && (
          <Group align="end" wrap="wrap">
            <Select
              label={t('directory.service')}
              data={r.services.map((s) => ({ value: s, label: t(`directory.services.${s}`) }))}
              value={service}
              onChange={(v) => setService(v as ServiceType | null)}
            />
            <Button onClick={() => service && deliver.mutate(service)} disabled={!service} loading={deliver.isPending}>
              {t('referrals.deliver')}
            </Button>
          </Group>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

/** The referral inbox of a receiving organisation (shelter, health centre, prosecutor's office). */
export function ReferralInbox() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: referralKeys.inbox(), queryFn: () => ok(client.GET('/api/referrals/inbox')) });
  return (
    <Stack>
      <Title order={1}>{t('referrals.inbox')}</Title>
      {list.data?.length === 0 && <Text c="dimmed">{t('referrals.emptyInbox')}</Text>}
      {list.data?.map((r) => (
        <Incoming key={r.id} r={r} />
      ))}
    </Stack>
  );
}
