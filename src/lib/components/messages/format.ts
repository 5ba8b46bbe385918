/** Danish (or English) dates, times and durations in Europe/Copenhagen, on server and client alike. */
import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays, format, formatDistanceStrict } from 'date-fns';
import { da, enGB } from 'date-fns/locale';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';

const TIME_ZONE = 'Europe/Copenhagen';
const dateLocale = () => (getLocale() === 'en' ? enGB : da);

/** "i dag kl. 10.32", "i går kl. 9.05", "14. mar. kl. 10.32". */
export function messageTime(iso: string, now = new Date()): string {
	const at = new TZDate(iso, TIME_ZONE);
	const today = new TZDate(now, TIME_ZONE);
	const en = getLocale() === 'en';
	const time = format(at, en ? 'HH:mm' : 'HH.mm');
	const days = differenceInCalendarDays(today, at);
	if (days === 0) return m.messages_today_at({ time });
	if (days === 1) return m.messages_yesterday_at({ time });
	const sameYear = at.getFullYear() === today.getFullYear();
	const date = format(at, en ? (sameYear ? 'd MMM' : 'd MMM yyyy') : sameYear ? 'd. MMM' : 'd. MMM yyyy', { locale: dateLocale() });
	return m.messages_date_at({ date, time });
}

/** "3 timer", "2 dage": how long since `iso`. */
export function durationSince(iso: string, now = new Date()): string {
	return formatDistanceStrict(new Date(iso), now, { locale: dateLocale(), roundingMethod: 'floor' });
}
