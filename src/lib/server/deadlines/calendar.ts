/**
 * The Danish working-day calendar for legal deadlines: which days are "hverdage".
 *
 * A weekday is Monday to Friday, except the public holidays (helligdage: nytårsdag, skærtorsdag,
 * langfredag, påskedag, anden påskedag, Kristi himmelfartsdag, pinsedag, anden pinsedag, juledag,
 * anden juledag) and the three days Danish authorities also keep closed: grundlovsdag (5 June),
 * juleaftensdag (24 December) and nytårsaftensdag (31 December). Store bededag is a holiday until
 * 2023 and a working day from 2024 (lov nr. 140 af 28/02/2023).
 *
 * The holidays come from date-holidays (a maintained library with the Danish calendar, Easter
 * included), so nobody computes Easter by hand here; the three closing days are added by us.
 */
import Holidays from 'date-holidays';
import { addDaysIso } from '../dates';

const denmark = new Holidays('DK');
const CLOSED_DAYS = ['06-05', '12-24', '12-31'];

/** Each year's holidays as YYYY-MM-DD, worked out once per year. */
const byYear = new Map<number, ReadonlySet<string>>();
function holidaysOf(year: number): ReadonlySet<string> {
	let days = byYear.get(year);
	if (!days) {
		const publicHolidays = denmark
			.getHolidays(year)
			.filter((h) => h.type === 'public')
			.map((h) => h.date.slice(0, 10));
		days = new Set([...publicHolidays, ...CLOSED_DAYS.map((md) => `${year}-${md}`)]);
		byYear.set(year, days);
	}
	return days;
}

/** Is the YYYY-MM-DD date a working day ("hverdag")? */
export function isWorkday(iso: string): boolean {
	// Noon UTC: the weekday of the calendar date, whatever the server's own time zone.
	const weekday = new Date(`${iso}T12:00:00Z`).getUTCDay();
	if (weekday === 0 || weekday === 6) return false;
	return !holidaysOf(Number(iso.slice(0, 4))).has(iso);
}

/**
 * The `count`th working day after the date `iso` (the day itself not counted, as a Danish deadline
 * runs from the day after the event): a status set on a Friday with 5 working days is due on the
 * next Friday, or later where holidays fall between.
 */
export function addWorkdays(iso: string, count: number): string {
	let day = iso;
	for (let left = count; left > 0;) {
		day = addDaysIso(day, 1);
		if (isWorkday(day)) left--;
	}
	return day;
}

/** The date itself when it is a working day, else the next working day after it. */
export function onOrNextWorkday(iso: string): string {
	let day = iso;
	while (!isWorkday(day)) day = addDaysIso(day, 1);
	return day;
}

/** Working days from `from` to `to` (after `from`, up to and including `to`); negative when `to` is earlier. */
export function workdaysBetween(from: string, to: string): number {
	if (from === to) return 0;
	const forward = from < to;
	const end = forward ? to : from;
	let day = forward ? from : to;
	let count = 0;
	while (day < end) {
		day = addDaysIso(day, 1);
		if (isWorkday(day)) count++;
	}
	return forward ? count : -count;
}
