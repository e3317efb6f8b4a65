import { Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../../api';
import { formatDate, localToday } from '../../../format';
import { given } from '../kit/data';
import { errorAt } from '../kit/errors';
import { DateField, Failure, Submit, useTextForm } from '../kit/form';
import { Opener, useOpen } from '../kit/opener';
import { type BoardView, useBoardWrite } from './data';

const kinds = ['initial', 'evidence', 'resolution', 'review', 'other'] as const;

/** The board's hearings: when, which, who attended, what was decided. */
export function Hearings({ caseId, b }: { caseId: string; b: BoardView }) {
  const { t } = useTranslation();
  const o = useOpen();
  const {
    form,
    set,
    text: typed,
    reset,
  } = useTextForm({ heldOn: localToday(), attendees: '', notes: '', outcome: '' });
  const [kind, setKind] = useState<string | null>('initial');
  const text = (k: 'attendees' | 'notes' | 'outcome') => ({
    ...typed(k),
    error: errorAt(save.error, k),
    autosize: true,
  });
  const save = useBoardWrite(
    caseId,
    () =>
      ok(
        client.POST('/api/cases/{id}/board/hearings', {
          params: { path: { id: caseId } },
          body: given({ ...form, kind: kind as (typeof kinds)[number] }),
        }),
      ),
    () => {
      reset();
      o.hide();
    },
  );
  return (
    <Stack gap="sm">
      {b.hearings.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('board.hearing.none')}
        </Text>
      )}
      {b.hearings.map((h) => (
        <Paper key={h.id} withBorder p="sm">
          <Text fw={600} size="sm">
            {formatDate(h.heldOn)} · {t(`board.hearingKinds.${h.kind}`)}
          </Text>
          {h.attendees && (
            <Text size="sm">
              <b>{t('board.hearing.attendees')}:</b> {h.attendees}
            </Text>
          )}
          {h.outcome && (
            <Text size="sm">
              <b>{t('board.hearing.outcome')}:</b> {h.outcome}
            </Text>
          )}
          {h.notes && (
            <Text size="sm">
              <b>{t('board.hearing.notes')}:</b> {h.notes}
            </Text>
          )}
        </Paper>
      ))}
      {b.abilities.write && (
        <Opener o={o} label={t('board.hearing.open')}>
          <Stack gap="xs">
            <Group align="start" wrap="wrap">
              <DateField
                label={t('board.hearing.heldOn')}
                value={form.heldOn}
                onChange={set('heldOn')}
                error={errorAt(save.error, 'heldOn')}
                required
              />
              <Select
                label={t('board.hearing.kind')}
                data={kinds.map((k) => ({ value: k, label: t(`board.hearingKinds.${k}`) }))}
                value={kind}
                onChange={setKind}
                error={errorAt(save.error, 'kind')}
                allowDeselect={false}
              />
            </Group>
            <Textarea label={t('board.hearing.attendees')} {...text('attendees')} />
            <Textarea label={t('board.hearing.outcome')} {...text('outcome')} />
            <Textarea label={t('board.hearing.notes')} {...text('notes')} />
            <Submit pending={save.isPending} disabled={!form.heldOn || !kind} onClick={() => save.mutate(undefined)}>
              {t('board.hearing.save')}
            </Submit>
            <Failure error={save.error} fields={['heldOn', 'kind', 'attendees', 'notes', 'outcome']} />
          </Stack>
        </Opener>
      )}
    </Stack>
  );
}
