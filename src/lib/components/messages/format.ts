/**
 * Dates and times of messages in Europe/Copenhagen, on server and client
 * alike, with the browser's own Intl (no date library in the young person's download). Kept apart
 * from `$lib/shared/dates`, like the plan's dates, for the size budget of the first view.
 */
import { m } from '$lib/paraglide/messages.js';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { INTL_TAGS } from '$lib/shared/locales';
import { lazyDateFormat, type DateFormat } from '$lib/shared/date-texts';

const TIME_ZONE = 'Europe/Copenhagen';

const STYLES = {
	time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE },
	date: { day: 'numeric', month: 'short', timeZone: TIME_ZONE },
	dateYear: { day: 'numeric', month: 'short', year: 'numeric', timeZone: TIME_ZONE },
	moment: { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE },
	momentYear: {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone: TIME_ZONE
	}
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * The formatter of a style in the reader's language (one per both, as making one is slow and a
 * conversation shows many times). In the browser it answers first from the times the server wrote
 * into the page (date-texts.ts).
 */
function formatter(style: keyof typeof STYLES, language: Locale = getLocale()): DateFormat {
	const locale = INTL_TAGS[language] ?? INTL_TAGS.da;
	return lazyDateFormat(`${locale} messages-${style}`, () => new Intl.DateTimeFormat(locale, STYLES[style]));
}

const HOUR = 3_600_000;
const copenhagenDate = lazyDateFormat(
	'en-CA calendar-date',
	() => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TIME_ZONE })
);

/**
 * The Copenhagen calendar date as YYYY-MM-DD. It changes only on a whole hour (UTC+1 or +2,
 * switched on the hour), so it is asked for the start of the moment's hour: the server's "now"
 * and the browser's a second later are then the same text from the page (date-texts.ts), and the
 * browser builds no formatter for it while the page starts.
 */
export function calendarDate(at: Date): string {
	return copenhagenDate.format(Math.floor(at.getTime() / HOUR) * HOUR);
}

/** Days between the Copenhagen calendar dates of two moments (b − a). */
function calendarDaysBetween(a: Date, b: Date): number {
	const day = (d: Date) => Date.parse(`${calendarDate(d)}T00:00:00Z`) / 86_400_000;
	return day(b) - day(a);
}

/** "i dag kl. 10.32", "i går kl. 09.05", "14. mar. kl. 10.32". */
export function messageTime(iso: string, now = new Date()): string {
	const at = new Date(iso);
	const time = formatter('time').format(at);
	const days = calendarDaysBetween(at, now);
	if (days === 0) return m.messages_today_at({ time });
	if (days === 1) return m.messages_yesterday_at({ time });
	const sameYear = calendarDate(at).slice(0, 4) === calendarDate(now).slice(0, 4);
	const date = formatter(sameYear ? 'date' : 'dateYear').format(at);
	return m.messages_date_at({ date, time });
}

/** "1,2 MB", "340 kB" in the reader's language. */
export function fileSize(bytes: number): string {
	const locale = INTL_TAGS[getLocale()] ?? INTL_TAGS.da;
	const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(1, Math.round(bytes / 1000)), 'kilobyte'];
	return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/**
 * When a guide's answer can be expected (issue 17), in the reader's language and Copenhagen time:
 * "mandag 5. januar kl. 09.00", with the year only when it is another year.
 */
export function answerWhen(iso: string, now = new Date(), language?: Locale): string {
	const at = new Date(iso);
	const sameYear = calendarDate(at).slice(0, 4) === calendarDate(now).slice(0, 4);
	return formatter(sameYear ? 'moment' : 'momentYear', language).format(at);
}
