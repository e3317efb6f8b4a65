import { Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../../api';
import { localToday as today } from '../../../format';
import { given } from '../kit/data';
import { errorAt } from '../kit/errors';
import { DateField, Failure, Submit } from '../kit/form';
import { Opener, useOpen } from '../kit/opener';
import { type Measure, useBoardWrite } from './data';

const outcomes = ['maintained', 'modified'] as const;
const answers = ['ratified', 'refused'] as const;
const endings = ['ended', 'revoked'] as const;

/** A review of a measure: its outcome, and the next review date (which becomes the next task). */
export function ReviewForm({ caseId, m }: { caseId: string; m: Measure }) {
  const { t } = useTranslation();
  const o = useOpen();
  const [f, setF] = useState({ reviewedOn: today(), notes: '', nextReviewOn: '' });
  const [outcome, setOutcome] = useState<string | null>('maintained');
  const save = useBoardWrite(
    caseId,
    () =>
      ok(
        client.POST('/api/cases/{id}/board/measures/{sub}/reviews', {
          params: { path: { id: caseId, sub: m.id } },
          body: given({ ...f, outcome: outcome as (typeof outcomes)[number] }),
        }),
      ),
    o.hide,
  );
  return (
    <Opener o={o} label={t('board.review.open')}>
      <Stack gap="xs">
        <Group align="start" wrap="wrap">
          <DateField
            label={t('board.review.reviewedOn')}
            value={f.reviewedOn}
            onChange={(v) => setF({ ...f, reviewedOn: v })}
            error={errorAt(save.error, 'reviewedOn')}
            required
          />
          <Select
            label={t('board.review.outcome')}
            data={outcomes.map((o) => ({ value: o, label: t(`board.outcomes.${o}`) }))}
            value={outcome}
            onChange={setOutcome}
            allowDeselect={false}
          />
          <DateField
            label={t('board.review.next')}
            value={f.nextReviewOn}
            onChange={(v) => setF({ ...f, nextReviewOn: v })}
            error={errorAt(save.error, 'nextReviewOn')}
          />
        </Group>
        <Textarea
          label={t('board.review.notes')}
          value={f.notes}
          onChange={(e) => setF({ ...f, notes: e.currentTarget.value })}
          autosize
        />
        <Submit pending={save.isPending} disabled={!f.reviewedOn} onClick={() => save.mutate(undefined)}>
          {t('board.review.save')}
        </Submit>
        <Failure error={save.error} fields={['reviewedOn', 'nextReviewOn']} />
      </Stack>
    </Opener>
  );
}

/** The judge's answer to a measure awaiting ratification. */
export function RatificationForm({ caseId, m }: { caseId: string; m: Measure }) {
  const { t } = useTranslation();
  const o = useOpen();
  const [on, setOn] = useState(today());
  const [reference, setReference] = useState('');
  const [answer, setAnswer] = useState<string | null>('ratified');
  const save = useBoardWrite(
    caseId,
    () =>
      ok(
        client.POST('/api/cases/{id}/board/measures/{sub}/ratification', {
          params: { path: { id: caseId, sub: m.id } },
          body: { on, courtReference: reference, answer: answer as (typeof answers)[number] },
        }),
      ),
    o.hide,
  );
  return (
    <Opener o={o} label={t('board.ratification.open')}>
      <Stack gap="xs">
        <Group align="start" wrap="wrap">
          <Select
            label={t('board.ratification.answer')}
            data={answers.map((a) => ({ value: a, label: t(`board.ratificationStates.${a}`) }))}
            value={answer}
            onChange={setAnswer}
            allowDeselect={false}
          />
          <DateField
            label={t('board.ratification.on')}
            value={on}
            onChange={setOn}
            error={errorAt(save.error, 'on')}
            required
          />
        </Group>
        <TextInput
          label={t('board.measure.courtReference')}
          description={t('board.measure.courtReferenceHint')}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
          error={errorAt(save.error, 'courtReference')}
          required
        />
        <Submit pending={save.isPending} disabled={!on || !reference.trim()} onClick={() => save.mutate(undefined)}>
          {t('board.ratification.save')}
        </Submit>
        <Failure error={save.error} fields={['on', 'courtReference']} />
      </Stack>
    </Opener>
  );
}

/** Ends or revokes a measure (its open review and ratification tasks close). */
export function EndForm({ caseId, m }: { caseId: string; m: Measure }) {
  const { t } = useTranslation();
  const o = useOpen();
  const [on, setOn] = useState(today());
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<string | null>('ended');
  const save = useBoardWrite(
    caseId,
    () =>
      ok(
        client.POST('/api/cases/{id}/board/measures/{sub}/end', {
          params: { path: { id: caseId, sub: m.id } },
          body: given({ on, reason, status: status as (typeof endings)[number] }),
        }),
      ),
    o.hide,
  );
  return (
    <Opener o={o} label={t('board.end.open')}>
      <Stack gap="xs">
        <Group align="start" wrap="wrap">
          <Select
            label={t('board.end.status')}
            data={endings.map((s) => ({ value: s, label: t(`board.statuses.${s}`) }))}
            value={status}
            onChange={setStatus}
            allowDeselect={false}
          />
          <DateField label={t('board.end.on')} value={on} onChange={setOn} error={errorAt(save.error, 'on')} required />
        </Group>
        <Textarea
          label={t('board.end.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
        />
        <Submit color="red" pending={save.isPending} disabled={!on} onClick={() => save.mutate(undefined)}>
          {t('board.end.save')}
        </Submit>
        <Failure error={save.error} fields={['on']} />
      </Stack>
    </Opener>
  );
}
