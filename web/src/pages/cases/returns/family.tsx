import { Badge, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { bestInterestDecisions, tracingResults } from '../../../../../src/modules/returns/vocabulary';
import { type ApiBody, client, ok } from '../../../api';
import { DivisionPicker } from '../../../components/DivisionPicker';
import { formatDate } from '../../../format';
import { DateField, Failure, Submit } from '../kit/form';
import { Opener } from '../kit/opener';
import { Section } from '../sections';
import { type ReturnsView, useReturnsForm } from './shared';

/** Family tracing: who traced, where, whether the family was found and how to reach it. */
export function Tracing({ caseId, v }: { caseId: string; v: ReturnsView }) {
  const { t } = useTranslation();
  const { f, o, w } = useReturnsForm(
    caseId,
    { tracedOn: '', tracedBy: '', division: '', result: 'found', familyContact: '', notes: '' },
    (body) =>
      ok(
        client.POST('/api/cases/{id}/returns/tracings', {
          params: { path: { id: caseId } },
          body: body as ApiBody<'/api/cases/{id}/returns/tracings'>,
        }),
      ),
  );
  return (
    <Section title={t('returns.tracing.title')}>
      <Stack>
        {v.tracings.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('returns.none')}
          </Text>
        )}
        {v.tracings.map((x) => (
          <Stack key={x.id} gap={2}>
            <Group gap="xs">
              <Text fw={600}>{x.place.label}</Text>
              <Badge color={x.result === 'found' ? 'teal' : 'orange'} variant="light">
                {t(`returns.tracing.results.${x.result}`)}
              </Badge>
            </Group>
            <Text size="sm">
              {formatDate(x.tracedOn)} · {t('returns.tracing.by')}: {x.tracedBy}
            </Text>
            {x.familyContact && (
              <Text size="sm">
                {t('returns.tracing.contact')}: {x.familyContact}
              </Text>
            )}
            {x.notes && <Text size="sm">{x.notes}</Text>}
          </Stack>
        ))}
        {v.abilities.write && (
          <Opener o={o} label={t('returns.tracing.add')}>
            <Stack gap="xs">
              <Group align="end" wrap="wrap">
                <DateField
                  w={180}
                  label={t('returns.date')}
                  value={f.form.tracedOn}
                  onChange={f.set('tracedOn')}
                  error={w.at.tracedOn}
                />
                <TextInput label={t('returns.tracing.by')} {...f.text('tracedBy')} error={w.at.tracedBy} />
                <Select
                  label={t('returns.tracing.result')}
                  data={tracingResults.map((r) => ({ value: r, label: t(`returns.tracing.results.${r}`) }))}
                  value={f.form.result}
                  onChange={(x) => x && f.set('result')(x)}
                />
              </Group>
              <DivisionPicker
                label={`${t('returns.tracing.place')} (${t('returns.divisionHome')})`}
                value={f.form.division || null}
                onChange={(c) => f.set('division')(c ?? '')}
              />
              {w.at.division && (
                <Text size="sm" c="red" role="alert">
                  {w.at.division}
                </Text>
              )}
              <TextInput label={t('returns.tracing.contact')} {...f.text('familyContact')} error={w.at.familyContact} />
              <Textarea label={t('returns.notes')} autosize {...f.text('notes')} error={w.at.notes} />
              <Failure message={w.general} />
              <Submit
                pending={w.m.isPending}
                disabled={!f.form.tracedOn || !f.form.tracedBy.trim() || !f.form.division}
                onClick={() => w.m.mutate(undefined)}
              >
                {t('returns.save')}
              </Submit>
            </Stack>
          </Opener>
        )}
      </Stack>
    </Section>
  );
}

/** The family assessment before a return: findings, the child's view and the best-interest decision with reasons. */
export function Assessment({ caseId, v }: { caseId: string; v: ReturnsView }) {
  const { t } = useTranslation();
  const { f, o, w } = useReturnsForm(
    caseId,
    { assessedOn: '', assessor: '', findings: '', childView: '', decision: '', reasons: '' },
    (body) =>
      ok(
        client.POST('/api/cases/{id}/returns/assessments', {
          params: { path: { id: caseId } },
          body: body as ApiBody<'/api/cases/{id}/returns/assessments'>,
        }),
      ),
  );
  const ready = ['assessedOn', 'assessor', 'findings', 'childView', 'decision', 'reasons'].every(
    (k) => f.form[k as keyof typeof f.form].trim() !== '',
  );
  return (
    <Section title={t('returns.assessment.title')}>
      <Stack>
        {v.assessments.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('returns.none')}
          </Text>
        )}
        {v.assessments.map((a) => (
          <Stack key={a.id} gap={2}>
            <Group gap="xs">
              <Text fw={600}>{t('returns.assessment.decision')}:</Text>
              <Badge color={a.decision === 'return' ? 'teal' : 'gray'} variant="light">
                {t(`returns.assessment.decisions.${a.decision}`)}
              </Badge>
            </Group>
            <Text size="sm">
              {formatDate(a.assessedOn)} · {t('returns.assessment.assessor')}: {a.assessor}
            </Text>
            <Text size="sm">
              {t('returns.assessment.findings')}: {a.findings}
            </Text>
            <Text size="sm">
              {t('returns.assessment.childView')}: {a.childView}
            </Text>
            <Text size="sm">
              {t('returns.assessment.reasons')}: {a.reasons}
            </Text>
          </Stack>
        ))}
        {v.abilities.write && (
          <Opener o={o} label={t('returns.assessment.add')}>
            <Stack gap="xs">
              <Group align="end" wrap="wrap">
                <DateField
                  w={180}
                  label={t('returns.date')}
                  value={f.form.assessedOn}
                  onChange={f.set('assessedOn')}
                  error={w.at.assessedOn}
                />
                <TextInput label={t('returns.assessment.assessor')} {...f.text('assessor')} error={w.at.assessor} />
              </Group>
              <Textarea
                label={t('returns.assessment.findings')}
                autosize
                {...f.text('findings')}
                error={w.at.findings}
              />
              <Textarea
                label={t('returns.assessment.childView')}
                autosize
                {...f.text('childView')}
                error={w.at.childView}
              />
              <Select
                label={t('returns.assessment.decision')}
                data={bestInterestDecisions.map((d) => ({ value: d, label: t(`returns.assessment.decisions.${d}`) }))}
                value={f.form.decision || null}
                onChange={(x) => f.set('decision')(x ?? '')}
                error={w.at.decision}
                w={260}
              />
              <Textarea label={t('returns.assessment.reasons')} autosize {...f.text('reasons')} error={w.at.reasons} />
              <Failure message={w.general} />
              <Submit pending={w.m.isPending} disabled={!ready} onClick={() => w.m.mutate(undefined)}>
                {t('returns.save')}
              </Submit>
            </Stack>
          </Opener>
        )}
      </Stack>
    </Section>
  );
}
