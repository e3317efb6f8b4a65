import { Alert, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../api';
import { caseKeys } from '../../api/keys';
import { formatDateTime } from '../../format';
import type { CaseDetail } from './CasePage';
import { type Act, Behind, Section } from './sections';

/** Follow-ups of a case: when, done or not, and a new one (it reminds its assignee when overdue). */
export function FollowUpsSection({ c, act }: { c: CaseDetail; act: Act }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [due, setDue] = useState('');
  const [note, setNote] = useState('');
  const add = useMutation({
    mutationFn: () =>
      ok(
        client.POST('/api/cases/{id}/tasks', {
          params: { path: { id: c.id } },
          body: { dueAt: new Date(due).toISOString(), ...(note.trim() ? { note } : {}) },
        }),
      ),
    onSuccess: () => {
      setDue('');
      setNote('');
      qc.invalidateQueries({ queryKey: caseKeys.detail(c.id) });
    },
  });
  const followUps = c.tasks.filter((task) => task.kind === 'follow_up');
  const now = Date.now();
  return (
    <Section title={t('followups.title')}>
      <Stack>
        {followUps.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('followups.none')}
          </Text>
        )}
        {followUps.map((task) => (
          <Group key={task.id} justify="space-between">
            <Text size="sm">
              {t('cases.due')} {formatDateTime(task.dueAt)}
            </Text>
            {task.doneAt ? (
              <Badge color="green">{t('cases.done')}</Badge>
            ) : (
              <Group gap="xs">
                {new Date(task.dueAt).getTime() < now && <Badge color="red">{t('work.overdue')}</Badge>}
                {c.abilities.update && (
                  <Button size="compact-sm" onClick={() => act({ to: 'taskDone', sub: task.id })}>
                    {t('cases.markDone')}
                  </Button>
                )}
              </Group>
            )}
          </Group>
        ))}
        {c.abilities.update && (
          <Behind label={t('record.open.followup')}>
            <Group align="end" wrap="wrap">
              <TextInput
                type="datetime-local"
                label={t('followups.due')}
                value={due}
                onChange={(e) => setDue(e.currentTarget.value)}
              />
              <TextInput label={t('followups.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
              <Button disabled={!due} loading={add.isPending} onClick={() => add.mutate()}>
                {t('followups.add')}
              </Button>
            </Group>
          </Behind>
        )}
        {add.error && (
          <Alert color="red" role="alert">
            {add.error.message}
          </Alert>
        )}
      </Stack>
    </Section>
  );
}
