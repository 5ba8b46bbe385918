/**
 * Danish (or English) dates and times of messages in Europe/Copenhagen, on server and client
 * alike, with the browser's own Intl (no date library in the young person's download).
 */
import { m } from '$lib/paraglide/messages.js';
import { dateFormatter, TIME_ZONE } from '$lib/dates';

const STYLES = {
	time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE },
	date: { day: 'numeric', month: 'short', timeZone: TIME_ZONE },
	dateYear: { day: 'numeric', month: 'short', year: 'numeric', timeZone: TIME_ZONE }
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/** The Copenhagen calendar date as YYYY-MM-DD. */
const calendarDate = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TIME_ZONE });

/** Days between the Copenhagen calendar dates of two moments (b − a). */
function calendarDaysBetween(a: Date, b: Date): number {
	const day = (d: Date) => Date.parse(`${calendarDate.format(d)}T00:00:00Z`) / 86_400_000;
	return day(b) - day(a);
}

/** "i dag kl. 10.32", "i går kl. 09.05", "14. mar. kl. 10.32". */
export function messageTime(iso: string, now = new Date()): string {
	const at = new Date(iso);
	const time = dateFormatter(STYLES.time).format(at);
	const days = calendarDaysBetween(at, now);
	if (days === 0) return m.messages_today_at({ time });
	if (days === 1) return m.messages_yesterday_at({ time });
	const sameYear = calendarDate.format(at).slice(0, 4) === calendarDate.format(now).slice(0, 4);
	const date = dateFormatter(sameYear ? STYLES.date : STYLES.dateYear).format(at);
	return m.messages_date_at({ date, time });
}
