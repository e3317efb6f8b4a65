import { Alert, Badge, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type ApiResponse, client, ok } from '../../api';
import { caseKeys } from '../../api/keys';
import { formatDateTime } from '../../format';
import { has, useSession } from '../../session';
import { Closure } from './closure';
import { Files } from './files';
import { FollowUpsSection } from './followups';
import { Legal } from './legal';
import { Plans } from './plans';
import { Referrals } from './referrals';
import { Consent, Decision, Safeguards, Screening, Section } from './sections';
import { Transfers } from './transfers';
import { type CaseWrite, writeCase } from './writes';

/** The case as GET /api/cases/{id} answers it, from the generated client. */
export type CaseDetail = ApiResponse<'/api/cases/{id}'>;

function History({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: caseKeys.history(caseId),
    queryFn: () => ok(client.GET('/api/cases/{id}/history', { params: { path: { id: caseId } } })),
  });
  return (
    <Stack gap={2}>
      {q.data?.map((h) => (
        <Text key={`${h.at}-${h.action}`} size="xs" c={h.viewed ? 'dimmed' : undefined}>
          {formatDateTime(h.at)} · {h.viewed ? t('cases.viewed') : h.action} {h.fields && `(${h.fields})`} ·{' '}
          {h.actorUserId?.slice(0, 8)}
        </Text>
      ))}
    </Stack>
  );
}

/** One case on one page, readable on a phone: safeguards first for a child, then identification, consent, events and comments. */
export function CasePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const qc = useQueryClient();
  const [comment, setComment] = useState('');
  const { data: session } = useSession();
  const q = useQuery({
    queryKey: caseKeys.detail(id ?? ''),
    queryFn: () => ok(client.GET('/api/cases/{id}', { params: { path: { id: id ?? '' } } })),
  });
  const mutation = useMutation({
    mutationFn: async (w: CaseWrite) => (await writeCase(id ?? '', w)) as CaseDetail,
    onSuccess: (c) => qc.setQueryData(caseKeys.detail(id ?? ''), c),
  });
  const act = (w: CaseWrite) => mutation.mutateAsync(w).catch(() => undefined);
  const c = q.data;
  if (q.error) return <Alert color="red">{q.error.message}</Alert>;
  if (!c) return null;
  return (
    <Stack maw={900}>
      <Group>
        <Title order={1}>{c.code}</Title>
        <Badge>{t(`htcds.cas_Status.${c.status}`)}</Badge>
        <Badge variant="light">{t(`htcds.local_CaseStage.${c.stage}`)}</Badge>
        {c.isMinor && <Badge color="orange">{t('cases.minor')}</Badge>}
      </Group>
      <Text>
        {[c.person.prs_FirstName, c.person.prs_SecondName].filter(Boolean).join(' ')} · {c.ageAtIntake ?? '—'} ·{' '}
        {c.division.code} · {c.vic_TypeOfExploitation.map((f) => t(`htcds.vic_TypeOfExploitation.${f}`)).join(', ')}
      </Text>
      {mutation.error && (
        <Alert color="red" role="alert">
          {mutation.error.message}
        </Alert>
      )}
      {c.isMinor && c.abilities.update && <Safeguards key={`${c.guardian}-${c.bestInterest}`} c={c} act={act} />}
      {c.abilities.update && <Screening c={c} caseId={c.id} />}
      {c.abilities.update && <Decision c={c} act={act} />}
      {c.abilities.update && <Consent c={c} act={act} />}
      {c.abilities.update && <Plans caseId={c.id} writable={c.abilities.update} />}
      <Referrals caseId={c.id} />
      {c.abilities.update && <FollowUpsSection c={c} act={act} />}
      <Legal caseId={c.id} writable={has(session, 'legal:write')} />
      {c.abilities.update && <Files caseId={c.id} writable={c.abilities.update} />}
      <Section title={t('cases.events')}>
        {c.events.map((e) => (
          <Text key={e.id} size="sm">
            {t(`htcds.hte_Type.${e.hte_Type}`)} · {e.local_DivisionCode ?? e.hte_Country ?? '—'} · {e.month ?? '—'} ·{' '}
            {e.hte_Description}
          </Text>
        ))}
      </Section>
      <Section title={t('cases.comments')}>
        <Stack>
          {c.comments.map((m) => (
            <Text key={m.id} size="sm">
              {formatDateTime(m.createdAt)} · {m.cco_CaseComment}
            </Text>
          ))}
          {c.abilities.update && (
            <>
              <Textarea
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
                aria-label={t('cases.addComment')}
                autosize
              />
              <Button
                w="fit-content"
                variant="light"
                disabled={!comment.trim()}
                onClick={() => act({ to: 'comments', body: { cco_CaseComment: comment } }).then(() => setComment(''))}
              >
                {t('cases.addComment')}
              </Button>
            </>
          )}
        </Stack>
      </Section>
      {c.abilities.update && <Transfers caseId={c.id} writable={c.abilities.update} />}
      <Closure c={c} />
      <Section title={t('cases.history')}>
        <History caseId={c.id} />
      </Section>
    </Stack>
  );
}
