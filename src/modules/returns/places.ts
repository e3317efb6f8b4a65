import { AppError } from '../../platform/http/errors';
import { isCountry, isDivisionAbroad } from './iso';

/** The 400 a place that does not exist answers, at its field (`body.<field>`); nothing is stored. */
export const unknownPlace = (field: string) =>
  new AppError(400, 'unknown_place', {}, { fields: [{ path: `body.${field}`, problem: 'unknown_place' }] });

/** 400 unknown_place at `field` unless the country exists and the division (if given) is one of its divisions. */
export function checkPlaceAbroad(country: string, division: string | null | undefined, fields: [string, string]) {
  if (!isCountry(country)) throw unknownPlace(fields[0]);
  if (division && !isDivisionAbroad(country, division)) throw unknownPlace(fields[1]);
}
