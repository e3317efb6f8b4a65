import { Alert, Button, TextInput, type TextInputProps } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { errorElsewhere } from './errors';

/**
 * A refusal that belongs to no field: `message` as given, or the `error`'s message when none of `fields` shows it.
 */
export function Failure(p: { message: string | null | undefined } | { error: unknown; fields: readonly string[] }) {
  const message = 'message' in p ? p.message : errorElsewhere(p.error, p.fields);
  return message ? (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  ) : null;
}

/** A date field (YYYY-MM-DD) that hands its text to `onChange`; the other props go to the input (label, error…). */
export function DateField({
  onChange,
  ...props
}: Omit<TextInputProps, 'type' | 'onChange' | 'value'> & { value: string; onChange: (v: string) => void }) {
  return <TextInput type="date" {...props} onChange={(e) => onChange(e.currentTarget.value)} />;
}

/** A form's save button: with `onClick` it sends by itself, without it it submits its form. */
export function Submit(p: {
  pending: boolean;
  disabled?: boolean;
  onClick?: () => void;
  color?: string;
  children: ReactNode;
}) {
  return (
    <Button
      type={p.onClick ? 'button' : 'submit'}
      w="fit-content"
      color={p.color}
      disabled={p.disabled}
      loading={p.pending}
      onClick={p.onClick}
    >
      {p.children}
    </Button>
  );
}

/** The form's text fields as one object, with a setter per field. */
export function useTextForm<T extends Record<string, string>>(empty: T) {
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
