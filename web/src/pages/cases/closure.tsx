import { Alert, Badge, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiBody, client, ok } from '../../api';
import { caseKeys, workKeys } from '../../api/keys';
import { formatDateTime } from '../../format';
import { has, useSession } from '../../session';
import type { CaseDetail } from './CasePage';
import { Behind, Section } from './sections';

type Closing =
  | { path: 'reopen'; body: ApiBody<'/api/cases/{id}/reopen'> }
  | { path: 'closure'; body: ApiBody<'/api/cases/{id}/closure'> }
  | { path: 'closure/decision'; body: ApiBody<'/api/cases/{id}/closure/decision'> };

/** Sends one step of closing or reopening case `id`. */
function sendClosing(id: string, { path, body }: Closing): Promise<unknown> {
  const params = { path: { id } };
  if (path === 'reopen') return ok(client.POST('/api/cases/{id}/reopen', { params, body }));
  if (path === 'closure') return ok(client.POST('/api/cases/{id}/closure', { params, body }));
  return ok(client.POST('/api/cases/{id}/closure/decision', { params, body }));
}

/**
 * Closure in two hands: the caseworker asks with an HTCDS status and reason, a supervisor approves or returns
 * it. A closed case shows its status, and a supervisor may reopen it (the history keeps the closure).
 */
export function Closure({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { data: session } = useSession();
  const supervisor = has(session, 'cases:approve');
  const closed = c.status === 'Closed' || c.status === 'ClosedReferred';
  const key = caseKeys.closure(c.id);
  const state = useQuery({
    queryKey: key,
    queryFn: () => ok(client.GET('/api/cases/{id}/closure', { params: { path: { id: c.id } } })),
    enabled: c.abilities.update && !closed,
  });
  const [status, setStatus] = useState<string | null>('Closed');
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const call = useMutation({
    mutationFn: (step: Closing) => sendClosing(c.id, step),
    onSuccess: () => {
      setReason('');
      setComment('');
      qc.invalidateQueries({ queryKey: caseKeys.detail(c.id) });
      qc.invalidateQueries({ queryKey: workKeys.closures() });
    },
  });
  if (!c.abilities.update) return null;
  const p = state.data?.pending;
  const returned = state.data?.returned;
  return (
    <Section title={t('closure.title')}>
      <Stack>
        {closed ? (
          <>
            <Badge color="gray">{t(`htcds.cas_Status.${c.status}`)}</Badge>
            {supervisor && (
              <Group align="end">
                <TextInput
                  label={t('closure.reopenReason')}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                />
                <Button
                  variant="light"
                  disabled={reason.trim().length < 3}
                  onClick={() => call.mutate({ path: 'reopen', body: { reason } })}
                >
                  {t('closure.reopen')}
                </Button>
              </Group>
            )}
          </>
        ) : p ? (
          <Stack gap="xs">
            <Group gap="xs">
              <Badge color="blue">{t('closure.pending')}</Badge>
              <Text size="sm">
                {t(`htcds.cas_Status.${p.cas_Status}`)} · {formatDateTime(p.requestedAt)}
              </Text>
            </Group>
            <Text size="sm">{p.cas_ReasonForCaseClosure}</Text>
            {supervisor && (
              <Group align="end" wrap="wrap">
                <TextInput
                  label={t('closure.comment')}
                  value={comment}
                  onChange={(e) => setComment(e.currentTarget.value)}
                />
                <Button
                  color="red"
                  onClick={() =>
                    call.mutate({
                      path: 'closure/decision',
                      body: { approve: true, ...(comment.trim().length >= 3 ? { comment } : {}) },
                    })
                  }
                >
                  {t('closure.approve')}
                </Button>
                <Button
                  variant="light"
                  disabled={comment.trim().length < 3}
                  onClick={() => call.mutate({ path: 'closure/decision', body: { approve: false, comment } })}
                >
                  {t('closure.return')}
                </Button>
              </Group>
            )}
          </Stack>
        ) : (
          <Behind label={t('record.open.closure')}>
            <Group align="end" wrap="wrap">
              {returned && (
                <Alert color="orange" w="100%">
                  {t('closure.returned', { date: formatDateTime(returned.decidedAt) })} {returned.comment}
                </Alert>
              )}
              <Select
                label={t('cases.closeStatus')}
                data={['Closed', 'ClosedReferred'].map((v) => ({ value: v, label: t(`htcds.cas_Status.${v}`) }))}
                value={status}
                onChange={setStatus}
              />
              <Textarea
                label={t('cases.closeReason')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                autosize
                miw={260}
              />
              <Button
                variant="light"
                disabled={reason.trim().length < 3}
                onClick={() =>
                  call.mutate({
                    path: 'closure',
                    body: {
                      cas_Status: status === 'ClosedReferred' ? 'ClosedReferred' : 'Closed',
                      cas_ReasonForCaseClosure: reason,
                    },
                  })
                }
              >
                {t('closure.request')}
              </Button>
            </Group>
          </Behind>
        )}
        {call.error && (
          <Alert color="red" role="alert">
            {call.error.message}
          </Alert>
        )}
      </Stack>
    </Section>
  );
}
