import { Fieldset, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Texts } from './api';

/** Error text dark enough to read (Mantine's default red is under 4.5:1 on white), the typed text in its colour. */
export const readableError = {
  error: { color: 'var(--mantine-color-red-9)' },
  input: { color: 'var(--mantine-color-text)' },
};

/** The languages a study writes its title, purpose and consent in (keys of its Texts). */
export const studyLanguages = ['es', 'qu', 'en'] as const;

/** The key of Texts for the interface language ('qu-EC' → 'qu'). */
export const textsKey = (uiLang: string) => uiLang.split('-')[0] ?? 'es';

/** A study's text in the interface language, else Spanish, else any language it has. */
export function pick(texts: Texts | null | undefined, uiLang: string): string {
  if (!texts) return '';
  return texts[textsKey(uiLang)] || texts.es || texts.default || Object.values(texts).find(Boolean) || '';
}

/** One text in each of the study's languages, in a named group; the error (from the server) shows at the group. */
export function TextsInput({
  legend,
  value,
  onChange,
  multiline,
  required,
  error,
}: {
  legend: string;
  value: Texts;
  onChange: (v: Texts) => void;
  multiline?: boolean;
  required?: boolean;
  error?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset
      legend={
        <Text fw={600} size="sm" component="span">
          {legend}
        </Text>
      }
      variant="unstyled"
    >
      <Stack gap={6}>
        {studyLanguages.map((l) => {
          const language = t(`studies.languages.${l}`);
          const props = {
            label: language,
            // The group's name with the language, so each field is told apart out of context ("Propósito: Kichwa").
            'aria-label': `${legend}: ${language}`,
            value: value[l] ?? '',
            required: Boolean(required && l === 'es'),
            error: l === 'es' ? error || undefined : undefined,
            styles: readableError,
          };
          return multiline ? (
            <Textarea
              key={l}
              {...props}
              autosize
              minRows={2}
              onChange={(e) => onChange({ ...value, [l]: e.currentTarget.value })}
            />
          ) : (
            <TextInput key={l} {...props} onChange={(e) => onChange({ ...value, [l]: e.currentTarget.value })} />
          );
        })}
      </Stack>
    </Fieldset>
  );
}
