import { Alert, Divider, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { accompanyingRoles } from '../../../../../src/modules/returns/vocabulary';
import { type ApiBody, client, ok } from '../../../api';
import { DivisionPicker } from '../../../components/DivisionPicker';
import { formatDate } from '../../../format';
import { useOrganisations } from '../../../organisations';
import { DateField, Failure, Submit } from '../kit/form';
import { Opener } from '../kit/opener';
import { Section } from '../sections';
import { PlanPart } from './plan';
import { PlaceAbroad, type ReturnsView, useReturnsForm } from './shared';

type Journey = ReturnsView['returns'][number];

/** Records the arrival of a return recorded without one (the reintegration plan then opens). */
function Arrive({ caseId, r }: { caseId: string; r: Journey }) {
  const { t } = useTranslation();
  const { f, o, w } = useReturnsForm(caseId, { arrivedOn: '', goals: '' }, (body) =>
    ok(
      client.POST('/api/cases/{id}/returns/journeys/{sub}/arrival', {
        params: { path: { id: caseId, sub: r.id } },
        body: body as ApiBody<'/api/cases/{id}/returns/journeys/{sub}/arrival'>,
      }),
    ),
  );
  return (
    <Opener o={o} label={t('returns.journey.arrive')}>
      <Stack gap="xs">
        <DateField
          w={180}
          label={t('returns.journey.arrived')}
          value={f.form.arrivedOn}
          onChange={f.set('arrivedOn')}
          error={w.at.arrivedOn}
        />
        <Textarea label={t('returns.journey.goals')} autosize {...f.text('goals')} error={w.at.goals} />
        <Failure message={w.general} />
        <Submit pending={w.m.isPending} disabled={!f.form.arrivedOn} onClick={() => w.m.mutate(undefined)}>
          {t('returns.journey.arrive')}
        </Submit>
      </Stack>
    </Opener>
  );
}

/** One return as recorded, with its reintegration plan. */
function JourneyView({ caseId, r, writable }: { caseId: string; r: Journey; writable: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text fw={600}>
        {r.from.label} → {r.to.label}
      </Text>
      <Text size="sm">
        {t('returns.journey.departed')}: {formatDate(r.departedOn)} · {t('returns.journey.arrived')}:{' '}
        {r.arrivedOn ? formatDate(r.arrivedOn) : t('returns.journey.notArrived')}
      </Text>
      {r.route && (
        <Text size="sm">
          {t('returns.journey.route')}: {r.route}
        </Text>
      )}
      {r.accompanyingName && (
        <Text size="sm">
          {t('returns.journey.accompanying')}: {r.accompanyingName}
          {r.accompanyingRole && ` (${t(`returns.journey.roles.${r.accompanyingRole}`)})`}
        </Text>
      )}
      {r.receiving && (
        <Text size="sm">
          {t('returns.journey.receiving')}: {r.receiving.name}
        </Text>
      )}
      {writable && !r.arrivedOn && <Arrive caseId={caseId} r={r} />}
      {r.plan && <PlanPart caseId={caseId} plan={r.plan} writable={writable} />}
    </Stack>
  );
}

/** The return itself (dates, route, accompanying adult, receiving institution) and the reintegration that follows. */
export function Journeys({ caseId, v }: { caseId: string; v: ReturnsView }) {
  const { t } = useTranslation();
  return (
    <Section title={t('returns.journey.title')}>
      <Stack>
        {v.returns.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('returns.none')}
          </Text>
        )}
        {v.returns.map((r, i) => (
          <Stack key={r.id}>
            {i > 0 && <Divider />}
            <JourneyView caseId={caseId} r={r} writable={v.abilities.write} />
          </Stack>
        ))}
        {v.abilities.write &&
          (v.decision === 'return' ? (
            <AddJourney caseId={caseId} />
          ) : (
            <Alert color="blue">{t('returns.journey.needsDecision')}</Alert>
          ))}
      </Stack>
    </Section>
  );
}

