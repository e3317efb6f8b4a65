import { Button, Checkbox, MultiSelect, Radio, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../../src/shared/xlsform/types';
import { FieldSet, useField } from './common';
import { domId } from './state';

/** More choices than this show as a searchable drop-down whatever the appearance. */
export const longList = 12;

/**
 * select_one and select_multiple: radios or boxes (every choice in sight, easy to tap on a phone); appearance
 * `minimal` asks for a drop-down instead. The choices are those the form's choice_filter leaves for the answers so
 * far; labels only, never the codes.
 */
export function SelectField({ q, path }: { q: Question; path: string }) {
  const { t } = useTranslation();
  const { ctx, id, label, hint, required, error, disabled, props, value: answer } = useField(q, path);
  const choices = ctx.state.choices(q, path);
  const data = choices.map((c) => ({ value: c.name, label: ctx.choiceLabel(c) }));
  // A long list (countries, parishes) as a searchable drop-down: a phone cannot scroll through 200 radios.
  const long = data.length > longList;
  const minimal = long || /\bminimal\b/.test(q.appearance ?? '');
  // A choice_filter may leave nothing until an earlier question is answered: say so rather than show an empty set.
  const none = data.length === 0 && (
    <Text size="sm" c="dimmed">
      {t('xlsform.noChoices')}
    </Text>
  );

  if (q.type === 'select_multiple') {
    const chosen = Array.isArray(answer) ? (answer as string[]) : [];
    const set = (next: string[]) => ctx.set(path, next.length ? next : null);
    if (minimal)
      return (
        <MultiSelect
          {...props}
          data={data}
          value={chosen}
          onChange={set}
          clearable={!required}
          hidePickedOptions
          searchable={long}
        />
      );
    return (
      <FieldSet id={id} label={label} hint={hint} error={error} required={required}>
        <Stack gap="xs">
          {none}
          {data.map((c) => (
            <Checkbox
              key={c.value}
              id={domId(id, c.value)}
              label={c.label}
              checked={chosen.includes(c.value)}
              // Kept in the order of the choices, whatever order they were ticked in.
              onChange={(e) =>
                set(
                  data
                    .map((d) => d.value)
                    .filter((v) => (v === c.value ? e.currentTarget.checked : chosen.includes(v))),
                )
              }
              disabled={disabled}
              styles={{ label: { overflowWrap: 'anywhere' } }}
            />
          ))}
        </Stack>
      </FieldSet>
    );
  }

  const chosen = typeof answer === 'string' ? answer : null;
  const set = (v: string | null) => ctx.set(path, v);
  if (minimal)
    return <Select {...props} data={data} value={chosen} onChange={set} clearable={!required} searchable={long} />;
  return (
    <FieldSet id={id} label={label} hint={hint} error={error} required={required} role="radiogroup">
      <Stack gap="xs">
        {none}
        {data.map((c) => (
          <Radio
            key={c.value}
            id={domId(id, c.value)}
            name={id}
            value={c.value}
            label={c.label}
            checked={chosen === c.value}
            onChange={() => set(c.value)}
            disabled={disabled}
            styles={{ label: { overflowWrap: 'anywhere' } }}
          />
        ))}
      </Stack>
      {/* A radio cannot be unticked: an optional answer given by mistake is taken back here. */}
      {chosen !== null && !required && !disabled && (
        <Button variant="subtle" size="compact-sm" mt={4} onClick={() => set(null)}>
          {t('xlsform.clear')}
        </Button>
      )}
    </FieldSet>
  );
}
