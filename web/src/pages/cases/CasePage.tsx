import { Alert, Button, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { type ApiResponse, client, ok } from '../../api';
import { caseKeys } from '../../api/keys';
import { formatDateTime } from '../../format';
import { has, useSession } from '../../session';
import { BoardPart } from './board/index';
import { Closure } from './closure';
import { Files } from './files';
import { FollowUpsSection } from './followups';
import { CaseFormsPart } from './forms';
import { Legal } from './legal';
import { Plans } from './plans';
import { AnonymisedBanner, PrivacyPart } from './privacy/index';
import { ProsecutionPart } from './prosecution/index';
import { CaseHeader } from './record/Header';
import { HistoryPart } from './record/History';
import { EventsPart, PerpetratorsPart } from './record/lists';
import { PersonPart, ReferredPart, SituationPart } from './record/parts';
import { Referrals } from './referrals';
import { ReturnsPart } from './returns/index';
import { Screening } from './screening';
import { Consent, Decision, Safeguards, Section } from './sections';
import { SharedFacts, SharingNote, sees } from './shared';
import { Transfers } from './transfers';
import { useTransport } from './transport';
import type { CaseWrite } from './writes';

/** The case as GET /api/cases/{id} answers it, from the generated client. */
export type CaseDetail = ApiResponse<'/api/cases/{id}'>;

const tabs = ['record', 'protection', 'abroad', 'services', 'notes', 'history'] as const;

/**
 * One case around its record: a summary header with what asks for action, then tabs — the record (person,
 * situation, events, perpetrators), protection (safeguards, screening, decision, consent), services and follow-up,
 * notes, and the history. Forms open behind "Edit" and "Add"; what a role cannot do is not shown.
 */
export function CasePage() {
  const { id } = useParams();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: caseKeys.detail(id ?? ''),
    queryFn: () => ok(client.GET('/api/cases/{id}', { params: { path: { id: id ?? '' } } })),
  });
  const saved = (c: CaseDetail) => qc.setQueryData(caseKeys.detail(id ?? ''), c);
  const refresh = () => void qc.invalidateQueries({ queryKey: caseKeys.detail(id ?? '') });
  const c = q.data;
  if (q.error) return <Alert color="red">{q.error.message}</Alert>;
  if (!c) return null;
  return <CaseView c={c} saved={saved} header={<CaseHeader c={c} onSaved={saved} refresh={refresh} />} />;
}

/**
 * The case's tabs. On the field device (`field`), only what can be done offline is shown: the record, safeguards,
 * screening, decision and consent, follow-ups, photos and notes; plans, referrals, legal steps, transfers, closure
 * and the history need the server.
 */
export function CaseView({
  c,
  saved,
  header,
  field,
}: {
  c: CaseDetail;
  saved: (c: CaseDetail) => void;
  header: ReactNode;
  field?: ReactNode;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [comment, setComment] = useState('');
  const { data: session } = useSession();
  const transport = useTransport();
  const mutation = useMutation({
    mutationFn: (w: CaseWrite) => transport.write(c.id, w),
    onSuccess: saved,
  });
  const act = (w: CaseWrite) => mutation.mutateAsync(w).catch(() => undefined);
  // A receiver gets the tabs that hold something shared with it (its referrals are under services).
  const given = {
    record: true,
    protection: sees(c, 'legal') || sees(c, 'decision') || sees(c, 'safeguards') || sees(c, 'measures'),
    abroad: sees(c, 'returns'),
    services: true,
    notes: sees(c, 'comments'),
    history: sees(c, 'history'),
  };
  const shown = tabs.filter((x) => given[x] && !(transport.offline && (x === 'history' || x === 'abroad')));
  const tab = shown.find((x) => x === params.get('tab')) ?? 'record';
  const online = !transport.offline;
  return (
    <Stack maw={900}>
      {header}
      <AnonymisedBanner c={c} />
      <SharingNote c={c} />
      {mutation.error && (
        <Alert color="red" role="alert">
          {mutation.error.message}
        </Alert>
      )}
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'record' ? { tab: v } : {}, { replace: true })}>
        <Tabs.List>
          {shown.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`record.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="record" pt="md">
          <Stack>
            <PersonPart c={c} onSaved={saved} />
            <SituationPart c={c} onSaved={saved} />
            {sees(c, 'exploitation') && <EventsPart c={c} onSaved={saved} />}
            {sees(c, 'perpetrators') && <PerpetratorsPart c={c} onSaved={saved} />}
            <ReferredPart c={c} onSaved={saved} />
            {online && sees(c, 'forms') && <CaseFormsPart caseId={c.id} />}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="protection" pt="md">
          <Stack>
            {c.isMinor && c.abilities.update && <Safeguards c={c} act={act} onSaved={saved} />}
            {c.abilities.update && <Screening c={c} caseId={c.id} />}
            {c.abilities.update && <Decision c={c} act={act} />}
            {c.abilities.update && <Consent c={c} act={act} />}
            <SharedFacts c={c} />
            {online && sees(c, 'measures') && <BoardPart c={c} />}
            {online && sees(c, 'legal') && <ProsecutionPart c={c} />}
            {online && sees(c, 'legal') && <Legal caseId={c.id} writable={has(session, 'legal:write')} />}
            {online && !c.sharing && <PrivacyPart c={c} />}
          </Stack>
        </Tabs.Panel>
        {online && (
          <Tabs.Panel value="abroad" pt="md">
            <ReturnsPart c={c} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="services" pt="md">
          <Stack>
            {online && c.abilities.update && <Plans caseId={c.id} writable={c.abilities.update} />}
            {online && <Referrals caseId={c.id} writable={c.abilities.update} />}
            {c.abilities.update && <FollowUpsSection c={c} act={act} />}
            {online && c.abilities.update && <Files caseId={c.id} writable={c.abilities.update} />}
            {field}
            {online && c.abilities.update && <Transfers caseId={c.id} writable={c.abilities.update} />}
            {online && <Closure c={c} />}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="notes" pt="md">
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
                    onClick={() =>
                      act({ to: 'comments', body: { cco_CaseComment: comment } }).then(() => setComment(''))
                    }
                  >
                    {t('cases.addComment')}
                  </Button>
                </>
              )}
            </Stack>
          </Section>
        </Tabs.Panel>
        {online && (
          <Tabs.Panel value="history" pt="md">
            <HistoryPart c={c} onSaved={saved} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
