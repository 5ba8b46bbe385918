/**
 * When a young person can expect their guide to answer (issue 17): from the guide's working days
 * and hours and an away period, in Copenhagen time. Pure: the time is given, so a test can stand
 * on either side of a summer-time change.
 */
import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { TIME_ZONE } from '../../shared/dates';
import type { WorkingTimeView } from '../../shared/guides';

/** A guide's working time as stored (guide_profiles). */
export type WorkingTime = WorkingTimeView;

export type AnswerExpectation =
	/** Within working hours: an answer can come today. */
	| { kind: 'working'; until: Date }
	/** Outside them: from the next working start. */
	| { kind: 'next'; at: Date }
	/** Away: back at `back` (the first working start after the away period). */
	| { kind: 'away'; back: Date | null; text: string | null };

const DAY_MS = 86_400_000;

/** The day in Copenhagen as YYYY-MM-DD and its ISO weekday. */
function dayOf(moment: Date): { date: string; weekday: number; minutes: number } {
	const local = new TZDate(moment.getTime(), TIME_ZONE);
	const date = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
	return { date, weekday: ((local.getDay() + 6) % 7) + 1, minutes: local.getHours() * 60 + local.getMinutes() };
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The moment a Copenhagen day (YYYY-MM-DD) reaches a time of day ("09:00"). */
function at(date: string, time: string): Date {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return new Date(new TZDate(y, m - 1, d, Number(time.slice(0, 2)), Number(time.slice(3, 5)), 0, TIME_ZONE).getTime());
}

/** The calendar day after a Copenhagen day. */
function nextDate(date: string): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m - 1, d) + DAY_MS).toISOString().slice(0, 10);
}

const isoWeekday = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

function isAway(time: WorkingTime, date: string): boolean {
	return time.awayFrom !== null && time.awayUntil !== null && time.awayFrom <= date && date <= time.awayUntil;
}

/** The first working start after `now` outside the away period; null without working days. */
function nextStart(time: WorkingTime, now: Date): Date | null {
	if (time.days.length === 0) return null;
	let { date } = dayOf(now);
	// An away period can be long; a year of days is more than any real one.
	for (let i = 0; i < 400; i++, date = nextDate(date)) {
		if (isAway(time, date) || !time.days.includes(isoWeekday(date))) continue;
		const start = at(date, time.from);
		if (start > now) return start;
	}
	return null;
}

/** What to tell a young person about when their guide will answer. */
export function expectAnswer(time: WorkingTime, now: Date): AnswerExpectation {
	const today = dayOf(now);
	if (isAway(time, today.date)) return { kind: 'away', back: nextStart(time, now), text: time.awayText };
	const working = time.days.includes(today.weekday) && minutesOf(time.from) <= today.minutes && today.minutes < minutesOf(time.to);
	if (working) return { kind: 'working', until: at(today.date, time.to) };
	const next = nextStart(time, now);
	return next ? { kind: 'next', at: next } : { kind: 'away', back: null, text: time.awayText };
}

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const day = z.iso.date();

/** A guide's working time as the profile form sends it; the error names the field. */
export const workingTimeInput = z
	.object({
		days: z.array(z.coerce.number().int().min(1).max(7)).min(1).max(7),
		from: clock,
		to: clock,
		awayFrom: day.nullable(),
		awayUntil: day.nullable(),
		awayText: z.string().trim().max(200).nullable()
	})
	.refine((t) => minutesOf(t.from) < minutesOf(t.to), { path: ['to'], message: 'to_before_from' })
	.refine((t) => (t.awayFrom === null) === (t.awayUntil === null), { path: ['awayUntil'], message: 'away_incomplete' })
	.refine((t) => t.awayFrom === null || t.awayUntil === null || t.awayFrom <= t.awayUntil, {
		path: ['awayUntil'],
		message: 'away_order'
	})
	.transform((t) => ({ ...t, days: [...new Set(t.days)].sort((a, b) => a - b), awayText: t.awayText || null }));
