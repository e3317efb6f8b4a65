import { MultiSelect, NumberInput, Select, Switch, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DivisionPicker } from '../../../components/DivisionPicker';
import { countryName } from './display';
import { countryCodes, webFields } from './fields';

/** The input for one field of the record, labelled by the catalogue, showing its error at the field. */
export function FieldInput({
  field,
  value,
  onChange,
  error,
  placeLabel,
}: {
  field: string;
  value: unknown;
  onChange: (v: unknown) => void;
  error?: string;
  /** The name of a division value, shown until another is searched. */
  placeLabel?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const spec = webFields[field] ?? { kind: 'text' };
  const label = t(`fields.${field}`);
  const common = { label, error };
  const options = (spec.values ?? []).map((v) => ({ value: v, label: t(`${spec.prefix}.${v}`) }));
  const countries = [...new Set([...countryCodes, ...((Array.isArray(value) ? value : [value]) as string[])])]
    .filter(Boolean)
    .map((c) => ({ value: c, label: countryName(c, i18n.language) }));
  const str = (v: string) => (v.trim() === '' ? null : v);
  switch (spec.kind) {
    case 'long':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          value={(value as string) ?? ''}
          onChange={(e) => onChange(str(e.currentTarget.value))}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          allowDecimal={false}
          value={(value as number | null) ?? ''}
          onChange={(v) => onChange(v === '' ? null : Number(v))}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={(value as string) ?? ''}
          onChange={(e) => onChange(str(e.currentTarget.value))}
        />
      );
    case 'month':
      return (
        <TextInput
          {...common}
          type="month"
          placeholder="2026-01"
          value={(value as string) ?? ''}
          onChange={(e) => onChange(str(e.currentTarget.value))}
        />
      );
    case 'one':
      return (
        <Select {...common} data={options} clearable searchable value={(value as string) ?? null} onChange={onChange} />
      );
    case 'many':
      return (
        <MultiSelect {...common} data={options} searchable value={(value as string[]) ?? []} onChange={onChange} />
      );
    case 'countries':
      return (
        <MultiSelect {...common} data={countries} searchable value={(value as string[]) ?? []} onChange={onChange} />
      );
    case 'country':
      return (
        <Select
          {...common}
          data={countries}
          clearable
          searchable
          value={(value as string) ?? null}
          onChange={onChange}
        />
      );
    case 'flag':
      return <Switch label={label} checked={Boolean(value)} onChange={(e) => onChange(e.currentTarget.checked)} />;
    case 'division':
      return (
        <DivisionPicker label={label} value={(value as string) ?? null} onChange={onChange} valueLabel={placeLabel} />
      );
    default:
      return (
        <TextInput {...common} value={(value as string) ?? ''} onChange={(e) => onChange(str(e.currentTarget.value))} />
      );
  }
}
