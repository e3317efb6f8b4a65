import { Box, Checkbox, NumberInput, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { maxTextLength } from '../../../../src/shared/xlsform';
import type { AnswerValue, Question } from '../../../../src/shared/xlsform/types';
import { formatNumber } from '../../format';
import { errorColor, useField } from './common';
import { GeoField } from './Geo';
import { SelectField } from './Select';

/** One question, as the person answers it (metadata and unlabelled calculations are not shown). */
export function Field({ q, path }: { q: Question; path: string }) {
  switch (q.type) {
    case 'start':
    case 'end':
    case 'today':
      return null;
    case 'calculate':
      return Object.keys(q.label).length > 0 ? <Calculated q={q} path={path} /> : null;
    case 'note':
      return <Note q={q} path={path} />;
    case 'integer':
    case 'decimal':
      return <NumberField q={q} path={path} />;
    case 'select_one':
    case 'select_multiple':
      return <SelectField q={q} path={path} />;
    case 'geopoint':
      return <GeoField q={q} path={path} />;
    case 'acknowledge':
      return <Acknowledge q={q} path={path} />;
    default:
      return <TextField q={q} path={path} />;
  }
}

const str = (v: AnswerValue) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** text, date and time: the browser's own pickers for dates and times (a phone shows its wheel). */
function TextField({ q, path }: { q: Question; path: string }) {
  const { ctx, props, value: answer } = useField(q, path);
  const value = str(answer);
  const onChange = (e: { currentTarget: { value: string } }) => ctx.set(path, e.currentTarget.value || null);
  if (q.type === 'date' || q.type === 'time')
    return <TextInput {...props} type={q.type} value={value} onChange={onChange} maw={220} />;
  if (/\bmultiline\b/.test(q.appearance ?? ''))
    return <Textarea {...props} value={value} onChange={onChange} autosize minRows={3} maxLength={maxTextLength} />;
  return <TextInput {...props} value={value} onChange={onChange} maxLength={maxTextLength} />;
}

/**
 * integer and decimal: the answer is a number (null when empty). What is typed is kept as typed ('2.', '-') while
 * the answer follows it, so a half-typed number does not jump.
 */
function NumberField({ q, path }: { q: Question; path: string }) {
  const { ctx, props, value: answer } = useField(q, path);
  const [typed, setTyped] = useState<string | number>(typeof answer === 'number' ? answer : '');
  // An answer changed from outside (a default, a reset, another device) replaces what was typed.
  useEffect(() => {
    setTyped((prev) => {
      const shown = prev === '' ? null : Number(prev);
      return shown === answer ? prev : typeof answer === 'number' ? answer : '';
    });
  }, [answer]);
  return (
    <NumberInput
      {...props}
      value={typed}
      onChange={(v) => {
        setTyped(v);
        const n = typeof v === 'number' ? v : v.trim() === '' ? null : Number(v);
        ctx.set(path, n === null || Number.isFinite(n) ? n : null);
      }}
      allowDecimal={q.type === 'decimal'}
      inputMode={q.type === 'decimal' ? 'decimal' : 'numeric'}
      hideControls
      maw={220}
    />
  );
}

/** acknowledge: a box the person ticks; its answer is 'OK'. */
function Acknowledge({ q, path }: { q: Question; path: string }) {
  const { ctx, id, label, hint, required, error, disabled, value } = useField(q, path);
  return (
    <Box>
      <Checkbox
        id={id}
        label={label}
        description={hint || undefined}
        checked={value === 'OK'}
        onChange={(e) => ctx.set(path, e.currentTarget.checked ? 'OK' : null)}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        disabled={disabled}
        styles={{ label: { overflowWrap: 'anywhere' } }}
      />
      {error && (
        <Text id={`${id}-error`} role="alert" size="xs" mt={4} style={{ color: errorColor }}>
          {error}
        </Text>
      )}
    </Box>
  );
}

/** note: text only. */
function Note({ q, path }: { q: Question; path: string }) {
  const { id, label, hint } = useField(q, path);
  return (
    <Box id={id}>
      <Text style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>{label}</Text>
      {hint && (
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      )}
    </Box>
  );
}

/** A calculation with a label: its result, read only. */
function Calculated({ q, path }: { q: Question; path: string }) {
  const { ctx, id, label, hint } = useField(q, path);
  const v = ctx.state.value(path);
  const shown = typeof v === 'number' ? formatNumber(v) : Array.isArray(v) ? v.join(', ') : (v ?? '');
  return (
    <Box>
      <Text id={`${id}-label`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {label}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
      <Text id={id} component="output" aria-labelledby={`${id}-label`} aria-live="polite">
        {shown === '' ? '—' : shown}
      </Text>
    </Box>
  );
}
