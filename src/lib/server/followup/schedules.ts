/**
 * The follow-up's rhythm: the guide sets how often a young person is asked "Hej, hvordan går det?"
 * (every n days from a start, for some months or until the guide ends it), and the check-ins are
 * created as they fall due (`syncCheckins`, idempotent: one per young person and day), now and
 * every hour while the server runs. Closing the plan does not stop the rhythm; only the guide
 * ends it. The dates themselves are worked out in rhythm.ts.
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { addDays, format, parseISO } from 'date-fns';
import { z } from 'zod';
import type { RhythmView } from '../../shared/followup';
import { dueDatesUntil, endDateAfterMonths, isRunning, lastDayToAnswer, nextDueDate, type Rhythm } from './rhythm';
import { addDaysIso, isIsoDate, startOfDayIn, todayIso } from '../dates';
import { db } from '../db';
import { inSlices } from '../db/slices';
import { checkinSchedules, checkins, type CheckinSchedule } from '../db/schema';
import { newId } from '../ids';
import { authorize, type Actor } from '../access';
import { notifyCheckinsDue } from '../push';

/** How far ahead a guide may let a rhythm start. */
const MAX_START_AHEAD_DAYS = 365;
export const RHYTHM_MONTHS = [1, 2, 3, 6, 12] as const;
export function rhythmOf(s: Pick<CheckinSchedule, 'intervalDays' | 'startsOn' | 'endsOn' | 'stoppedAt'>): Rhythm {
	return {
		intervalDays: s.intervalDays,
		startsOn: s.startsOn,
		endsOn: s.endsOn,
		stoppedOn: s.stoppedAt ? todayIso(s.stoppedAt) : null
	};
}

/**
 * Creates every check-in that has fallen due by `now` (for these young people, or everyone).
 * Returns the ones it created; each young person with a new one that can still be answered gets
 * a notice (`notify`: not when the young person is the one opening it).
 */
export function syncCheckins(youthIds?: string[], now = new Date(), notify = true): { id: string; youthId: string; dueOn: string }[] {
	if (youthIds && !youthIds.length) return [];
	const today = todayIso(now);
	const schedules = youthIds
		? inSlices(youthIds, (slice) => db().select().from(checkinSchedules).where(inArray(checkinSchedules.youthId, slice)).all())
		: db().select().from(checkinSchedules).all();
	if (!schedules.length) return [];
	const dueDates = (slice?: string[]) =>
		db()
			.select({ youthId: checkins.youthId, dueOn: checkins.dueOn })
			.from(checkins)
			.where(slice ? inArray(checkins.youthId, slice) : undefined)
			.all();
	const existing = new Set((youthIds ? inSlices(youthIds, dueDates) : dueDates()).map((c) => `${c.youthId}/${c.dueOn}`));
	const created: { id: string; youthId: string; dueOn: string }[] = [];
	const answerable: { youthId: string }[] = [];
	db().transaction((tx) => {
		for (const s of schedules) {
			for (const dueOn of dueDatesUntil(rhythmOf(s), today)) {
				const key = `${s.youthId}/${dueOn}`;
				if (existing.has(key)) continue;
				existing.add(key);
				const id = newId();
				const result = tx
					.insert(checkins)
					.values({ id, youthId: s.youthId, scheduleId: s.id, dueOn, createdAt: now })
					.onConflictDoNothing()
					.run();
				if (!result.changes) continue;
				created.push({ id, youthId: s.youthId, dueOn });
				if (lastDayToAnswer(dueOn, s.intervalDays) >= today) answerable.push({ youthId: s.youthId });
			}
		}
	});
	// A check-in that can still be answered brings a notice (never one already missed).
	if (notify && answerable.length) void notifyCheckinsDue(answerable);
	return created;
}

let hourly: ReturnType<typeof setInterval> | undefined;
let atMidnight: ReturnType<typeof setTimeout> | undefined;

/** Milliseconds from `now` until just after the next midnight in Copenhagen (the day check-ins fall due on). */
export function untilNextDay(now = new Date()): number {
	return startOfDayIn(addDaysIso(todayIso(now), 1)).getTime() - now.getTime() + 1000;
}

