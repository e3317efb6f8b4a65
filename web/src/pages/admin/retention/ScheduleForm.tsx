import { Alert, Button, Group, NumberInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { retentionBounds } from '../../../../../src/modules/retention/vocabulary';
import { ApiError, type ApiResponse, client, ok } from '../../../api';

export type Schedule = ApiResponse<'/api/retention/schedules'>[number];
const p = 'admin.retention';

/** Server field problems by field (`months`, `days`, `warningDays`). */
function fieldErrors(e: unknown): Record<string, string> {
  const fields =
    e instanceof ApiError ? (e.body.fields as { path: string; message?: string }[] | undefined) : undefined;
  const out: Record<string, string> = {};
  for (const f of fields ?? []) out[f.path.replace(/^body\./, '')] ??= f.message ?? (e as Error).message;
  return out;
}

const within = (v: number | string, [lo, hi]: readonly [number, number]) =>
  v !== '' && Number.isInteger(Number(v)) && Number(v) >= lo && Number(v) <= hi;

/** Changes one schedule's period (months, or days for public reports) and its warning days; checked before sending. */
export function ScheduleForm({ schedule, onDone, onCancel }: { schedule: Schedule; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const byDays = schedule.days !== null;
  const [period, setPeriod] = useState<number | string>((byDays ? schedule.days : schedule.months) ?? '');
  const [warning, setWarning] = useState<number | string>(schedule.warningDays);
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: Record<string, number>) =>
      ok(
        client.PUT('/api/retention/schedules/{recordType}', {
          params: { path: { recordType: schedule.recordType } },
          body,
        }),
      ),
    onSuccess: onDone,
  });
  const server = fieldErrors(save.error);
  const errors = { ...server, ...local };
  const unplaced = save.error && !Object.keys(server).length ? save.error.message : null;
  const periodKey = byDays ? 'days' : 'months';
  const submit = () => {
    const problems: Record<string, string> = {};
    if (!within(period, retentionBounds[periodKey]))
      problems[periodKey] = t(`${p}.${byDays ? 'boundsDays' : 'boundsMonths'}`);
    if (!within(warning, retentionBounds.warningDays)) problems.warningDays = t(`${p}.boundsWarning`);
    setLocal(problems);
    if (Object.keys(problems).length) return;
    save.mutate({ [periodKey]: Number(period), warningDays: Number(warning) });
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      {/* Error text in dark red: the default red is under WCAG AA on white. */}
      <Stack gap="sm" style={{ '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties}>
        <NumberInput
          label={t(`${p}.${byDays ? 'daysLabel' : 'monthsLabel'}`)}
          description={t(`${p}.${byDays ? 'boundsDays' : 'boundsMonths'}`)}
          value={period}
          onChange={setPeriod}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          error={errors[periodKey]}
          required
        />
        <NumberInput
          label={t(`${p}.warningLabel`)}
          description={t(`${p}.boundsWarning`)}
          value={warning}
          onChange={setWarning}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          error={errors.warningDays}
          required
        />
        {unplaced && <Alert color="red">{unplaced}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t(`${p}.cancel`)}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t(`${p}.save`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
