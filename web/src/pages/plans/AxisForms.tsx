import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, NumberInput, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { actionBody, axes, objectiveBody } from '../../../../src/modules/plans/schema';
import { EnumSelect } from '../../components/EnumSelect';
import { useOrganisations } from '../../organisations';
import type { PlanDetail as Plan } from './types';
import type { Call } from './writes';

type ObjectiveIn = z.input<typeof objectiveBody>;
type ObjectiveOut = z.output<typeof objectiveBody>;
type ActionIn = z.input<typeof actionBody>;
type ActionOut = z.output<typeof actionBody>;

// Optional text fields left blank are absent, as the schema expects.
const blankIsAbsent = { setValueAs: (v: string) => (v?.trim() ? v : undefined) };

/** A new objective under one of the four axes, checked by the server's own schema before it is sent. */
export function ObjectiveForm({ call }: { call: Call }) {
  const { t } = useTranslation();
  const form = useForm<ObjectiveIn, unknown, ObjectiveOut>({
    resolver: zodResolver(objectiveBody),
    defaultValues: { axis: 'prevention', text: '' },
  });
  const { errors } = form.formState;
  const text = form.watch('text') ?? '';
  const submit = form.handleSubmit((body) => call({ to: 'objectives', body }).then(() => form.setValue('text', '')));
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('localPlans.addObjective')}
      </Title>
      <Group align="end" wrap="wrap">
        <Controller
          control={form.control}
          name="axis"
          render={({ field }) => (
            <EnumSelect
              label={t('localPlans.axis')}
              values={axes}
              prefix="localPlans.axes"
              value={field.value}
              onChange={(v) => v && field.onChange(v)}
              error={Boolean(errors.axis)}
              miw={260}
            />
          )}
        />
        <TextInput
          label={t('localPlans.nationalObjective')}
          error={Boolean(errors.nationalObjective)}
          {...form.register('nationalObjective', blankIsAbsent)}
        />
      </Group>
      <Textarea label={t('localPlans.objective')} error={Boolean(errors.text)} autosize {...form.register('text')} />
      <Button w="fit-content" disabled={text.trim().length < 3} onClick={submit}>
        {t('localPlans.addObjective')}
      </Button>
    </Stack>
  );
}

/** A new action under an objective: responsible organisation, dates and budget, checked by the server's schema. */
export function ActionForm({ plan, call }: { plan: Plan; call: Call }) {
  const { t } = useTranslation();
  const orgs = useOrganisations(true);
  const form = useForm<ActionIn, unknown, ActionOut>({
    resolver: zodResolver(actionBody),
    defaultValues: { title: '', budgetPlanned: 0, budgetExecuted: 0 },
  });
  const { errors } = form.formState;
  const [objectiveId, title] = form.watch(['objectiveId', 'title']);
  const submit = form.handleSubmit((body) => call({ to: 'actions', body }).then(() => form.setValue('title', '')));
  const money = (name: 'budgetPlanned' | 'budgetExecuted', label: string) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <NumberInput
          label={label}
          value={field.value ?? 0}
          onChange={(n) => field.onChange(Number(n) || 0)}
          error={Boolean(errors[name])}
          min={0}
        />
      )}
    />
  );
  return (
    <Stack gap="xs">
      <Title order={2} size="h4" mt="sm">
        {t('localPlans.addAction')}
      </Title>
      <Controller
        control={form.control}
        name="objectiveId"
        render={({ field }) => (
          <Select
            allowDeselect={false}
            label={t('localPlans.actionObjective')}
            data={plan.objectives.map((o) => ({ value: o.id, label: `${t(`localPlans.axes.${o.axis}`)} · ${o.text}` }))}
            value={field.value ?? null}
            onChange={(v) => field.onChange(v ?? undefined)}
            error={Boolean(errors.objectiveId)}
          />
        )}
      />
      <TextInput label={t('localPlans.action')} error={Boolean(errors.title)} {...form.register('title')} />
      <Group align="end" wrap="wrap">
        <Controller
          control={form.control}
          name="responsibleOrgId"
          render={({ field }) => (
            <Select
              label={t('localPlans.responsible')}
              data={orgs.options}
              value={field.value ?? null}
              onChange={(v) => field.onChange(v ?? undefined)}
              error={Boolean(errors.responsibleOrgId)}
              searchable
              clearable
              miw={240}
            />
          )}
        />
        <TextInput
          type="date"
          label={t('localPlans.startsOn')}
          error={Boolean(errors.startsOn)}
          {...form.register('startsOn', blankIsAbsent)}
        />
        <TextInput
          type="date"
          label={t('localPlans.endsOn2')}
          error={Boolean(errors.endsOn)}
          {...form.register('endsOn', blankIsAbsent)}
        />
      </Group>
      <Group align="end" wrap="wrap">
        {money('budgetPlanned', t('localPlans.budgetPlanned'))}
        {money('budgetExecuted', t('localPlans.budgetExecuted'))}
        <Button disabled={!objectiveId || (title ?? '').trim().length < 3} onClick={submit}>
          {t('localPlans.addAction')}
        </Button>
      </Group>
    </Stack>
  );
}
