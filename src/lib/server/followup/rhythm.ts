/**
 * The calendar of a follow-up rhythm, as pure functions on ISO dates (YYYY-MM-DD, Copenhagen):
 * when a check-in is due, until when it can be answered, and when it counts as missed.
 *
 * A rhythm asks every `intervalDays` days from `startsOn`, up to and including `endsOn` (none:
 * until the guide ends it) and never after the day the guide stopped it. A check-in can be
 * answered from its due date for `answerWindowDays` days (the interval, at most a week); after
 * that an unanswered check-in is missed.
 */
import { addDays, addMonths, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { CheckinState } from '../../shared/followup';

/** At most this many days to answer, however long the interval. */
export const MAX_ANSWER_WINDOW_DAYS = 7;

/** A score at or below this is a low answer and is flagged for the guide. */
export const LOW_SCORE = 2;

export interface Rhythm {
	intervalDays: number;
	startsOn: string;
	endsOn: string | null;
	/** The Copenhagen date the guide ended the rhythm, if they did. */
	stoppedOn: string | null;
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

export function answerWindowDays(intervalDays: number): number {
	return Math.max(1, Math.min(intervalDays, MAX_ANSWER_WINDOW_DAYS));
}

/** The last day a check-in due on `dueOn` can be answered. */
export function lastDayToAnswer(dueOn: string, intervalDays: number): string {
	return iso(addDays(parseISO(dueOn), answerWindowDays(intervalDays) - 1));
}

/** The last day the rhythm may ask on (end date or stop day, whichever is first). */
function lastDay(r: Rhythm): string | null {
	if (r.endsOn && r.stoppedOn) return r.endsOn < r.stoppedOn ? r.endsOn : r.stoppedOn;
	return r.endsOn ?? r.stoppedOn;
}

/** Every due date of the rhythm on or before `today`, oldest first. */
export function dueDatesUntil(r: Rhythm, today: string): string[] {
	const limit = lastDay(r);
	const until = limit && limit < today ? limit : today;
	if (until < r.startsOn) return [];
	const start = parseISO(r.startsOn);
	const count = Math.floor(differenceInCalendarDays(parseISO(until), start) / r.intervalDays);
	const dates: string[] = [];
	for (let k = 0; k <= count; k++) dates.push(iso(addDays(start, k * r.intervalDays)));
	return dates;
}

/** The first due date after `today`, or null when the rhythm asks no more. */
export function nextDueDate(r: Rhythm, today: string): string | null {
	if (r.stoppedOn) return null;
	const start = parseISO(r.startsOn);
	let next: string;
	if (today < r.startsOn) next = r.startsOn;
	else {
		const k = Math.floor(differenceInCalendarDays(parseISO(today), start) / r.intervalDays) + 1;
		next = iso(addDays(start, k * r.intervalDays));
	}
	return r.endsOn && next > r.endsOn ? null : next;
}

/** Whether the rhythm still asks (it was not stopped and its end date has not passed). */
export function isRunning(r: Rhythm, today: string): boolean {
	return !r.stoppedOn && (!r.endsOn || r.endsOn >= today);
}

/** Where a check-in stands on `today`. */
export function checkinState(c: { dueOn: string; answeredAt: Date | null }, intervalDays: number, today: string): CheckinState {
	if (c.answeredAt) return 'answered';
	return today <= lastDayToAnswer(c.dueOn, intervalDays) ? 'open' : 'missed';
}

/** The end date of a rhythm that runs for `months` months from `startsOn` (null: until stopped). */
export function endDateAfterMonths(startsOn: string, months: number | null): string | null {
	if (!months) return null;
	return iso(addMonths(parseISO(startsOn), months));
}
