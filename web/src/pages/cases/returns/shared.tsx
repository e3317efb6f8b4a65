import { Alert, Button, Select, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ApiResponse } from '../../../api';
import { workKeys } from '../../../api/keys';
import { useCountries, useDivisionsAbroad } from '../../../components/places-abroad';

/** The case's cross-border work as GET /api/cases/{id}/returns answers it. */
export type ReturnsView = ApiResponse<'/api/cases/{id}/returns'>;

/** Under the case's key, so refreshing the case refreshes this too. */
export const returnsKey = (caseId: string) => ['case', caseId, 'returns'] as const;

/** The server's field problems by field name (`body.toDivision` → toDivision), each with a message to show there. */
export function fieldErrors(e: unknown): Record<string, string> {
  if (!(e instanceof ApiError)) return {};
  const fields = (e.body.fields as { path: string; message?: string }[] | undefined) ?? [];
  const out: Record<string, string> = {};
  for (const f of fields) {
    const name = f.path.split('.')[1];
    if (name) out[name] ??= f.message ?? e.message;
  }
  return out;
}

/**
 * One write of the returns part: sends it, keeps the answer (the whole view) and resets the form on success; a
 * refusal shows at its field when the server names one, else above the button.
 */
export function useReturnsWrite<B>(caseId: string, send: (b: B) => Promise<ReturnsView>, onDone?: () => void) {
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: send,
    onSuccess: (v) => {
      qc.setQueryData(returnsKey(caseId), v);
      // The case's tasks changed (monitoring visits): the case page and the work lists read them again.
      void qc.invalidateQueries({ queryKey: ['case', caseId], exact: true });
      void qc.invalidateQueries({ queryKey: workKeys.mine() });
      onDone?.();
    },
  });
  const at = fieldErrors(m.error);
  return { m, at, general: m.error && !Object.keys(at).length ? m.error.message : null };
}

/** A refusal that belongs to no field. */
export function Failure({ message }: { message: string | null }) {
  return message ? (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  ) : null;
}

/** A date field (YYYY-MM-DD) with its label and the server's problem, if any. */
export function DateField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  return (
    <TextInput
      type="date"
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      w={180}
    />
  );
}

/** The form's text fields as one object, with a setter per field. */
export function useForm<T extends Record<string, string>>(empty: T) {
  const [form, setForm] = useState(empty);
  const set = (k: keyof T) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const text = (k: keyof T) => ({
    value: form[k],
    onChange: (e: { currentTarget: { value: string } }) => set(k)(e.currentTarget.value),
  });
  /** The fields with something typed, trimmed (blank ones are left out of the body). */
  const filled = () =>
    Object.fromEntries(Object.entries(form).flatMap(([k, v]) => (v.trim() ? [[k, v.trim()]] : []))) as Partial<T>;
  return { form, set, text, filled, reset: () => setForm(empty) };
}

/** A country and, optionally, one of its first-level divisions (ISO 3166-1 and 3166-2), picked by name. */
export function PlaceAbroad({
  country,
  division,
  onChange,
  errors,
}: {
  country: string;
  division: string;
  onChange: (country: string, division: string) => void;
  errors: { country?: string; division?: string };
}) {
  const { t } = useTranslation();
  const countries = useCountries();
  const divisions = useDivisionsAbroad(country || null);
  return (
    <>
      <Select
        label={t('returns.country')}
        searchable
        data={(countries.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
        value={country || null}
        onChange={(v) => onChange(v ?? '', '')}
        error={errors.country}
        w={220}
      />
      <Select
        label={t('returns.divisionAbroad')}
        searchable
        clearable
        disabled={!country}
        data={(divisions.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
        value={division || null}
        onChange={(v) => onChange(country, v ?? '')}
        error={errors.division}
        w={220}
      />
    </>
  );
}

/** Whether a form behind its button is open; it closes again once its write is saved. */
export function useOpen() {
  const [open, setOpen] = useState(false);
  return { open, show: () => setOpen(true), hide: () => setOpen(false) };
}

/** A form behind a button (as the case page's sections have them), open while `o.open`. */
export function Opener({ label, o, children }: { label: string; o: ReturnType<typeof useOpen>; children: ReactNode }) {
  if (o.open) return <>{children}</>;
  return (
    <Button
      w="fit-content"
      maw="100%"
      h="auto"
      py={4}
      size="compact-sm"
      variant="outline"
      color="teal.9"
      styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
      onClick={o.show}
    >
      {label}
    </Button>
  );
}
