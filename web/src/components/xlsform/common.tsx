import { Box, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../../src/shared/xlsform/types';
import { useXlsForm } from './context';
import { domId } from './state';

export const errorColor = 'var(--mantine-color-red-9)';

/** What every input of a question shares: its id, visible label, hint, required mark, message and whether it can
 * be changed. */
export function useField(q: Question, path: string) {
  const ctx = useXlsForm();
  const id = domId(ctx.idPrefix, path);
  const hint = ctx.text(q.hint, path);
  const required = ctx.required(q, path);
  const error = ctx.issueAt(path);
  // A question with a calculation shows its result and is not typed into (the form recalculates it).
  const disabled = ctx.readOnly || q.readOnly || Boolean(q.calculation);
  return {
    ctx,
    /** The answer to show: as typed, or the calculation's result. */
    value: q.calculation ? ctx.state.value(path) : ctx.answer(path),
    id,
    label: ctx.label(q, path),
    hint,
    required,
    error,
    disabled,
    /** Props for a Mantine input: no native `required`, so a surrounding form never shows the browser's bubbles. */
    props: {
      id,
      label: ctx.label(q, path),
      description: hint || undefined,
      withAsterisk: required,
      'aria-required': required || undefined,
      error,
      // Dark red: Mantine's default error red is under AA's 4.5:1 for small text on white.
      errorProps: { role: 'alert', style: { color: errorColor } },
      disabled,
    },
  };
}

/**
 * A set of inputs under one visible question (radios, checkboxes, latitude and longitude): a fieldset whose legend
 * is the question, with its hint and message linked. `role` radiogroup carries the required state to readers.
 */
export function FieldSet({
  id,
  label,
  hint,
  error,
  required,
  role,
  children,
}: {
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  required: boolean;
  role?: 'radiogroup';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <Box
      component="fieldset"
      id={id}
      role={role}
      aria-required={role && required ? true : undefined}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy}
      style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}
    >
      <Text component="legend" size="sm" fw={600} p={0} style={{ overflowWrap: 'anywhere' }}>
        {label}
        {required && (
          <Text component="span" aria-hidden style={{ color: errorColor }}>
            {' *'}
          </Text>
        )}
        {required && !role && <VisuallyHidden>{t('xlsform.required')}</VisuallyHidden>}
      </Text>
      {hint && (
        <Text id={`${id}-hint`} size="xs" c="dimmed" mb={4}>
          {hint}
        </Text>
      )}
      <Box mt={4}>{children}</Box>
      {error && (
        <Text id={`${id}-error`} role="alert" size="xs" mt={4} style={{ color: errorColor }}>
          {error}
        </Text>
      )}
    </Box>
  );
}
