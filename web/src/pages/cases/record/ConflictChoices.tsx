import { Radio, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFieldText } from './display';

// Choosing between two values of a field that two people changed at once: yours, theirs, or (for text) both
// combined. The online edit dialog and the field device's conflict screen use the same choices.

/** A field someone else changed meanwhile, with your value and theirs (the server's 409 `edit_conflict`). */
export interface Conflict {
  field: string;
  yours: unknown;
  theirs: unknown;
}
export interface Choice {
  pick: 'yours' | 'theirs' | 'combined';
  combined: string;
}
export type Choices = Record<string, Choice>;

/** Yours by default; "combined" starts as theirs / yours. */
export const initialChoices = (conflicts: Conflict[]): Choices =>
  Object.fromEntries(
    conflicts.map((c) => [
      c.field,
      { pick: 'yours', combined: [c.theirs, c.yours].filter((x) => typeof x === 'string').join(' / ') },
    ]),
  );

/** The value each choice stands for (theirs included: it is the value the record keeps). */
export const chosenValues = (conflicts: Conflict[], choices: Choices): Record<string, unknown> =>
  Object.fromEntries(
    conflicts.map((c) => {
      const ch = choices[c.field]!;
      return [c.field, ch.pick === 'yours' ? c.yours : ch.pick === 'theirs' ? c.theirs : ch.combined];
    }),
  );

/** One radio group per field (named by the field), and the combined text when that is chosen. */
export function ConflictChoices({
  conflicts,
  choices,
  onChange,
  labels,
  places = {},
}: {
  conflicts: Conflict[];
  choices: Choices;
  onChange: (choices: Choices) => void;
  /** How "yours" and "theirs" are called here (e.g. "Your value" online, "My value (offline)" on the device). */
  labels: { yours: string; theirs: string };
  places?: Record<string, string | null | undefined>;
}) {
  const { t } = useTranslation();
  const text = useFieldText();
  return conflicts.map((c) => {
    const ch = choices[c.field]!;
    const set = (next: Partial<Choice>) => onChange({ ...choices, [c.field]: { ...ch, ...next } });
    return (
      <Stack key={c.field} gap={4}>
        <Radio.Group
          label={t(`fields.${c.field}`)}
          value={ch.pick}
          onChange={(v) => set({ pick: v as Choice['pick'] })}
        >
          <Stack gap={4} mt={4}>
            <Radio value="yours" label={`${labels.yours}: ${text(c.field, c.yours, places[c.field])}`} />
            <Radio value="theirs" label={`${labels.theirs}: ${text(c.field, c.theirs, places[c.field])}`} />
            {typeof c.yours === 'string' && <Radio value="combined" label={t('record.combine')} />}
          </Stack>
        </Radio.Group>
        {ch.pick === 'combined' && (
          <Textarea
            aria-label={t('record.combine')}
            value={ch.combined}
            onChange={(e) => set({ combined: e.currentTarget.value })}
            autosize
          />
        )}
      </Stack>
    );
  });
}
