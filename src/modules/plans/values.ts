import { AppError } from '../../platform/http/errors';
import { dimensionCategories } from './schema';

export interface IndicatorDefinition {
  code: string;
  name: string;
  unit: 'count' | 'percent';
  source: string;
  dimensions: string[];
}

/**
 * Checks a value against its indicator's definition and throws a 400 naming the indicator and the
 * problem: counts are whole and not negative, percentages lie between 0 and 100, a breakdown uses only the
 * indicator's dimensions and their categories, and each dimension of a count adds up to the total.
 * `divisions` lists the division codes a breakdown by division may use.
 */
export function checkValue(
  def: IndicatorDefinition,
  v: { period: string; value: number; breakdown: Record<string, Record<string, number>> },
  divisions: string[],
): void {
  const fail = (code: string, params: Record<string, string | number> = {}) => {
    throw new AppError(400, code, { indicator: `${def.code} ${def.name}`, period: v.period, ...params });
  };
  if (def.source !== 'manual') fail('indicator_computed');
  if (v.value < 0) fail('indicator_value_negative', { value: v.value });
  if (def.unit === 'count' && !Number.isInteger(v.value)) fail('indicator_value_not_whole', { value: v.value });
  if (def.unit === 'percent' && v.value > 100) fail('indicator_percent_range', { value: v.value });
  for (const [dimension, cells] of Object.entries(v.breakdown)) {
    if (!def.dimensions.includes(dimension)) fail('indicator_dimension_undefined', { dimension });
    const allowed: readonly string[] =
      dimension === 'division' ? divisions : dimensionCategories[dimension as keyof typeof dimensionCategories];
    let sum = 0;
    for (const [category, n] of Object.entries(cells)) {
      if (!allowed.includes(category)) fail('indicator_category_unknown', { dimension, category });
      if (n < 0 || (def.unit === 'count' && !Number.isInteger(n)))
        fail('indicator_breakdown_invalid', { dimension, category, value: n });
      if (def.unit === 'percent' && n > 100) fail('indicator_percent_range', { value: n });
      sum += n;
    }
    if (def.unit === 'count' && sum !== v.value) fail('indicator_breakdown_sum', { dimension, sum, value: v.value });
  }
}
