/**
 * Calendar arithmetic in the municipality's time zone, with date-fns and @date-fns/tz (a
 * maintained library; birthdays and due dates must turn over at midnight in Copenhagen, not UTC).
 */
import { TZDate } from '@date-fns/tz';
import { addDays, differenceInYears, format, isValid, parseISO, subYears } from 'date-fns';

export const TIME_ZONE = 'Europe/Copenhagen';

/** Today's calendar date in Copenhagen as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
	return format(new TZDate(now, TIME_ZONE), 'yyyy-MM-dd');
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
	const today = parseISO(todayIso(now));
	return (birthDate) => differenceInYears(today, parseISO(birthDate));
}

/** The calendar date `days` after (or before, negative) the YYYY-MM-DD date `iso`. */
export function addDaysIso(iso: string, days: number): string {
	return format(addDays(parseISO(iso), days), 'yyyy-MM-dd');
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
