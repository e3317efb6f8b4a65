import { Fieldset, Group, NumberInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { outcomes } from '../../../../../src/modules/prosecution/vocabulary';
import type { Complaint, OutcomeBody } from './data';

/** Each suspect's own outcome and sentence, when it differs from the complaint's (empty: the same). */
export type PerSuspect = Record<string, { outcome: string | null; months: number | string }>;

export const perSuspectOf = (c: Complaint): PerSuspect =>
  Object.fromEntries(c.suspects.map((s) => [s.id, { outcome: s.outcome, months: s.sentenceMonths ?? '' }]));

export const perSuspectBody = (p: PerSuspect): NonNullable<OutcomeBody['suspects']> =>
  Object.entries(p)
    .filter(([, v]) => v.outcome)
    .map(([suspectId, v]) => ({
      suspectId,
      outcome: v.outcome as (typeof outcomes)[number],
      ...(v.outcome === 'conviction' && v.months !== '' ? { sentenceMonths: Number(v.months) } : {}),
    }));

export function SuspectOutcomes(p: {
  c: Complaint;
  value: PerSuspect;
  onChange: (v: PerSuspect) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  if (!p.c.suspects.length) return null;
  return (
    <Fieldset legend={t('prosecution.perSuspect')} variant="unstyled">
      {p.c.suspects.map((s, i) => {
        const name = s.name ?? t('prosecution.suspectN', { n: i + 1 });
        const v = p.value[s.id] ?? { outcome: null, months: '' };
        const set = (next: Partial<typeof v>) => p.onChange({ ...p.value, [s.id]: { ...v, ...next } });
        return (
          <Group key={s.id} grow wrap="wrap" align="start">
            <Select
              miw={150}
              label={t('prosecution.suspectOutcome', { name })}
              data={outcomes.map((o) => ({
                value: o,
                label: t(`prosecution.outcome.${o}`),
                disabled: o !== 'dismissal' && !p.c.chargedOn,
              }))}
              value={v.outcome}
              onChange={(o) => set({ outcome: o })}
              clearable
              error={i === 0 ? p.error : undefined}
            />
            {v.outcome === 'conviction' && (
              <NumberInput
                miw={150}
                label={t('prosecution.suspectSentence', { name })}
                min={0}
                max={1200}
                allowDecimal={false}
                value={v.months}
                onChange={(m) => set({ months: m })}
              />
            )}
          </Group>
        );
      })}
    </Fieldset>
  );
}
