import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format';
import type { Cell, Dimension } from './types';

// The HTCDS (or local) picklist behind each breakdown; its labels live in the case pages' catalogue.
const picklist: Partial<Record<Dimension, string>> = {
  exploitation: 'vic_TypeOfExploitation',
  industry: 'vic_ForcedLabourIndustry',
  sexType: 'vic_TypeOfSexExploitation',
  recruitment: 'vic_MethodOfRecruitment',
  relation: 'vic_RelationshipToTrafficker',
  control: 'vic_MethodsOfControl',
  gender: 'prs_Gender',
  ethnicity: 'local_Ethnicity',
};

export const UNKNOWN = 'Unknown';
const countryCode = /^[A-Z]{2}$/;

// Kichwa has no CLDR data: country and month names come in Spanish, as dates and numbers do.
const intlLocale = (lang: string) => (lang === 'en' ? 'en' : 'es');

/** How a cell reads: the number, or "< k" when it is suppressed. */
export const cellText = (c: Cell, k: number) => (c.suppressed || c.value === null ? `< ${k}` : formatNumber(c.value));

/** Labels for breakdown keys, countries and periods in the user's language; unknown values read "No registrado". */
export function useLabels() {
  const { t, i18n } = useTranslation();
  const lang = intlLocale(i18n.language);
  return useMemo(() => {
    const regions = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
    const months = new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const country = (code: string) => {
      if (code === UNKNOWN) return t('insights.unknown');
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    };
    const key = (dimension: Dimension, value: string): string => {
      if (value === UNKNOWN) return t('insights.unknown');
      if (dimension === 'citizenship') return country(value);
      if (dimension === 'ageBand') {
        const [from, to] = value.split('--');
        return to ? t('insights.ageRange', { from, to }) : t('insights.ageFrom', { from: value.replace('+', '') });
      }
      const list = picklist[dimension];
      return list
        ? t([`htcds.${list}.${value}`, `insights.picklists.${list}.${value}`], { defaultValue: value })
        : value;
    };
    const period = (p: string) => {
      const m = /^(\d{4})-(\d{2})$/.exec(p);
      return m ? months.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1))) : p;
    };
    const place = (code: string, label: string) => (countryCode.test(code) ? country(code) : label || code);
    return { key, country, period, place, dimension: (d: Dimension) => t(`insights.dimensions.${d}`) };
  }, [t, lang]);
}
