import i18n from './i18n/index';

// Kichwa has no CLDR data: dates and numbers use Ecuadorian Spanish formats, as the glossary advises.
const locale = () => (i18n.language === 'en' ? 'en-GB' : 'es-EC');

/** Date and time in the user's language. */
export const formatDateTime = (iso: string) => new Date(iso).toLocaleString(locale());
/** A calendar day (2027-03-05) is that day wherever the browser is; a timestamp is shown in the browser's zone. */
const toDate = (iso: string) => {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(iso);
};

/** Date only, in the user's language: one format everywhere (a day as the database writes it never shows). */
export const formatDate = (iso: string) => toDate(iso).toLocaleDateString(locale());

/** Dates inside a text (e.g. an audit entry's details) in the user's format. */
export const formatDatesIn = (text: string) =>
  text.replace(/\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?/g, (m) => (m.length > 10 ? formatDateTime(m) : formatDate(m)));
/** A number (an amount, a count) with the user's grouping. */
export const formatNumber = (n: number) => n.toLocaleString(locale());

/** Today's date on this device, 'YYYY-MM-DD' in its own time zone (a form's date rules, an interview collected
 * offline): not the UTC date, which in Ecuador is already tomorrow from 19:00. */
export function localToday(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
