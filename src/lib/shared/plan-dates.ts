/**
 * Dates for the plan's pages, in the reader's language (the same on the server and in the browser).
 * Kept apart from `$lib/shared/dates` on purpose: the plan and front pages are in the young person's first
 * view, and importing the shared module there split them into more chunks (+1 KB gzip, over the
 * budget in tests/size-budget.spec.ts).
 */
import { getLocale, type Locale } from '$lib/paraglide/runtime.js';
import { INTL_TAGS } from './locales';
import { lazyDateFormat, type DateFormat } from './date-texts';

const TIME_ZONE = 'Europe/Copenhagen';
/** The Intl tag of the reader's language (shared/locales.ts), so an Arabic page has Arabic dates. */
const intlLocale = (locale: Locale = getLocale()) => INTL_TAGS[locale] ?? INTL_TAGS.da;

const STYLES = {
	date: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
	day: { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE },
	dateTime: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE },
	short: { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/** The formatter of a style in the reader's language (date-texts.ts: one per both, built when needed). */
function formatter(style: keyof typeof STYLES, locale?: Locale): DateFormat {
	const tag = intlLocale(locale);
	return lazyDateFormat(`${tag} plan-${style}`, () => new Intl.DateTimeFormat(tag, STYLES[style]));
}

/** A calendar date (YYYY-MM-DD) as "3. marts 2026". */
export function formatDate(iso: string, locale?: Locale): string {
	return formatter('date', locale).format(new Date(`${iso}T12:00:00Z`));
}

/** The calendar day of a moment in Copenhagen, as "3. marts 2026". */
export function formatDay(at: Date | string, locale?: Locale): string {
	return formatter('day', locale).format(new Date(at));
}

/** A moment as "torsdag 5. marts 2026 kl. 10.00" in Copenhagen time. */
export function formatDateTime(at: Date | string, locale?: Locale): string {
	return formatter('dateTime', locale).format(new Date(at));
}

/** A moment in short form, for histories and comments. */
export function formatShort(at: Date | string, locale?: Locale): string {
	return formatter('short', locale).format(new Date(at));
}

/** The `datetime` attribute of a <time> element. */
export function machineTime(at: Date | string): string {
	return new Date(at).toISOString();
}
