import { Anchor, Badge, FileInput, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, multipart, ok } from '../../../api';
import { formatDate, formatDateTime } from '../../../format';
import { errorAt } from '../kit/errors';
import { Failure, Submit } from '../kit/form';
import { Opener, useOpen } from '../kit/opener';
import { type BoardView, type Notice, useBoardWrite } from './data';

const methods = ['in_person', 'email', 'official_letter', 'quipux'] as const;
const languages = ['es', 'en', 'qu-EC'] as const;

/** Where a notification stands: delivered (on time or late), awaiting delivery, or past its deadline. */
function NoticeState({ n }: { n: Notice }) {
  const { t } = useTranslation();
  if (n.deliveredAt)
    return n.late ? (
      <Badge color="orange">{t('board.notice.late')}</Badge>
    ) : (
      <Badge color="green">{t('board.notice.delivered')}</Badge>
    );
  return n.overdue ? (
    <Badge color="red">{t('board.notice.overdue')}</Badge>
  ) : (
    <Badge color="gray">{t('board.notice.pending')}</Badge>
  );
}

/** Records how a notification reached the board: when, how, who received it, and the proof (uploaded as a case file). */
function Delivery({ caseId, n }: { caseId: string; n: Notice }) {
  const { t } = useTranslation();
  const o = useOpen();
  const now = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  const [at, setAt] = useState(now);
  const [method, setMethod] = useState<string | null>(null);
  const [receiver, setReceiver] = useState('');
  const [proof, setProof] = useState<File | null>(null);
  const save = useBoardWrite(caseId, async () => {
    const form = new FormData();
    form.append('file', proof!, proof!.name);
    const file = await ok(
      client.POST('/api/cases/{id}/files', { params: { path: { id: caseId } }, ...multipart(form) }),
    );
    return ok(
      client.POST('/api/cases/{id}/board/notifications/{sub}/delivery', {
        params: { path: { id: caseId, sub: n.id } },
        body: {
          deliveredAt: new Date(at).toISOString(),
          method: method as (typeof methods)[number],
          receiver,
          proofFileId: file.id,
        },
      }),
    );
  });
  const fields = ['deliveredAt', 'method', 'receiver', 'proofFileId'] as const;
  return (
    <Opener o={o} label={t('board.delivery.open')}>
      <Stack gap="xs">
        <Group align="start" wrap="wrap">
          <TextInput
            type="datetime-local"
            label={t('board.delivery.at')}
            value={at}
            onChange={(e) => setAt(e.currentTarget.value)}
            error={errorAt(save.error, 'deliveredAt')}
            required
          />
          <Select
            label={t('board.delivery.method')}
            data={methods.map((m) => ({ value: m, label: t(`board.methods.${m}`) }))}
            value={method}
            onChange={setMethod}
            error={errorAt(save.error, 'method')}
            required
          />
        </Group>
        <TextInput
          label={t('board.delivery.receiver')}
          description={t('board.delivery.receiverHint')}
          value={receiver}
          onChange={(e) => setReceiver(e.currentTarget.value)}
          error={errorAt(save.error, 'receiver')}
          required
        />
        <FileInput
          label={t('board.delivery.proof')}
          description={t('files.hint')}
          accept="image/jpeg,image/png,application/pdf"
          value={proof}
          onChange={setProof}
          error={errorAt(save.error, 'proofFileId')}
          clearable
          required
        />
        <Submit
          pending={save.isPending}
          disabled={!at || !method || !receiver.trim() || !proof}
          onClick={() => save.mutate(undefined)}
        >
          {t('board.delivery.save')}
        </Submit>
        <Failure error={save.error} fields={fields} />
      </Stack>
    </Opener>
  );
}

/** The notifications to the board: generated as a PDF, each with its delivery (or the form to record it). */
export function Notifications({ caseId, b }: { caseId: string; b: BoardView }) {
  const { t, i18n } = useTranslation();
  const o = useOpen();
  const [facts, setFacts] = useState('');
  const [request, setRequest] = useState('');
  const [language, setLanguage] = useState<string>(languages.includes(i18n.language as 'es') ? i18n.language : 'es');
  const generate = useBoardWrite(
    caseId,
    () =>
      ok(
        client.POST('/api/cases/{id}/board/notifications', {
          params: { path: { id: caseId } },
          body: { facts, request, language: language as (typeof languages)[number] },
        }),
      ),
    () => {
      setFacts('');
      setRequest('');
      o.hide();
    },
  );
  const fields = ['facts', 'request', 'language'] as const;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('board.notice.intro', { hours: b.deadlineHours })}</Text>
      {b.notifications.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('board.notice.none')}
        </Text>
      )}
      {b.notifications.map((n) => (
        <Paper key={n.id} withBorder p="sm">
          <Stack gap={4}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600} size="sm">
                {t('board.notice.of', { date: formatDate(n.createdOn) })}
              </Text>
              <NoticeState n={n} />
              <Anchor href={`/api/cases/${caseId}/board/notifications/${n.id}/pdf?lang=${n.language}`} size="sm">
                {t('board.notice.pdf')}
              </Anchor>
            </Group>
            {n.dueAt && (
              <Text size="xs" c="dimmed">
                {t('board.notice.due', { at: formatDateTime(n.dueAt) })}
              </Text>
            )}
            <Text size="sm">
              <b>{t('board.notice.facts')}:</b> {n.facts}
            </Text>
            <Text size="sm">
              <b>{t('board.notice.request')}:</b> {n.request}
            </Text>
            {n.deliveredAt ? (
              <Text size="sm">
                {t('board.delivery.summary', {
                  at: formatDateTime(n.deliveredAt),
                  method: t(`board.methods.${n.method}`),
                  receiver: n.receiver ?? '—',
                  by: n.deliveredBy ?? '—',
                })}{' '}
                {n.proofFileId && (
                  <Anchor href={`/api/cases/${caseId}/files/${n.proofFileId}`} size="sm">
                    {t('board.delivery.proofLink')}
                  </Anchor>
                )}
              </Text>
            ) : (
              b.abilities.write && <Delivery caseId={caseId} n={n} />
            )}
          </Stack>
        </Paper>
      ))}
      {b.abilities.write && b.isMinor && (
        <Opener o={o} label={t('board.notice.open')}>
          <Stack gap="xs">
            <Textarea
              label={t('board.notice.facts')}
              description={t('board.notice.factsHint')}
              value={facts}
              onChange={(e) => setFacts(e.currentTarget.value)}
              error={errorAt(generate.error, 'facts')}
              autosize
              minRows={3}
              required
            />
            <Textarea
              label={t('board.notice.request')}
              description={t('board.notice.requestHint')}
              value={request}
              onChange={(e) => setRequest(e.currentTarget.value)}
              error={errorAt(generate.error, 'request')}
              autosize
              minRows={2}
              required
            />
            <Select
              label={t('board.notice.language')}
              data={languages.map((l) => ({ value: l, label: t(`board.languages.${l}`) }))}
              value={language}
              onChange={(v) => v && setLanguage(v)}
              allowDeselect={false}
            />
            <Submit
              pending={generate.isPending}
              disabled={!facts.trim() || !request.trim()}
              onClick={() => generate.mutate(undefined)}
            >
              {t('board.notice.generate')}
            </Submit>
            <Failure error={generate.error} fields={fields} />
          </Stack>
        </Opener>
      )}
    </Stack>
  );
}
