import { Badge, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../../api';
import { formatDate, localToday as today } from '../../../format';
import { given, withSource } from '../kit/data';
import { errorAt } from '../kit/errors';
import { DateField, Failure, Submit, useTextForm } from '../kit/form';
import { Opener, useOpen } from '../kit/opener';
import { type BoardView, type Measure, type MeasureBody, useBoardWrite, useMeasureTypes } from './data';
import { EndForm, RatificationForm, ReviewForm } from './measure-forms';

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The state badges of a measure: its status, an overdue review, and where its judicial ratification stands. */
function MeasureBadges({ m }: { m: Measure }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      <Badge color={m.status === 'active' ? 'teal' : 'gray'}>{t(`board.statuses.${m.status}`)}</Badge>
      {m.reviewOverdue && <Badge color="red">{t('board.measure.reviewOverdue')}</Badge>}
      {m.ratification === 'pending' && m.status === 'active' && (
        <Badge color={m.ratificationOverdue ? 'red' : 'yellow'} c={m.ratificationOverdue ? undefined : 'dark'}>
          {t(m.ratificationOverdue ? 'board.measure.ratificationOverdue' : 'board.measure.awaitingRatification', {
            date: m.ratificationDueOn ? formatDate(m.ratificationDueOn) : '',
          })}
        </Badge>
      )}
      {m.ratification && m.ratification !== 'pending' && (
        <Badge color={m.ratification === 'ratified' ? 'green' : 'orange'}>
          {t(`board.ratificationStates.${m.ratification}`)}
        </Badge>
      )}
    </Group>
  );
}

