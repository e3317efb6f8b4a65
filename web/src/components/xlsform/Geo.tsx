import { Button, Group, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../../src/shared/xlsform/types';
import { formatNumber } from '../../format';
import { FieldSet, useField } from './common';

/** Decimal places kept when a question does not say (2 ≈ 1 km: a village, not a house). */
export const defaultPrecision = 2;

const round = (n: number, places: number) => Number(n.toFixed(places));

/** How far apart two points kept with `places` decimals can be, as a person reads it ('1 km', '100 m'). */
export function coarseness(places: number): string {
  const metres = 111_000 / 10 ** places;
  return metres >= 1000 ? `${formatNumber(Math.round(metres / 1000))} km` : `${formatNumber(round(metres, 1))} m`;
}

/** 'lat lon' → the two numbers as text, or blanks. */
const split = (v: unknown): [string, string] => {
  const parts = typeof v === 'string' ? v.trim().split(/\s+/) : [];
  return [parts[0] ?? '', parts[1] ?? ''];
};

/**
 * The answer two typed boxes stand for: rounded when both hold a number, null when both are empty, and otherwise
 * what was typed, so the form's check says at once that it is not a place (rather than losing it silently).
 */
function answerOf([lat, lon]: [string, string], places: number): string | null {
  // A Spanish keyboard may give a decimal comma.
  const a = lat.trim().replace(',', '.');
  const b = lon.trim().replace(',', '.');
  if (a === '' && b === '') return null;
  const numeric = (x: string) => x !== '' && Number.isFinite(Number(x));
  if (numeric(a) && numeric(b)) return `${round(Number(a), places)} ${round(Number(b), places)}`;
  return `${a || '?'} ${b || '?'}`;
}

/**
 * geopoint: the device's position (asked only when the person presses the button) or typed coordinates, kept
 * coarse: rounded to the question's precision before it becomes the answer, and the person is told so.
 */
export function GeoField({ q, path }: { q: Question; path: string }) {
  const { t } = useTranslation();
  const { ctx, id, label, hint, required, error, disabled, value: answer } = useField(q, path);
  const places = Math.min(Math.max(q.precision ?? defaultPrecision, 0), 6);
  const [typed, setTyped] = useState<[string, string]>(() => split(answer));
  const [locating, setLocating] = useState(false);
  const [failed, setFailed] = useState(false);
  // While the person is still typing the pair, half a pair is not yet a mistake.
  const [typing, setTyping] = useState(false);
  const half = typeof answer === 'string' && answer.includes('?');

  // An answer set from outside (the button, a reset) shows in the boxes unless it is what they already say.
  useEffect(() => {
    setTyped((prev) => (answerOf(prev, places) === (answer ?? null) ? prev : split(answer)));
  }, [answer, places]);

  const type = (next: [string, string]) => {
    setTyped(next);
    ctx.set(path, answerOf(next, places));
  };
  // Leaving a box shows the rounded numbers that are kept (unless the pair is not complete yet).
  const tidy = () => {
    if (typeof answer === 'string' && !answer.includes('?')) setTyped(split(answer));
  };
  const locate = () => {
    if (!('geolocation' in navigator)) return setFailed(true);
    setLocating(true);
    setFailed(false);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        const next: [string, string] = [
          String(round(pos.coords.latitude, places)),
          String(round(pos.coords.longitude, places)),
        ];
        type(next);
      },
      () => {
        setLocating(false);
        setFailed(true);
      },
      // A coarse answer needs no satellite fix: a quick network position will do.
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: 300_000 },
    );
  };
  const coarse = t('xlsform.geo.coarse', { places, distance: coarseness(places) });
  return (
    <FieldSet
      id={id}
      label={label}
      hint={[hint, coarse].filter(Boolean).join(' ')}
      error={typing && half ? undefined : error && half ? t('xlsform.geo.incomplete') : error}
      required={required}
    >
      {!disabled && (
        <Button variant="light" onClick={locate} loading={locating} mb="xs">
          {t('xlsform.geo.locate')}
        </Button>
      )}
      {failed && (
        <Text size="sm" role="status" mb="xs">
          {t('xlsform.geo.failed')}
        </Text>
      )}
      <Group
        gap="sm"
        grow
        wrap="wrap"
        align="flex-start"
        onFocus={() => setTyping(true)}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setTyping(false);
        }}
      >
        <TextInput
          id={`${id}-lat`}
          label={t('xlsform.geo.latitude')}
          inputMode="decimal"
          value={typed[0]}
          onChange={(e) => type([e.currentTarget.value, typed[1]])}
          onBlur={tidy}
          disabled={disabled}
          miw={120}
        />
        <TextInput
          id={`${id}-lon`}
          label={t('xlsform.geo.longitude')}
          inputMode="decimal"
          value={typed[1]}
          onChange={(e) => type([typed[0], e.currentTarget.value])}
          onBlur={tidy}
          disabled={disabled}
          miw={120}
        />
      </Group>
    </FieldSet>
  );
}
