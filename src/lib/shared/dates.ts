/**
 * Dates and numbers in the reader's language and the municipality's time zone, the same on the
 * server and in the browser, with the browser's own Intl (no date library in the download).
 */
import { getLocale, type Locale } from '$lib/paraglide/runtime.js';
import { INTL_TAGS } from './locales';
import { lazyDateFormat, type DateFormat } from './date-texts';

/** Where "the 3rd of March" is meant: the municipality's calendar. */
export const TIME_ZONE = 'Europe/Copenhagen';

/** The Intl tag of the language (shared/locales.ts): Danish as in Denmark, English as in Britain … */
export const intlLocale = (locale: Locale = getLocale()): string => INTL_TAGS[locale] ?? INTL_TAGS.da;

/**
 * The formatter of a style in the reader's language: one per both, as making one is slow and a
 * page formats many dates. In the browser it answers first from the dates the server wrote into
 * the page (date-texts.ts).
 */
export function dateFormatter(options: Intl.DateTimeFormatOptions, locale?: Locale): DateFormat {
	const tag = intlLocale(locale);
	return lazyDateFormat(`${tag} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(tag, options));
}

/** A calendar date (YYYY-MM-DD) as "3. marts 2026" / "3 March 2026". */
export function formatDate(iso: string, locale?: Locale): string {
	return dateFormatter({ day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }, locale).format(new Date(`${iso}T12:00:00Z`));
}

/** The Copenhagen calendar day of a moment, as "3. marts 2026". */
export function formatDay(at: Date | string, locale?: Locale): string {
	return dateFormatter({ day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }, locale).format(new Date(at));
}
