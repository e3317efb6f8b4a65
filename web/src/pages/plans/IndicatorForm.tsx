import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, MultiSelect, NumberInput, Select, Stack, TextInput, Title } from '@mantine/core';
import { Controller, type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { indicatorBody, indicatorKinds, indicatorSources, indicatorUnits } from '../../../../src/modules/plans/schema';
import type { ApiBody } from '../../api';
import { EnumSelect } from '../../components/EnumSelect';
import type { Call } from './writes';

type Body = ApiBody<'/api/local-plans/{id}/indicators'>;

/** The new-indicator form as people fill it; one target period may be given at once. */
interface IndicatorIn {
  code: string;
  name: string;
  kind: string | null;
  unit: string | null;
  source: string | null;
  dimensions: string[];
  targetPeriod: string | null;
  target: number | string;
}

const blank: IndicatorIn = {
  code: '',
  name: '',
  kind: 'output',
  unit: 'count',
  source: 'manual',
  dimensions: [],
  targetPeriod: null,
  target: '',
};

const toBody = (f: IndicatorIn) => ({
  code: f.code,
  name: f.name,
  kind: f.kind ?? undefined,
  unit: f.unit ?? undefined,
  source: f.source ?? undefined,
  dimensions: f.dimensions,
  targets: f.targetPeriod && f.target !== '' ? { [f.targetPeriod]: Number(f.target) } : {},
});

/** Adds an indicator to a plan; the server's indicator schema checks each field before anything is sent. */
export function IndicatorForm({
  periods,
  dimensions,
  call,
}: {
  periods: string[];
  dimensions: readonly string[];
  call: Call;
}) {
  const { t } = useTranslation();
  const resolver: Resolver<IndicatorIn, unknown, Body> = (values, context, options) =>
    zodResolver(indicatorBody)(toBody(values) as never, context, options as never) as never;
  const form = useForm<IndicatorIn, unknown, Body>({ defaultValues: blank, resolver });
  const { errors } = form.formState;
  const invalid = (e: unknown) => (e ? t('cases.fieldInvalid') : undefined);
  const submit = form.handleSubmit((body) =>
    call({ to: 'indicators', body }).then(() => form.reset({ ...form.getValues(), code: '', name: '' })),
  );
  const enumField = (name: 'kind' | 'unit' | 'source', values: readonly string[], prefix: string, w: number) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <EnumSelect
          label={t(`localPlans.${name}`)}
          values={values}
          prefix={prefix}
          value={field.value}
          onChange={field.onChange}
          error={invalid(fieldState.error)}
          miw={w}
        />
      )}
    />
  );
  return (
    <Stack gap="xs">
      <Title order={3} size="h5" mt="sm">
        {t('localPlans.addIndicator')}
      </Title>
      <Group align="end" wrap="wrap">
        <TextInput label={t('localPlans.code')} {...form.register('code')} error={invalid(errors.code)} w={90} />
        <TextInput
          label={t('localPlans.indicatorName')}
          {...form.register('name')}
          error={invalid(errors.name)}
          miw={260}
        />
        {enumField('kind', indicatorKinds, 'localPlans.kinds', 140)}
        {enumField('unit', indicatorUnits, 'localPlans.units', 140)}
      </Group>
      <Group align="end" wrap="wrap">
        {enumField('source', indicatorSources, 'localPlans.sources', 240)}
        <Controller
          control={form.control}
          name="dimensions"
          render={({ field }) => (
            <MultiSelect
              label={t('localPlans.disaggregation')}
              data={dimensions.map((d) => ({ value: d, label: t(`localPlans.dimensions.${d}`) }))}
              value={field.value}
              onChange={field.onChange}
              error={invalid(errors.dimensions)}
              miw={220}
            />
          )}
        />
        <Controller
          control={form.control}
          name="targetPeriod"
          render={({ field }) => (
            <Select
              allowDeselect={false}
              label={t('localPlans.targetPeriod')}
              data={periods}
              value={field.value}
              onChange={field.onChange}
              w={130}
            />
          )}
        />
        <Controller
          control={form.control}
          name="target"
          render={({ field }) => (
            <NumberInput
              label={t('localPlans.target')}
              value={field.value}
              onChange={field.onChange}
              error={invalid((errors as Record<string, unknown>).targets)}
              min={0}
              w={110}
            />
          )}
        />
      </Group>
      <Button w="fit-content" onClick={() => void submit()}>
        {t('localPlans.addIndicator')}
      </Button>
    </Stack>
  );
}