function MeasureCard({ caseId, m }: { caseId: string; m: Measure }) {
  const { t } = useTranslation();
  const line = (label: string, value: string | null | undefined) =>
    value ? (
      <Text size="sm">
        <b>{label}:</b> {value}
      </Text>
    ) : null;
  return (
    <Paper withBorder p="sm" data-measure={m.type}>
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {withSource({ label: m.typeLabel, source: m.source })}
        </Text>
        <MeasureBadges m={m} />
        {line(t('board.measure.decided'), t(`board.deciders.${m.decidedBy}`, { date: formatDate(m.decidedOn) }))}
        {line(t('board.measure.responsible'), m.responsible)}
        {line(t('board.measure.startOn'), formatDate(m.startOn))}
        {line(t('board.measure.reviewOn'), m.reviewOn ? formatDate(m.reviewOn) : null)}
        {line(t('board.measure.ratifiedOn'), m.ratifiedOn ? formatDate(m.ratifiedOn) : null)}
        {line(t('board.measure.courtReference'), m.courtReference)}
        {line(t('board.measure.notes'), m.notes)}
        {line(t('board.measure.endedOn'), m.endedOn ? formatDate(m.endedOn) : null)}
        {line(t('board.end.reason'), m.endReason)}
        {m.reviews.map((r) => (
          <Text key={r.id} size="sm" c="dimmed">
            {t('board.review.line', {
              date: formatDate(r.reviewedOn),
              outcome: t(`board.outcomes.${r.outcome}`),
              next: r.nextReviewOn ? formatDate(r.nextReviewOn) : '—',
            })}
            {r.notes ? ` · ${r.notes}` : ''}
          </Text>
        ))}
        {(m.abilities.review || m.abilities.ratify || m.abilities.end) && (
          <Group gap="xs" align="start" wrap="wrap">
            {m.abilities.review && <ReviewForm caseId={caseId} m={m} />}
            {m.abilities.ratify && <RatificationForm caseId={caseId} m={m} />}
            {m.abilities.end && <EndForm caseId={caseId} m={m} />}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function AddMeasure({ caseId, b }: { caseId: string; b: BoardView }) {
  const { t } = useTranslation();
  const o = useOpen();
  const types = useMeasureTypes().filter((e) => e.active);
  const form = useTextForm({ decidedOn: today(), startOn: today(), responsible: '', courtReference: '', notes: '' });
  const { form: f, set } = form;
  const [type, setType] = useState<string | null>(null);
  const [hearing, setHearing] = useState<string | null>(null);
  const [review, setReview] = useState<string | null>(null);
  const entry = types.find((e) => e.key === type);
  const data = (entry?.data ?? {}) as { decidedBy?: string; reviewDays?: number; ratificationDays?: number | null };
  const suggested = data.reviewDays && f.startOn ? addDays(f.startOn, data.reviewDays) : '';
  const reviewOn = review ?? suggested;
  const save = useBoardWrite(
    caseId,
    () =>
      ok(
        client.POST('/api/cases/{id}/board/measures', {
          params: { path: { id: caseId } },
          body: given({ ...f, type: type ?? '', reviewOn, ...(hearing ? { hearingId: hearing } : {}) }) as MeasureBody,
        }),
      ),
    () => {
      form.reset();
      setType(null);
      setReview(null);
      o.hide();
    },
  );
  const fields = ['type', 'decidedOn', 'startOn', 'reviewOn', 'responsible', 'courtReference', 'hearingId'] as const;
  return (
    <Opener o={o} label={t('board.measure.open')}>
      <Stack gap="xs">
        <Select
          label={t('board.measure.type')}
          data={types.map((e) => ({ value: e.key, label: withSource(e) }))}
          value={type}
          onChange={setType}
          error={errorAt(save.error, 'type')}
          description={
            data.decidedBy
              ? [
                  t(`board.decidedBy.${data.decidedBy}`),
                  data.ratificationDays ? t('board.measure.needsRatification', { days: data.ratificationDays }) : '',
                ]
                  .filter(Boolean)
                  .join(' · ')
              : undefined
          }
          searchable
          required
        />
        <Group align="start" wrap="wrap">
          <DateField
            label={t('board.measure.decidedOn')}
            value={f.decidedOn}
            onChange={set('decidedOn')}
            error={errorAt(save.error, 'decidedOn')}
            required
          />
          <DateField
            label={t('board.measure.startOn')}
            value={f.startOn}
            onChange={set('startOn')}
            error={errorAt(save.error, 'startOn')}
            required
          />
          <DateField
            label={t('board.measure.reviewOn')}
            description={data.reviewDays ? t('board.measure.reviewHint', { days: data.reviewDays }) : undefined}
            value={reviewOn}
            onChange={setReview}
            error={errorAt(save.error, 'reviewOn')}
          />
        </Group>
        <TextInput
          label={t('board.measure.responsible')}
          {...form.text('responsible')}
          error={errorAt(save.error, 'responsible')}
          required
        />
        {b.hearings.length > 0 && (
          <Select
            label={t('board.measure.hearing')}
            data={b.hearings.map((h) => ({
              value: h.id,
              label: `${formatDate(h.heldOn)} · ${t(`board.hearingKinds.${h.kind}`)}`,
            }))}
            value={hearing}
            onChange={setHearing}
            clearable
          />
        )}
        {data.decidedBy === 'judge' && (
          <TextInput
            label={t('board.measure.courtReference')}
            description={t('board.measure.courtReferenceHint')}
            {...form.text('courtReference')}
            error={errorAt(save.error, 'courtReference')}
            required
          />
        )}
        <Textarea label={t('board.measure.notes')} {...form.text('notes')} autosize />
        <Submit
          pending={save.isPending}
          disabled={!type || !f.responsible.trim() || !f.decidedOn || !f.startOn}
          onClick={() => save.mutate(undefined)}
        >
          {t('board.measure.save')}
        </Submit>
        <Failure error={save.error} fields={fields} />
      </Stack>
    </Opener>
  );
}

/** The protection measures decided, newest first, with their reviews and ratification, and the form for a new one. */
export function Measures({ caseId, b }: { caseId: string; b: BoardView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {b.measures.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('board.measure.none')}
        </Text>
      )}
      {b.measures.map((m) => (
        <MeasureCard key={m.id} caseId={caseId} m={m} />
      ))}
      {b.abilities.write && <AddMeasure caseId={caseId} b={b} />}
    </Stack>
  );
}
