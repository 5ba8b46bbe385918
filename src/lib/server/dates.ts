/**
 * Calendar arithmetic in the municipality's time zone, with date-fns and @date-fns/tz (a
 * maintained library; birthdays and due dates must turn over at midnight in Copenhagen, not UTC).
 *
 * What every page asks (today's date, ages, a date some days on) is answered without them (issue
 * 23: a time-zone conversion per call was a few per cent of a page view): today's date comes from
 * one `Intl` formatter at most once an hour, and whole calendar dates are counted in UTC, where no
 * day is shorter than another. `dates.test.ts` checks both against date-fns.
 */
import { TZDate } from '@date-fns/tz';
import { format, isValid, parseISO, subYears } from 'date-fns';

export const TIME_ZONE = 'Europe/Copenhagen';

const copenhagenDay = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const HOUR_MS = 3_600_000;
let todayHour = Number.NaN;
let todayText = '';

/** Today's calendar date in Copenhagen as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
	// Copenhagen is a whole number of hours from UTC, summer and winter, so its date only changes on
	// the hour: the date is formatted once per hour and reused.
	const hour = Math.floor(now.getTime() / HOUR_MS);
	if (hour !== todayHour) {
		const part = (type: string) => copenhagenDay.formatToParts(now).find((p) => p.type === type)!.value;
		todayText = `${part('year')}-${part('month')}-${part('day')}`;
		todayHour = hour;
	}
	return todayText;
}

/** Years between two YYYY-MM-DD dates, counted as date-fns' differenceInYears counts them. */
function yearsBetween(later: string, earlier: string): number {
	if (later < earlier) return -yearsBetween(earlier, later) || 0;
	const years = Number(later.slice(0, 4)) - Number(earlier.slice(0, 4));
	// A year is only complete on the birthday's month and day (29 February: on 1 March in other years).
	return later.slice(5) < earlier.slice(5) ? years - 1 : years;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
	return /^\d{4}-\d{2}-\d{2}$/.test(value) && isValid(parseISO(value)) && format(parseISO(value), 'yyyy-MM-dd') === value;
}

/** Age in whole years on the Copenhagen calendar date of `now`. */
export function ageOn(birthDate: string, now: Date = new Date()): number {
	return agesOn(now)(birthDate);
}

/** Ages on the Copenhagen date of `now` for many people (a list): the date is worked out once. */
export function agesOn(now: Date = new Date()): (birthDate: string) => number {
	const today = todayIso(now);
	// Not a date: no age (NaN, as date-fns answers), which no rule's age limit accepts.
	return (birthDate) => (isIsoShaped(birthDate) ? yearsBetween(today, birthDate) : Number.NaN);
}

const isIsoShaped = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The calendar date `days` after (or before, negative) the YYYY-MM-DD date `iso`. */
export function addDaysIso(iso: string, days: number): string {
	if (!isIsoShaped(iso)) throw new RangeError(`Not a date: ${iso}`);
	const day = new Date(0);
	day.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + days);
	return day.toISOString().slice(0, 10);
}

/** The moment the YYYY-MM-DD date `iso` begins in Copenhagen (midnight, summer time or not). */
export function startOfDayIn(iso: string): Date {
	const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
	return new Date(new TZDate(year, month - 1, day, TIME_ZONE).getTime());
}

/**
 * The birth dates of people aged `from` to `to` years (inclusive) on the date `today`: born after
 * `after` (exclusive) and on or before `onOrBefore`.
 */
export function birthDatesForAges(from: number, to: number, today: string): { after: string; onOrBefore: string } {
	const day = parseISO(today);
	return { after: format(subYears(day, to + 1), 'yyyy-MM-dd'), onOrBefore: format(subYears(day, from), 'yyyy-MM-dd') };
}
