import { Alert, Group, MultiSelect, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hearingKinds, outcomes } from '../../../../../src/modules/prosecution/vocabulary';
import { client, ok } from '../../../api';
import { localToday } from '../../../format';
import { given, useCatalogue, withSource } from '../kit/data';
import { errorAt } from '../kit/errors';
import { DateField, Failure, Submit } from '../kit/form';
import type { Complaint, OutcomeBody, Prosecution } from './data';
import { path, submit, useWrite } from './kit';
import { perSuspectBody, perSuspectOf, SuspectOutcomes } from './suspect-outcomes';

/** The proceeding reached a later stage: only the catalogue's stages after the current one are offered. */
export function StageForm({ caseId, c, done }: { caseId: string; c: Complaint; done: () => void }) {
  const { t } = useTranslation();
  const all = useCatalogue('proceeding_stage');
  const order = (key: string) => Number(all.find((s) => s.key === key)?.data.order ?? 0);
  const later = all.filter((s) => s.active && order(s.key) > order(c.stage.key));
  const [stage, setStage] = useState<string | null>(null);
  const [reachedOn, setReachedOn] = useState('');
  const m = useWrite(
    caseId,
    () =>
      ok(
        client.POST('/api/cases/{id}/complaints/{sub}/stages', {
          ...path(caseId, c.id),
          body: { stage: stage ?? '', reachedOn },
        }),
      ),
    done,
  );
  return (
    <form onSubmit={submit(() => m.mutate(undefined))}>
      <Stack gap="xs">
        <Select
          label={t('prosecution.stage')}
          required
          data={later.map((s) => ({ value: s.key, label: withSource(s) }))}
          value={stage}
          onChange={setStage}
          error={errorAt(m.error, 'stage')}
        />
        <DateField
          required
          label={t('prosecution.reachedOn')}
          max={localToday()}
          value={reachedOn}
          onChange={setReachedOn}
          error={errorAt(m.error, 'reachedOn')}
        />
        <Failure error={m.error} fields={['stage', 'reachedOn']} />
        <Submit pending={m.isPending} disabled={!stage || !reachedOn}>
          {t('prosecution.addStage')}
        </Submit>
      </Stack>
    </form>
  );
}

/** The offences one of the case's perpetrators is charged with (the whole set: unticked ones are withdrawn). */
export function ChargesForm({
  caseId,
  p,
  c,
  done,
}: {
  caseId: string;
  p: Prosecution;
  c: Complaint;
  done: () => void;
}) {
  const { t } = useTranslation();
  const offences = useCatalogue('offence');
  const [perpetratorId, setPerpetrator] = useState<string | null>(p.perpetrators[0]?.id ?? null);
  const current = (id: string | null) =>
    c.suspects.find((s) => s.perpetratorId === id)?.charges.map((x) => x.key) ?? [];
  const [chosen, setChosen] = useState<string[]>(current(perpetratorId));
  const m = useWrite(
    caseId,
    () =>
      ok(
        client.POST('/api/cases/{id}/complaints/{sub}/charges', {
          ...path(caseId, c.id),
          body: { perpetratorId: perpetratorId ?? '', offences: chosen },
        }),
      ),
    done,
  );
  if (!p.perpetrators.length) return <Alert color="yellow">{t('prosecution.noPerpetrators')}</Alert>;
  return (
    <form onSubmit={submit(() => m.mutate(undefined))}>
      <Stack gap="xs">
        <Select
          label={t('prosecution.suspect')}
          required
          data={p.perpetrators.map((x, i) => ({
            value: x.id,
            label: x.name ?? t('prosecution.suspectN', { n: i + 1 }),
          }))}
          value={perpetratorId}
          onChange={(v) => {
            setPerpetrator(v);
            setChosen(current(v));
          }}
          error={errorAt(m.error, 'perpetratorId')}
        />
        <MultiSelect
          label={t('prosecution.offences')}
          data={offences
            .filter((o) => o.active || chosen.includes(o.key))
            .map((o) => ({ value: o.key, label: withSource(o) }))}
          value={chosen}
          onChange={setChosen}
          error={errorAt(m.error, 'offences')}
        />
        <Failure error={m.error} fields={['perpetratorId', 'offences']} />
        <Submit pending={m.isPending} disabled={!perpetratorId}>
          {t('prosecution.saveCharges')}
        </Submit>
      </Stack>
    </form>
  );
}

