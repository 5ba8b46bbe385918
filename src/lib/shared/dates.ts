/**
 * Dates and numbers in the reader's language and the municipality's time zone, the same on the
 * server and in the browser, with the browser's own Intl (no date library in the download).
 */
import { getLocale, type Locale } from '$lib/paraglide/runtime.js';
import { INTL_TAGS } from './locales';

/** Where "the 3rd of March" is meant: the municipality's calendar. */
export const TIME_ZONE = 'Europe/Copenhagen';

/** The Intl tag of the language (shared/locales.ts): Danish as in Denmark, English as in Britain … */
export const intlLocale = (locale: Locale = getLocale()): string => INTL_TAGS[locale] ?? INTL_TAGS.da;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per language and style: making one is slow, and a page formats many dates. */
export function dateFormatter(options: Intl.DateTimeFormatOptions, locale?: Locale): Intl.DateTimeFormat {
	const tag = intlLocale(locale);
	const key = `${tag} ${JSON.stringify(options)}`;
	let formatter = formatters.get(key);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat(tag, options);
		formatters.set(key, formatter);
	}
	return formatter;
}

/** A calendar date (YYYY-MM-DD) as "3. marts 2026" / "3 March 2026". */
export function formatDate(iso: string, locale?: Locale): string {
	return dateFormatter({ day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }, locale).format(new Date(`${iso}T12:00:00Z`));
}

/** The Copenhagen calendar day of a moment, as "3. marts 2026". */
export function formatDay(at: Date | string, locale?: Locale): string {
	return dateFormatter({ day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }, locale).format(new Date(at));
}