function AddJourney({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  const providers = useQuery({
    queryKey: ['directory', 'all-for-returns'],
    queryFn: () => ok(client.GET('/api/directory', { params: { query: { country: 'EC' } } })),
  });
  const { f, o, w } = useReturnsForm(
    caseId,
    {
      fromCountry: '',
      fromDivision: '',
      toDivision: '',
      departedOn: '',
      arrivedOn: '',
      route: '',
      accompanyingName: '',
      accompanyingRole: '',
      receivingOrgId: '',
      receivingProviderId: '',
      goals: '',
    },
    (b) =>
      ok(
        client.POST('/api/cases/{id}/returns/journeys', {
          params: { path: { id: caseId } },
          body: { ...b, fromDivision: b.fromDivision ?? null } as ApiBody<'/api/cases/{id}/returns/journeys'>,
        }),
      ),
  );
  return (
    <Opener o={o} label={t('returns.journey.add')}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('returns.journey.from')}
        </Text>
        <Group align="end" wrap="wrap">
          <PlaceAbroad
            country={f.form.fromCountry}
            division={f.form.fromDivision}
            onChange={(c, d) => {
              f.set('fromCountry')(c);
              f.set('fromDivision')(d);
            }}
            errors={{ country: w.at.fromCountry, division: w.at.fromDivision }}
          />
        </Group>
        <DivisionPicker
          label={`${t('returns.journey.to')} (${t('returns.divisionHome')})`}
          value={f.form.toDivision || null}
          onChange={(c) => f.set('toDivision')(c ?? '')}
        />
        {w.at.toDivision && (
          <Text size="sm" c="red" role="alert">
            {w.at.toDivision}
          </Text>
        )}
        <Group align="end" wrap="wrap">
          <DateField
            w={180}
            label={t('returns.journey.departed')}
            value={f.form.departedOn}
            onChange={f.set('departedOn')}
            error={w.at.departedOn}
          />
          <DateField
            w={180}
            label={t('returns.journey.arrived')}
            value={f.form.arrivedOn}
            onChange={f.set('arrivedOn')}
            error={w.at.arrivedOn}
          />
        </Group>
        <Textarea label={t('returns.journey.route')} autosize {...f.text('route')} error={w.at.route} />
        <Group align="end" wrap="wrap">
          <TextInput
            label={t('returns.journey.accompanying')}
            {...f.text('accompanyingName')}
            error={w.at.accompanyingName}
          />
          <Select
            label={t('returns.journey.accompanyingRole')}
            data={accompanyingRoles.map((r) => ({ value: r, label: t(`returns.journey.roles.${r}`) }))}
            value={f.form.accompanyingRole || null}
            onChange={(x) => f.set('accompanyingRole')(x ?? '')}
            clearable
            w={240}
          />
        </Group>
        <Group align="end" wrap="wrap">
          <Select
            label={t('returns.journey.receivingOrg')}
            searchable
            clearable
            data={orgs.options}
            value={f.form.receivingOrgId || null}
            onChange={(x) => {
              f.set('receivingOrgId')(x ?? '');
              if (x) f.set('receivingProviderId')('');
            }}
            error={w.at.receivingOrgId}
            w={300}
          />
          <Select
            label={t('returns.journey.receivingProvider')}
            searchable
            clearable
            data={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={f.form.receivingProviderId || null}
            onChange={(x) => {
              f.set('receivingProviderId')(x ?? '');
              if (x) f.set('receivingOrgId')('');
            }}
            error={w.at.receivingProviderId}
            w={300}
          />
        </Group>
        <Textarea label={t('returns.journey.goals')} autosize {...f.text('goals')} error={w.at.goals} />
        <Failure message={w.general} />
        <Submit
          pending={w.m.isPending}
          disabled={!f.form.fromCountry || !f.form.toDivision || !f.form.departedOn}
          onClick={() => w.m.mutate(undefined)}
        >
          {t('returns.journey.add')}
        </Submit>
      </Stack>
    </Opener>
  );
}
