import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A select over a fixed list of values, each labelled by `${prefix}.${value}` in the catalogue; never empty. */
export function EnumSelect({
  values,
  prefix,
  ...props
}: { values: readonly string[]; prefix: string } & Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  return (
    <Select allowDeselect={false} data={values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }))} {...props} />
  );
}
