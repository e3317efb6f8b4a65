import i18n from './i18n/index';

// Kichwa has no CLDR data: dates and numbers use Ecuadorian Spanish formats, as the glossary advises.
const locale = () => (i18n.language === 'en' ? 'en-GB' : 'es-EC');

/** Date and time in the user's language. */
export const formatDateTime = (iso: string) => new Date(iso).toLocaleString(locale());
/** Date only, in the user's language. */
export const formatDate = (iso: string) => new Date(iso).toLocaleDateString(locale());
/** A number (an amount, a count) with the user's grouping. */
export const formatNumber = (n: number) => n.toLocaleString(locale());
