import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiResponse } from '../../../api';
import { caseKeys, workKeys } from '../../../api/keys';
import { useCountries, useDivisionsAbroad } from '../../../components/places-abroad';
import { partKey, usePartWrite } from '../kit/data';
import { fieldErrors } from '../kit/errors';
import { useTextForm } from '../kit/form';
import { useOpen } from '../kit/opener';

/** The case's cross-border work as GET /api/cases/{id}/returns answers it. */
export type ReturnsView = ApiResponse<'/api/cases/{id}/returns'>;

export const returnsKey = (caseId: string) => partKey(caseId, 'returns');

/**
 * One write of the returns part: sends it, keeps the answer (the whole view) and resets the form on success; a
 * refusal shows at its field when the server names one, else above the button. The case's tasks changed (monitoring
 * visits): the case page and the work lists read them again.
 */
export function useReturnsWrite<B>(caseId: string, send: (b: B) => Promise<ReturnsView>, onDone?: () => void) {
  const m = usePartWrite(returnsKey(caseId), send, onDone, [
    { queryKey: caseKeys.detail(caseId), exact: true },
    { queryKey: workKeys.mine() },
  ]);
  const at = fieldErrors(m.error);
  return { m, at, general: m.error && !Object.keys(at).length ? m.error.message : null };
}

/**
 * A returns form behind its button: its text fields, whether it is open, and its write, which gets the fields with
 * something typed and empties and closes the form once saved.
 */
export function useReturnsForm<T extends Record<string, string>>(
  caseId: string,
  empty: T,
  send: (filled: Partial<T>) => Promise<ReturnsView>,
) {
  const f = useTextForm(empty);
  const o = useOpen();
  const w = useReturnsWrite(
    caseId,
    () => send(f.filled()),
    () => {
      f.reset();
      o.hide();
    },
  );
  return { f, o, w };
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