/** A procedural hearing: its day, its kind, and what it decided (sealed). */
export function HearingForm({ caseId, c, done }: { caseId: string; c: Complaint; done: () => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState({ heldOn: '', kind: null as string | null, result: '' });
  const m = useWrite(
    caseId,
    () =>
      ok(
        client.POST('/api/cases/{id}/complaints/{sub}/hearings', {
          ...path(caseId, c.id),
          body: given({ heldOn: f.heldOn, kind: f.kind, result: f.result.trim() }) as never,
        }),
      ),
    done,
  );
  return (
    <form onSubmit={submit(() => m.mutate(undefined))}>
      <Stack gap="xs">
        <Group grow wrap="wrap" align="start">
          <DateField
            required
            miw={150}
            label={t('prosecution.heldOn')}
            value={f.heldOn}
            onChange={(v) => setF({ ...f, heldOn: v })}
            error={errorAt(m.error, 'heldOn')}
          />
          <Select
            label={t('prosecution.kind')}
            required
            miw={150}
            data={hearingKinds.map((k) => ({ value: k, label: t(`prosecution.hearingKind.${k}`) }))}
            value={f.kind}
            onChange={(v) => setF({ ...f, kind: v })}
            error={errorAt(m.error, 'kind')}
          />
        </Group>
        <Textarea
          label={t('prosecution.hearingResult')}
          autosize
          minRows={2}
          value={f.result}
          onChange={(e) => setF({ ...f, result: e.currentTarget.value })}
          error={errorAt(m.error, 'result')}
        />
        <Failure error={m.error} fields={['heldOn', 'kind', 'result']} />
        <Submit pending={m.isPending} disabled={!f.heldOn || !f.kind}>
          {t('prosecution.addHearing')}
        </Submit>
      </Stack>
    </form>
  );
}

/** How the proceeding ended; sentence, fine and reparation are asked for only with a conviction. */
export function OutcomeForm({ caseId, c, done }: { caseId: string; c: Complaint; done: () => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState({
    outcome: c.outcome as string | null,
    outcomeOn: c.outcomeOn ?? '',
    sentenceMonths: c.sentenceMonths ?? ('' as number | string),
    fineAmount: c.fineAmount ?? ('' as number | string),
    reparation: c.reparation ?? '',
    reparationAmount: c.reparationAmount ?? ('' as number | string),
  });
  const [per, setPer] = useState(perSuspectOf(c));
  const convicted = f.outcome === 'conviction';
  const m = useWrite(
    caseId,
    () => {
      const suspects = perSuspectBody(per);
      const body = {
        ...(convicted
          ? given({ ...f, reparation: f.reparation.trim() })
          : { outcome: f.outcome, outcomeOn: f.outcomeOn }),
        ...(suspects.length ? { suspects } : {}),
      };
      return ok(
        client.POST('/api/cases/{id}/complaints/{sub}/outcome', { ...path(caseId, c.id), body: body as OutcomeBody }),
      );
    },
    done,
  );
  const at = (k: string) => errorAt(m.error, k);
  const num = (k: 'sentenceMonths' | 'fineAmount' | 'reparationAmount') => (v: number | string) =>
    setF({ ...f, [k]: v });
  return (
    <form onSubmit={submit(() => m.mutate(undefined))}>
      <Stack gap="xs">
        <Group grow wrap="wrap" align="start">
          <Select
            label={t('prosecution.result')}
            required
            miw={150}
            description={c.chargedOn ? undefined : t('prosecution.outcomeBeforeCharges')}
            data={outcomes.map((o) => ({
              value: o,
              label: t(`prosecution.outcome.${o}`),
              disabled: o !== 'dismissal' && !c.chargedOn,
            }))}
            value={f.outcome}
            onChange={(v) => setF({ ...f, outcome: v })}
            error={at('outcome')}
          />
          <DateField
            required
            miw={150}
            label={t('prosecution.outcomeOn')}
            max={localToday()}
            value={f.outcomeOn}
            onChange={(v) => setF({ ...f, outcomeOn: v })}
            error={at('outcomeOn')}
          />
        </Group>
        {convicted && (
          <>
            <Group grow wrap="wrap" align="start">
              <NumberInput
                label={t('prosecution.sentenceMonths')}
                miw={150}
                min={0}
                max={1200}
                allowDecimal={false}
                value={f.sentenceMonths}
                onChange={num('sentenceMonths')}
                error={at('sentenceMonths')}
              />
              <NumberInput
                label={t('prosecution.fineAmount')}
                miw={150}
                min={0}
                prefix="$ "
                value={f.fineAmount}
                onChange={num('fineAmount')}
                error={at('fineAmount')}
              />
            </Group>
            <Textarea
              label={t('prosecution.reparation')}
              autosize
              minRows={2}
              value={f.reparation}
              onChange={(e) => setF({ ...f, reparation: e.currentTarget.value })}
              error={at('reparation')}
            />
            <NumberInput
              label={t('prosecution.reparationAmount')}
              min={0}
              prefix="$ "
              value={f.reparationAmount}
              onChange={num('reparationAmount')}
              error={at('reparationAmount')}
            />
          </>
        )}
        <SuspectOutcomes c={c} value={per} onChange={setPer} error={at('suspects')} />
        <Failure
          error={m.error}
          fields={[
            'outcome',
            'outcomeOn',
            'sentenceMonths',
            'fineAmount',
            'reparation',
            'reparationAmount',
            'suspects',
          ]}
        />
        <Submit pending={m.isPending} disabled={!f.outcome || !f.outcomeOn}>
          {t('prosecution.saveOutcome')}
        </Submit>
      </Stack>
    </form>
  );
}
