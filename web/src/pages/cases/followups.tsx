import { Badge, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';
import type { CaseDetail } from './CasePage';
import { type Act, Behind, Section } from './sections';

/** Marks a follow-up done with what it found (the outcome is optional, and encrypted like the case notes). */
function Done({ c, taskId, act }: { c: CaseDetail; taskId: string; act: Act }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState('');
  if (!c.abilities.update) return null;
  if (!open)
    return (
      <Button size="compact-sm" onClick={() => setOpen(true)}>
        {t('cases.markDone')}
      </Button>
    );
  return (
    <Stack gap="xs" w="100%">
      <Textarea
        label={t('followups.outcome')}
        description={t('followups.outcomeHelp')}
        value={outcome}
        onChange={(e) => setOutcome(e.currentTarget.value)}
        autosize
      />
      <Group gap="xs">
        <Button
          size="compact-sm"
          onClick={() => act({ to: 'taskDone', sub: taskId, ...(outcome.trim() ? { outcome: outcome.trim() } : {}) })}
        >
          {t('followups.saveDone')}
        </Button>
        <Button size="compact-sm" variant="subtle" onClick={() => setOpen(false)}>
          {t('record.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Follow-ups of a case: when, done or not and what they found, and a new one (it reminds its assignee when late). */
export function FollowUpsSection({ c, act }: { c: CaseDetail; act: Act }) {
  const { t } = useTranslation();
  const [due, setDue] = useState('');
  const [note, setNote] = useState('');
  const followUps = c.tasks.filter((task) => task.kind === 'follow_up');
  const now = Date.now();
  const add = () =>
    act({ to: 'followUp', body: { dueAt: new Date(due).toISOString(), ...(note.trim() ? { note } : {}) } }).then(() => {
      setDue('');
      setNote('');
    });
  return (
    <Section title={t('followups.title')}>
      <Stack>
        {followUps.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('followups.none')}
          </Text>
        )}
        {followUps.map((task) => (
          <Stack key={task.id} gap={4}>
            <Group justify="space-between">
              <Text size="sm">
                {t('cases.due')} {formatDateTime(task.dueAt)}
                {task.note ? ` · ${task.note}` : ''}
              </Text>
              {task.doneAt ? (
                <Badge color="green">{t('cases.done')}</Badge>
              ) : (
                new Date(task.dueAt).getTime() < now && <Badge color="red">{t('work.overdue')}</Badge>
              )}
            </Group>
            {task.outcome && (
              <Text size="sm" c="dimmed">
                {t('followups.outcome')}: {task.outcome}
              </Text>
            )}
            {!task.doneAt && <Done c={c} taskId={task.id} act={act} />}
          </Stack>
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
              <Button disabled={!due} onClick={add}>
                {t('followups.add')}
              </Button>
            </Group>
          </Behind>
        )}
      </Stack>
    </Section>
  );
}
