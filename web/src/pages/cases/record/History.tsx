import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResponse, client, ok } from '../../../api';
import { caseKeys } from '../../../api/keys';
import { formatDate, formatDateTime } from '../../../format';
import type { CaseDetail } from '../CasePage';
import { useFieldText } from './display';

type History = ApiResponse<'/api/cases/{id}/history'>;
type Entry =
  | { at: string; kind: 'change'; change: History['changes'][number] }
  | { at: string; kind: 'action'; action: History['actions'][number] }
  | { at: string; kind: 'views'; views: History['views'][number] };

/**
 * The case's history, newest first: each change with its fields' labels, old and new values, who and why; other
 * actions in words; reads grouped by day, so changes stand out. A supervisor can restore what a change replaced.
 */
export function HistoryPart({ c, onSaved }: { c: CaseDetail; onSaved: (c: CaseDetail) => void }) {
  const { t } = useTranslation();
  const text = useFieldText();
  const qc = useQueryClient();
  const [restoring, setRestoring] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const q = useQuery({
    queryKey: [...caseKeys.history(c.id), c.version, c.person.version],
    queryFn: () => ok(client.GET('/api/cases/{id}/history', { params: { path: { id: c.id } } })),
  });
  if (q.error) return <Alert color="red">{q.error.message}</Alert>;
  if (!q.data) return null;
  const entries: Entry[] = [
    ...q.data.changes.map((change) => ({ at: change.at, kind: 'change' as const, change })),
    ...q.data.actions.map((action) => ({ at: action.at, kind: 'action' as const, action })),
    ...q.data.views.map((views) => ({ at: `${views.day}T00:00:00.000Z`, kind: 'views' as const, views })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  const restore = async (id: string) => {
    setFailure(null);
    try {
      const updated = await ok(
        client.POST('/api/cases/{id}/history/{sub}/restore', {
          params: { path: { id: c.id, sub: id } },
          body: { reason },
        }),
      );
      onSaved(updated as CaseDetail);
      setRestoring(null);
      setReason('');
      void qc.invalidateQueries({ queryKey: caseKeys.history(c.id) });
    } catch (e) {
      setFailure((e as Error).message);
    }
  };
  return (
    <Stack gap="xs">
      {entries.map((e) => {
        if (e.kind === 'views')
          return (
            <Text key={`v-${e.views.day}`} size="sm" c="gray.7">
              {formatDate(e.views.day)} ·{' '}
              {t('record.viewed', { count: e.views.count, people: t('record.readers', { count: e.views.readers }) })}
              {e.views.people.length > 0 && ` (${e.views.people.join(', ')})`}
            </Text>
          );
        if (e.kind === 'action')
          return (
            <Text key={`a-${e.at}-${e.action.action}`} size="sm">
              {formatDateTime(e.at)} · {e.action.actorName || t('record.someone')} ·{' '}
              {t(`record.actions.${e.action.action}`, { defaultValue: t('record.actions.other') })}
            </Text>
          );
        const ch = e.change;
        return (
          <Paper key={ch.id} withBorder p="sm">
            <Group justify="space-between" wrap="wrap" gap={4}>
              <Text size="sm" fw={600}>
                {formatDateTime(ch.at)} · {ch.actorName || t('record.someone')} · {t(`record.changeKind.${ch.kind}`)}{' '}
                {t(`record.recordType.${ch.recordType}`)}
              </Text>
              {ch.kind === 'restored' && (
                <Badge variant="outline" color="dark">
                  {t('record.changeKind.restored')}
                </Badge>
              )}
            </Group>
            <Stack gap={2} mt={4}>
              {ch.fields.map((f) => (
                <Text key={f.field} size="sm">
                  {t(`fields.${f.field}`)}: {ch.kind !== 'created' && <s>{text(f.field, f.from)}</s>}
                  {ch.kind !== 'created' && ch.kind !== 'removed' && ' → '}
                  {ch.kind !== 'removed' && <strong>{text(f.field, f.to)}</strong>}
                </Text>
              ))}
              {ch.reason && (
                <Text size="sm" c="gray.7">
                  {t('record.reasonGiven', { reason: ch.reason })}
                </Text>
              )}
            </Stack>
            {ch.restorable &&
              (restoring === ch.id ? (
                <Group mt="xs" align="end" wrap="wrap">
                  <TextInput
                    label={t('record.restoreReason')}
                    value={reason}
                    onChange={(x) => setReason(x.currentTarget.value)}
                  />
                  <Button size="compact-sm" disabled={reason.trim().length < 3} onClick={() => restore(ch.id)}>
                    {t('record.restore')}
                  </Button>
                </Group>
              ) : (
                <Button mt="xs" size="compact-sm" variant="outline" color="teal.9" onClick={() => setRestoring(ch.id)}>
                  {t('record.restoreEarlier')}
                </Button>
              ))}
          </Paper>
        );
      })}
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
    </Stack>
  );
}
