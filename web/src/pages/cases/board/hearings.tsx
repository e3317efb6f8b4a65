import { Alert, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../../api';
import { formatDate } from '../../../format';
import { type BoardView, errorAt, errorElsewhere, given, today, useBoardWrite } from './data';
import { OpenButton } from './OpenButton';

const kinds = ['initial', 'evidence', 'resolution', 'review', 'other'] as const;

/** The board's hearings: when, which, who attended, what was decided. */
export function Hearings({ caseId, b }: { caseId: string; b: BoardView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const empty = { heldOn: today(), attendees: '', notes: '', outcome: '' };
  const [form, setForm] = useState(empty);
  const [kind, setKind] = useState<string | null>('initial');
  const set = (k: keyof typeof empty) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
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
      setForm(empty);
      setOpen(false);
    },
  );
  const fields = ['heldOn', 'kind', 'attendees', 'notes', 'outcome'] as const;
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
      {b.abilities.write &&
        (!open ? (
          <OpenButton label={t('board.hearing.open')} onClick={() => setOpen(true)} />
        ) : (
          <Stack gap="xs">
            <Group align="start" wrap="wrap">
              <TextInput
                type="date"
                label={t('board.hearing.heldOn')}
                value={form.heldOn}
                onChange={(e) => set('heldOn')(e.currentTarget.value)}
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
            <Textarea
              label={t('board.hearing.attendees')}
              value={form.attendees}
              onChange={(e) => set('attendees')(e.currentTarget.value)}
              error={errorAt(save.error, 'attendees')}
              autosize
            />
            <Textarea
              label={t('board.hearing.outcome')}
              value={form.outcome}
              onChange={(e) => set('outcome')(e.currentTarget.value)}
              error={errorAt(save.error, 'outcome')}
              autosize
            />
            <Textarea
              label={t('board.hearing.notes')}
              value={form.notes}
              onChange={(e) => set('notes')(e.currentTarget.value)}
              error={errorAt(save.error, 'notes')}
              autosize
            />
            <Button
              w="fit-content"
              disabled={!form.heldOn || !kind}
              loading={save.isPending}
              onClick={() => save.mutate(undefined)}
            >
              {t('board.hearing.save')}
            </Button>
            {errorElsewhere(save.error, fields) && (
              <Alert color="red" role="alert">
                {errorElsewhere(save.error, fields)}
              </Alert>
            )}
          </Stack>
        ))}
    </Stack>
  );
}
