import { Checkbox, NumberInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { authorityKinds, type CatalogueList, deciders } from '../../../../../src/modules/catalogues/vocabulary';
import { EnumSelect } from '../../../components/EnumSelect';

/** The numbers and flags of an entry as the form edits them (numbers as typed; months as the text typed). */
export type DataDraft = Record<string, unknown>;

const p = 'admin.catalogues';

/** A new entry's numbers: the usual values of its list. */
export function defaultData(list: CatalogueList, nextOrder: number): DataDraft {
  switch (list) {
    case 'measure_type':
      return { decidedBy: 'board', ratificationDays: '', reviewDays: 90 };
    case 'authority':
      return { kind: 'board' };
    case 'deadline':
      return { hours: 24 };
    case 'offence':
      return { trafficking: false };
    case 'proceeding_stage':
      return { order: nextOrder, prosecuted: true };
    case 'visit_schedule':
      return { months: '1, 3, 6, 12' };
  }
}

/** An entry's stored numbers as the form shows them. */
export function draftOf(list: CatalogueList, data: Record<string, unknown>): DataDraft {
  if (list === 'visit_schedule') return { months: ((data.months as number[]) ?? []).join(', ') };
  if (list === 'measure_type') return { ...data, ratificationDays: data.ratificationDays ?? '' };
  return { ...data };
}

/** The numbers to send, or the fields a person must correct first (by `data.<name>`). */
export function dataToSend(
  list: CatalogueList,
  d: DataDraft,
  t: (k: string) => string,
): { data: Record<string, unknown> } | { problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const num = (name: string, optional = false) => {
    const v = d[name];
    if (v === '' || v === undefined || v === null) {
      if (!optional) problems[`data.${name}`] = t(`${p}.required`);
      return null;
    }
    return Number(v);
  };
  switch (list) {
    case 'measure_type': {
      const data = {
        decidedBy: d.decidedBy,
        ratificationDays: num('ratificationDays', true),
        reviewDays: num('reviewDays'),
      };
      return Object.keys(problems).length ? { problems } : { data };
    }
    case 'deadline': {
      const data = { hours: num('hours') };
      return Object.keys(problems).length ? { problems } : { data };
    }
    case 'proceeding_stage': {
      const data = { order: num('order'), prosecuted: Boolean(d.prosecuted) };
      return Object.keys(problems).length ? { problems } : { data };
    }
    case 'visit_schedule': {
      const parts = String(d.months ?? '')
        .split(/[,;\s]+/)
        .filter(Boolean);
      const months = parts.map(Number);
      if (!parts.length || months.some((m) => !Number.isInteger(m) || m < 1 || m > 60))
        return { problems: { 'data.months': t(`${p}.badMonths`) } };
      return { data: { months } };
    }
    case 'authority':
      return { data: { kind: d.kind } };
    case 'offence':
      return { data: { trafficking: Boolean(d.trafficking) } };
  }
}

/** The inputs of a list's numbers, each labelled, each showing its own error. */
export function DataInputs({
  list,
  value,
  onChange,
  errors,
}: {
  list: CatalogueList;
  value: DataDraft;
  onChange: (d: DataDraft) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const set = (name: string) => (v: unknown) => onChange({ ...value, [name]: v });
  const number = (name: string, label: string, extra: { description?: string; max?: number } = {}) => (
    <NumberInput
      label={t(`${p}.${label}`)}
      value={value[name] as number | string}
      onChange={set(name)}
      min={1}
      max={extra.max}
      allowDecimal={false}
      allowNegative={false}
      description={extra.description}
      error={errors[`data.${name}`]}
      required={name !== 'ratificationDays'}
    />
  );
  switch (list) {
    case 'measure_type':
      return (
        <Stack gap="sm">
          <EnumSelect
            label={t(`${p}.decidedBy`)}
            values={deciders}
            prefix={`${p}.deciders`}
            value={String(value.decidedBy)}
            onChange={(v) => v && set('decidedBy')(v)}
            error={errors['data.decidedBy']}
          />
          {number('ratificationDays', 'ratificationDays', { description: t(`${p}.ratificationHelp`), max: 365 })}
          {number('reviewDays', 'reviewDays', { max: 730 })}
        </Stack>
      );
    case 'authority':
      return (
        <EnumSelect
          label={t(`${p}.kind`)}
          values={authorityKinds}
          prefix={`${p}.kinds`}
          value={String(value.kind)}
          onChange={(v) => v && set('kind')(v)}
          error={errors['data.kind']}
        />
      );
    case 'deadline':
      return number('hours', 'hours', { max: 24 * 365 });
    case 'offence':
      return (
        <Checkbox
          label={t(`${p}.trafficking`)}
          checked={Boolean(value.trafficking)}
          onChange={(e) => set('trafficking')(e.currentTarget.checked)}
          error={errors['data.trafficking']}
        />
      );
    case 'proceeding_stage':
      return (
        <Stack gap="sm">
          {number('order', 'order', { max: 99 })}
          <Checkbox
            label={t(`${p}.prosecuted`)}
            checked={Boolean(value.prosecuted)}
            onChange={(e) => set('prosecuted')(e.currentTarget.checked)}
            error={errors['data.prosecuted']}
          />
        </Stack>
      );
    case 'visit_schedule':
      return (
        <TextInput
          label={t(`${p}.months`)}
          description={t(`${p}.monthsHelp`)}
          value={String(value.months ?? '')}
          onChange={(e) => set('months')(e.currentTarget.value)}
          error={errors['data.months']}
          inputMode="numeric"
          required
        />
      );
  }
}

/** An entry's numbers in words, for the table. */
export function DataSummary({ list, data }: { list: CatalogueList; data: Record<string, unknown> }) {
  const { t } = useTranslation();
  const s = `${p}.summary`;
  switch (list) {
    case 'measure_type':
      return (
        <>
          {t(`${s}.decided`, { by: t(`${p}.deciders.${data.decidedBy}`) })}
          {' · '}
          {data.ratificationDays
            ? t(`${s}.ratification`, { count: Number(data.ratificationDays) })
            : t(`${s}.noRatification`)}
          {' · '}
          {t(`${s}.review`, { count: Number(data.reviewDays) })}
        </>
      );
    case 'authority':
      return <>{t(`${p}.kinds.${data.kind}`)}</>;
    case 'deadline':
      return <>{t(`${s}.hours`, { count: Number(data.hours) })}</>;
    case 'offence':
      return <>{data.trafficking ? t(`${s}.trafficking`) : t(`${s}.related`)}</>;
    case 'proceeding_stage':
      return (
        <>
          {t(`${s}.stage`, { order: Number(data.order) })}
          {data.prosecuted ? ` · ${t(`${s}.prosecuted`)}` : ''}
        </>
      );
    case 'visit_schedule':
      return <>{t(`${s}.months`, { months: ((data.months as number[]) ?? []).join(', ') })}</>;
  }
}
