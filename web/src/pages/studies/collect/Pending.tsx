import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useNetwork } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../format';
import {
  dropInterview,
  keptInterviews,
  type PendingInterview,
  usePendingCounts,
  useStudiesVersion,
} from '../../../offline/studies';
import { type SendResult, sendPending } from '../../../offline/studies-send';
import { useVault } from '../../../offline/vault';
import { Unlock } from '../../field/access';

/**
 * The interviews of this study waiting on the device: how many, a button to send them now, and those the server
 * refused (to correct or discard). They go by themselves whenever the connection comes back.
 */
export function PendingPanel({
  studyId,
  onCorrect,
  onSent,
}: {
  studyId: string;
  onCorrect: (p: PendingInterview) => void;
  onSent?: (r: SendResult) => void;
}) {
  const { t } = useTranslation();
  const { online } = useNetwork();
  const vault = useVault();
  const counts = usePendingCounts(studyId);
  const version = useStudiesVersion();
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<SendResult | null>(null);
  const [refused, setRefused] = useState<PendingInterview[]>([]);

  const send = useCallback(async () => {
    setBusy(true);
    try {
      const r = await sendPending();
      setLast(r);
      onSent?.(r);
    } finally {
      setBusy(false);
    }
  }, [onSent]);

  // Back online (or the copy just opened) with interviews waiting: they go at once.
  const anyWaiting = counts.waiting > 0;
  useEffect(() => {
    if (online && vault.status === 'open' && anyWaiting) void send().catch(() => undefined);
  }, [online, vault.status, anyWaiting, send]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: read again whenever the kept interviews change
  useEffect(() => {
    if (vault.status !== 'open' || counts.refused === 0) return setRefused([]);
    let live = true;
    void keptInterviews(studyId)
      .then((list) => live && setRefused(list.filter((p) => p.state === 'refused')))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [studyId, vault.status, counts.refused, version]);

  if (counts.waiting === 0 && counts.refused === 0 && !last?.sent.length) return null;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="collect-pending">
      <Group justify="space-between" gap="xs" mb="xs">
        <Title order={2} size="h4" id="collect-pending">
          {t('studies.collect.pendingTitle')}
        </Title>
        <Badge color={counts.waiting ? 'blue' : 'teal'} size="lg" role="status" aria-live="polite">
          {t('studies.collect.pendingCount', { count: counts.waiting })}
        </Badge>
      </Group>
      <Stack gap="xs">
        {counts.waiting > 0 && vault.status === 'open' && (
          <Button onClick={() => void send()} loading={busy} disabled={!online} w="fit-content">
            {t('studies.collect.sendPending', { count: counts.waiting })}
          </Button>
        )}
        {counts.waiting > 0 && !online && (
          <Text size="sm" c="dimmed">
            {t('studies.collect.sendWhenOnline')}
          </Text>
        )}
        {(counts.waiting > 0 || counts.refused > 0) && vault.status === 'locked' && (
          <>
            <Text size="sm">{t('studies.collect.unlockToSend')}</Text>
            <Unlock vault={vault} />
          </>
        )}
        {last && last.sent.length > 0 && (
          <Text size="sm" c="teal.9" role="status">
            {t('studies.collect.sentCount', { count: last.sent.length })}
            {last.sent.some((s) => s.respondentCode) &&
              `: ${last.sent
                .map((s) => s.respondentCode)
                .filter(Boolean)
                .join(', ')}`}
          </Text>
        )}
        {last?.stopped && counts.waiting > 0 && (
          <Text size="sm" c="orange.9">
            {t(`studies.collect.stopped.${last.stopped}`)}
          </Text>
        )}
        {last && last.otherUser > 0 && (
          <Text size="sm" c="dimmed">
            {t('studies.collect.otherUser', { count: last.otherUser })}
          </Text>
        )}
        {refused.map((p) => (
          <Alert key={p.id} color="red" title={t('studies.collect.refusedTitle')}>
            <Text size="sm">
              {t('studies.collect.refusedWhen', { when: formatDateTime(p.body.collectedAt) })} {p.message}
            </Text>
            <Group gap="xs" mt="xs">
              <Button size="xs" onClick={() => onCorrect(p)}>
                {t('studies.collect.correct')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() => window.confirm(t('studies.collect.discardConfirm')) && void dropInterview(p.id)}
              >
                {t('studies.collect.discard')}
              </Button>
            </Group>
          </Alert>
        ))}
      </Stack>
    </Paper>
  );
}

/** Why an interview that could not be sent is not kept yet: no field copy, another person's, or a locked one. */
export function KeepProblem({ outcome }: { outcome: string | undefined }) {
  const { t } = useTranslation();
  const vault = useVault();
  if (outcome === 'noVault')
    return (
      <Alert color="orange" role="alert" title={t('studies.collect.offlineNoVault')}>
        <Text size="sm">{t('studies.collect.keepPageOpen')}</Text>
      </Alert>
    );
  if (outcome === 'otherOwner')
    return (
      <Alert color="orange" role="alert">
        {t('studies.collect.otherOwner')} {t('studies.collect.keepPageOpen')}
      </Alert>
    );
  if (outcome === 'needUnlock')
    return (
      <Stack gap="xs">
        <Alert color="blue" role="alert">
          {t('studies.collect.unlockToKeep')}
        </Alert>
        <Unlock vault={vault} />
      </Stack>
    );
  return null;
}
