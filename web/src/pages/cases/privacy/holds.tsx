import { Badge, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../format';
import { api, type Hold, useRightsWrite } from '../../rights/data';
import { errorAt } from '../kit/errors';
import { Failure, Submit } from '../kit/form';
import { Behind, Opener, useOpen } from '../kit/opener';

/** Places a legal hold: why, and on what basis (e.g. the prosecutor's letter) — both kept sealed. */
function PlaceHold({ caseId, done }: { caseId: string; done: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [basis, setBasis] = useState('');
  const place = useRightsWrite(() => api.placeHold(caseId, { reason: reason.trim(), basis: basis.trim() }), done);
  return (
    <Stack gap="xs">
      <Textarea
        label={t('rights.holds.reason')}
        description={t('rights.holds.reasonHelp')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errorAt(place.error, 'reason')}
        autosize
        maxLength={2000}
        required
      />
      <TextInput
        label={t('rights.holds.basis')}
        description={t('rights.holds.basisHelp')}
        value={basis}
        onChange={(e) => setBasis(e.currentTarget.value)}
        error={errorAt(place.error, 'basis')}
        maxLength={300}
        required
      />
      <Failure error={place.error} fields={['reason', 'basis']} />
      <Submit
        pending={place.isPending}
        disabled={!reason.trim() || !basis.trim()}
        onClick={() => place.mutate(undefined)}
      >
        {t('rights.holds.save')}
      </Submit>
    </Stack>
  );
}

/** Lifts a hold once what required it is over, with the reason. */
function LiftHold({ caseId, h }: { caseId: string; h: Hold }) {
  const { t } = useTranslation();
  const o = useOpen();
  const [reason, setReason] = useState('');
  const lift = useRightsWrite(() => api.liftHold(caseId, h.id, reason.trim()), o.hide);
  return (
    <Opener o={o} label={t('rights.holds.lift')}>
      <Stack gap="xs">
        <Textarea
          label={t('rights.holds.liftReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          maxLength={2000}
          required
        />
        <Failure error={lift.error} fields={[]} />
        <Submit pending={lift.isPending} disabled={!reason.trim()} onClick={() => lift.mutate(undefined)}>
          {t('rights.holds.liftSave')}
        </Submit>
      </Stack>
    </Opener>
  );
}

/** The case's legal holds (active first, then lifted ones), and the way to place one. */
export function Holds({ caseId, holds, writable }: { caseId: string; holds: Hold[]; writable: boolean }) {
  const { t } = useTranslation();
  const active = holds.filter((h) => h.active);
  const lifted = holds.filter((h) => !h.active);
  return (
    <Stack gap="xs" data-holds>
      <Text fw={600} size="sm">
        {t('rights.holds.title')}
      </Text>
      {!holds.length && (
        <Text size="sm" c="dimmed">
          {t('rights.holds.none')}
        </Text>
      )}
      {[...active, ...lifted].map((h) => (
        <Paper key={h.id} withBorder p="xs" data-hold={h.liftedAt ? 'lifted' : 'active'}>
          <Stack gap={4}>
            <Group gap="xs" wrap="wrap">
              <Badge color={h.liftedAt ? 'gray' : 'orange'}>
                {h.liftedAt ? t('rights.holds.lifted') : t('rights.holds.active')}
              </Badge>
              <Text size="sm">
                {h.liftedAt
                  ? t('rights.holds.between', { from: formatDate(h.placedAt), to: formatDate(h.liftedAt) })
                  : t('rights.holds.since', { date: formatDate(h.placedAt) })}
              </Text>
            </Group>
            {h.reason && <Text size="sm">{h.reason}</Text>}
            {h.basis && <Text size="sm">{t('rights.holds.basisShown', { basis: h.basis })}</Text>}
            {writable && h.active && <LiftHold caseId={caseId} h={h} />}
          </Stack>
        </Paper>
      ))}
      {writable && (
        <Behind label={t('rights.holds.place')}>{(done) => <PlaceHold caseId={caseId} done={done} />}</Behind>
      )}
    </Stack>
  );
}
