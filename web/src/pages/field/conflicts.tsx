import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';
import { type QueuedOp, removeOp, updateOp } from '../../offline/store';
import { syncNow } from '../../offline/sync';
import { ConflictChoices, chosenValues, initialChoices } from '../cases/record/ConflictChoices';

/**
 * The conflict screen: a field changed on the device and, meanwhile, on the server. Nothing was overwritten; the
 * person chooses their value, the current one, or both combined, and the choice is sent on the current version.
 */
export function ConflictCard({ op, code, onDone }: { op: QueuedOp; code: string; onDone: () => void }) {
  const { t } = useTranslation();
  const conflicts = op.conflicts ?? [];
  const [choices, setChoices] = useState(() => initialChoices(conflicts));
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState(typeof op.body?.reason === 'string' ? op.body.reason : '');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length);
  // Replacing a value the server holds is a correction: like any correction, it says why.
  const corrects = conflicts.some((c) => choices[c.field]?.pick !== 'theirs' && !empty(c.theirs));
  const save = async () => {
    if (corrects && reason.trim().length < 3) {
      setReasonError(t('field.reasonNeeded'));
      return;
    }
    setBusy(true);
    // Keeping the current value sends nothing for that field: it is already what the server holds.
    const values = chosenValues(conflicts, choices);
    const fields = Object.fromEntries(Object.entries(values).filter(([f]) => choices[f]?.pick !== 'theirs'));
    if (Object.keys(fields).length === 0) await removeOp(op.seq);
    else
      await updateOp(
        {
          ...op,
          body: { ...op.body, fields, ...(corrects ? { reason: reason.trim() } : {}) },
          version: op.current,
          conflicts: undefined,
          current: undefined,
        },
        'waiting',
      );
    if (navigator.onLine) await syncNow().catch(() => undefined);
    setBusy(false);
    onDone();
  };
  return (
    <Paper withBorder p="md" component="section" aria-label={t('field.conflictIn', { code })}>
      <Stack>
        <Title order={3} size="h5">
          {t('field.conflictIn', { code })}
        </Title>
        <Text size="sm">{t('field.conflictHelp', { at: formatDateTime(op.at) })}</Text>
        <ConflictChoices
          conflicts={conflicts}
          choices={choices}
          onChange={setChoices}
          labels={{ yours: t('field.mine'), theirs: t('field.theirs') }}
        />
        {corrects && (
          <Textarea
            label={t('record.reason')}
            description={t('record.reasonHelp')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonError}
            required
            autosize
          />
        )}
        <Group>
          <Button loading={busy} onClick={() => void save()}>
            {t('record.saveChoice')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A change the server refused (e.g. the case was closed meanwhile): its reason, and discarding it. */
export function RefusedCard({ op, code, onDone }: { op: QueuedOp; code: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('field.refusedIn', { code, what: t(`field.what.${op.what}`) })}>
      <Stack gap="xs">
        <Text size="sm">{op.message}</Text>
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => void updateOp({ ...op, message: undefined }, 'waiting').then(onDone)}
          >
            {t('field.retry')}
          </Button>
          <Button size="compact-sm" color="red" variant="light" onClick={() => void removeOp(op.seq).then(onDone)}>
            {t('field.discard')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
