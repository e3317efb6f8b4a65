import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../format';
import { webFields } from './fields';

/** Country names in the reader's language (Spanish for Kichwa, which the browser does not name countries in). */
export function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang === 'en' ? 'en' : 'es'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Formats any field value as people read it: labels for picklists, names for countries and places. */
export function useFieldText() {
  const { t, i18n } = useTranslation();
  return (field: string, value: unknown, placeLabel?: string | null): string => {
    const spec = webFields[field];
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return '—';
    if (!spec) return String(value);
    switch (spec.kind) {
      case 'one':
        return t(`${spec.prefix}.${value}`);
      case 'many':
        return (value as string[]).map((v) => t(`${spec.prefix}.${v}`)).join(', ');
      case 'countries':
        return (value as string[]).map((v) => countryName(v, i18n.language)).join(', ');
      case 'country':
        return countryName(String(value), i18n.language);
      case 'flag':
        return value ? t('record.yes') : t('record.no');
      case 'division':
        return placeLabel ?? String(value);
      case 'date':
        return formatDate(String(value));
      default:
        return String(value);
    }
  };
}

/** A read-only list of fields: label, then value. */
export function FieldList({
  fields,
  values,
  places = {},
}: {
  fields: readonly string[];
  values: Record<string, unknown>;
  places?: Record<string, string | null | undefined>;
}) {
  const { t } = useTranslation();
  const text = useFieldText();
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing={6} m={0}>
      {fields.map((f) => (
        <div key={f}>
          <Text component="dt" size="xs" fw={700}>
            {t(`fields.${f}`)}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
            {text(f, values[f], places[f])}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
