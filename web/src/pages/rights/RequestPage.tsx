import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../format';
import { CaseFlags } from '../cases/privacy/flags';
import { AnswerForm, ErasePart, FlagButton } from './actions';
import { type RequestDetail, useRequest } from './data';
import { Part } from './part';
import { Deadline } from './RightsList';

/** One labelled fact of the request. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** What the right asks of the supervisor: the export, the erasure, the flag, or the correction in the record. */
function WhatToDo({ r }: { r: RequestDetail }) {
  const { t } = useTranslation();
  const open = r.status === 'open';
  switch (r.right) {
    case 'access':
    case 'portability':
      if (!r.abilities.export) return null;
      return (
        <Part title={t('rights.export.title')} part="export">
          <Stack gap="xs">
            <Text size="sm">{t('rights.export.intro', { language: t(`rights.languages.${r.language}`) })}</Text>
            <Group>
              <Anchor href={`/api/rights/requests/${r.id}/export.pdf`} download>
                {t('rights.export.pdf')}
              </Anchor>
              <Anchor href={`/api/rights/requests/${r.id}/export.json`} download>
                {t('rights.export.json')}
              </Anchor>
            </Group>
            <Text size="xs" c="dimmed">
              {t('rights.export.audited')}
            </Text>
          </Stack>
        </Part>
      );
    case 'rectification':
      return (
        <Part title={t('rights.rectify.title')} part="rectify">
          <Stack gap="xs">
            <Text size="sm">{t('rights.rectify.intro')}</Text>
            <Anchor component={Link} to={`/cases/${r.rectifyCaseId ?? r.caseId}`}>
              {t('rights.rectify.open', { code: r.caseCode })}
            </Anchor>
          </Stack>
        </Part>
      );
    case 'erasure':
      return open ? <ErasePart r={r} /> : null;
    case 'objection':
    case 'restriction':
      return (
        <Part title={t('rights.flags.title')} part="flags">
          <Stack gap="xs">
            <Text size="sm">{t(`rights.flags.intro.${r.right}`)}</Text>
            <CaseFlags caseId={r.caseId} />
            {open && r.abilities.flag && !r.flags.some((f) => f.active && f.flag === r.right) && <FlagButton r={r} />}
          </Stack>
        </Part>
      );
    default:
      return null;
  }
}

/**
 * One request: its facts and deadline, what its right asks for (export, erasure, flag or correction), and its answer
 * — answered, refused with the reason, or withdrawn.
 */
export function RequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useRequest(id);
  const r = q.data;
  if (q.error)
    return (
      <Alert color="red" role="alert">
        {q.error.message}
      </Alert>
    );
  if (!r) return null;
  return (
    <Stack maw={900}>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('rights.requestTitle', { code: r.code })}</Title>
        <Deadline r={r} />
      </Group>
      <Anchor component={Link} to="/rights" size="sm">
        {t('rights.back')}
      </Anchor>
      {r.anonymisedAt && (
        <Alert color="gray" title={t('rights.anonymised.title')}>
          {t('rights.anonymised.body', { date: formatDate(r.anonymisedAt) })}
        </Alert>
      )}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Fact label={t('rights.person')}>{r.personName ?? t('rights.anonymised.title')}</Fact>
          <Fact label={t('rights.right')}>{t(`rights.rights.${r.right}`)}</Fact>
          <Fact label={t('rights.case')}>
            <Anchor component={Link} to={`/cases/${r.caseId}`} size="sm">
              {r.caseCode}
            </Anchor>
          </Fact>
          <Fact label={t('rights.status')}>
            <Badge color={r.status === 'open' ? 'blue' : r.status === 'answered' ? 'green' : 'gray'}>
              {t(`rights.statuses.${r.status}`)}
            </Badge>
          </Fact>
          <Fact label={t('rights.requester')}>{r.requester ?? '—'}</Fact>
          <Fact label={t('rights.channel')}>{t(`rights.channels.${r.channel}`)}</Fact>
          <Fact label={t('rights.language')}>{t(`rights.languages.${r.language}`)}</Fact>
          <Fact label={t('rights.receivedOn')}>{formatDate(r.receivedOn)}</Fact>
          <Fact label={t('rights.dueOn')}>{formatDate(r.dueOn)}</Fact>
          {r.answeredOn && <Fact label={t('rights.answeredOn')}>{formatDate(r.answeredOn)}</Fact>}
        </SimpleGrid>
        {r.note && (
          <Text size="sm" mt="sm">
            {t('rights.noteShown', { note: r.note })}
          </Text>
        )}
      </Paper>
      <WhatToDo r={r} />
      {r.status !== 'open' ? (
        <Part title={t('rights.answer.done')} part="answer">
          <Stack gap="xs">
            <Text size="sm">{t(`rights.answer.was.${r.status}`)}</Text>
            {r.refusalReason && (
              <Text size="sm">
                {t('rights.answer.reasonShown', { reason: t(`rights.refusals.${r.refusalReason}`) })}
              </Text>
            )}
            {r.outcome && <Text size="sm">{r.outcome}</Text>}
          </Stack>
        </Part>
      ) : (
        r.abilities.answer && (
          <Part title={t('rights.answer.title')} part="answer">
            <AnswerForm r={r} />
          </Part>
        )
      )}
    </Stack>
  );
}
