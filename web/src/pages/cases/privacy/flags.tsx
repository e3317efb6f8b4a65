import { Alert, Badge, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../format';
import { api, type Flag, usePrivacy, useRightsWrite } from '../../rights/data';
import { Failure, Submit } from '../kit/form';
import { Opener, useOpen } from '../kit/opener';

/** Lifts a flag, with the reason (kept sealed; the audit keeps only that it happened). */
function LiftFlag({ f }: { f: Flag }) {
  const { t } = useTranslation();
  const o = useOpen();
  const [reason, setReason] = useState('');
  const lift = useRightsWrite(() => api.liftFlag(f.id, reason.trim()), o.hide);
  return (
    <Opener o={o} label={t('rights.flags.lift', { flag: t(`rights.flagNames.${f.flag}`) })}>
      <Stack gap="xs">
        <Textarea
          label={t('rights.flags.liftReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          maxLength={2000}
          required
        />
        <Failure error={lift.error} fields={[]} />
        <Submit pending={lift.isPending} disabled={!reason.trim()} onClick={() => lift.mutate(undefined)}>
          {t('rights.flags.liftSave')}
        </Submit>
      </Stack>
    </Opener>
  );
}

/** The person's restriction and objection flags, each with what it stops and the way to lift it. */
export function CaseFlags({ caseId, liftable = true }: { caseId: string; liftable?: boolean }) {
  const { t } = useTranslation();
  const q = usePrivacy(caseId);
  if (q.error)
    return (
      <Alert color="red" role="alert">
        {q.error.message}
      </Alert>
    );
  const flags = (q.data?.flags ?? []).filter((f) => f.active);
  if (q.data && !flags.length)
    return (
      <Text size="sm" c="dimmed">
        {t('rights.flags.none')}
      </Text>
    );
  return (
    <Stack gap="xs">
      {flags.map((f) => (
        <Stack key={f.id} gap={4} data-flag={f.flag}>
          <Group gap="xs" wrap="wrap">
            <Badge color="grape">{t(`rights.flagNames.${f.flag}`)}</Badge>
            <Text size="sm">{t('rights.flags.since', { date: formatDate(f.setAt) })}</Text>
          </Group>
          <Text size="sm">{t('rights.flags.stops')}</Text>
          {liftable && q.data?.abilities.manage && <LiftFlag f={f} />}
        </Stack>
      ))}
    </Stack>
  );
}