/**
 * Creates the check-ins that fall due: at start, just after each midnight in Copenhagen (the day
 * a check-in falls due), and every hour as a backstop, while the server runs. So a young person is
 * notified without anyone having to open Minvej first, and no page view writes (issue 23: a GET
 * never writes; the pages show what the scheduler and the guide's rhythm changes created).
 */
export function scheduleCheckins() {
	syncCheckins();
	hourly ??= setInterval(() => syncCheckins(), 60 * 60 * 1000);
	hourly.unref();
	const armMidnight = () => {
		atMidnight = setTimeout(() => {
			syncCheckins();
			armMidnight();
		}, untilNextDay());
		atMidnight.unref();
	};
	if (!atMidnight) armMidnight();
}

/** The rhythm the guide set last and has not ended. */
export function currentSchedule(youthId: string) {
	return db()
		.select()
		.from(checkinSchedules)
		.where(and(eq(checkinSchedules.youthId, youthId), isNull(checkinSchedules.stoppedAt)))
		.orderBy(desc(checkinSchedules.createdAt))
		.get();
}

export function rhythmView(s: CheckinSchedule | undefined, today: string): RhythmView | null {
	if (!s) return null;
	const r = rhythmOf(s);
	return {
		intervalDays: s.intervalDays,
		startsOn: s.startsOn,
		endsOn: s.endsOn,
		running: isRunning(r, today),
		nextDueOn: nextDueDate(r, today)
	};
}

export type RhythmError = 'interval' | 'starts_on' | 'months' | 'no_rhythm';

function rhythmInput(today: string) {
	const maxStart = format(addDays(parseISO(today), MAX_START_AHEAD_DAYS), 'yyyy-MM-dd');
	return z.object({
		intervalDays: z.coerce.number().int().min(1).max(180),
		startsOn: z
			.string()
			.refine(isIsoDate)
			.refine((d) => d >= today && d <= maxStart),
		months: z.union([z.literal(''), z.enum(RHYTHM_MONTHS.map(String) as [string, ...string[]])])
	});
}

/**
 * The guide sets (or changes) the young person's rhythm: every `intervalDays` days from
 * `startsOn`, for `months` months or (empty) until the guide ends it. A previous rhythm ends.
 */
export function setRhythm(
	actor: Actor,
	youthId: string,
	raw: Record<string, unknown>,
	now = new Date()
): { ok: true } | { ok: false; error: RhythmError } {
	authorize(actor, 'checkins.manage', youthId);
	const today = todayIso(now);
	const parsed = rhythmInput(today).safeParse(raw);
	if (!parsed.success) {
		const path = parsed.error.issues[0]?.path[0];
		return { ok: false, error: path === 'startsOn' ? 'starts_on' : path === 'months' ? 'months' : 'interval' };
	}
	const { intervalDays, startsOn, months } = parsed.data;
	syncCheckins([youthId], now);
	db().transaction((tx) => {
		tx.update(checkinSchedules)
			.set({ stoppedAt: now })
			.where(and(eq(checkinSchedules.youthId, youthId), isNull(checkinSchedules.stoppedAt)))
			.run();
		tx.insert(checkinSchedules)
			.values({
				id: newId(),
				youthId,
				intervalDays,
				startsOn,
				endsOn: endDateAfterMonths(startsOn, months ? Number(months) : null),
				createdBy: actor.id,
				createdAt: now
			})
			.run();
	});
	syncCheckins([youthId], now);
	return { ok: true };
}

/** The guide ends the rhythm: no new check-ins; one already asked can still be answered. */
export function stopRhythm(actor: Actor, youthId: string, now = new Date()): { ok: true } | { ok: false; error: RhythmError } {
	authorize(actor, 'checkins.manage', youthId);
	syncCheckins([youthId], now);
	const result = db()
		.update(checkinSchedules)
		.set({ stoppedAt: now })
		.where(and(eq(checkinSchedules.youthId, youthId), isNull(checkinSchedules.stoppedAt)))
		.run();
	return result.changes ? { ok: true } : { ok: false, error: 'no_rhythm' };
}
