/**
 * Meetings on a plan: when, where, with whom and what to bring. The guide schedules and cancels
 * them; they are shown to whoever may see the young person's meetings.
 */
import { error } from '@sveltejs/kit';
import { TZDate } from '@date-fns/tz';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db } from '../db';
import { meetings } from '../db/schema';
import { TIME_ZONE } from '../dates';
import { newId } from '../ids';
import { authorize, recordAccess, type Actor } from '../access';
import { findPlan } from './view';
import { meetingInput, parse, type InputError } from './input';
import { noteChange, touchPlan, type Outcome } from './history';

/** A meeting may be planned at most this far ahead. */
const MAX_AHEAD_MS = 2 * 366 * 86_400_000;

/** `YYYY-MM-DDTHH:mm` read as a time in Copenhagen; null unless it is a real time. */
export function copenhagenTime(value: string): Date | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
	if (!m) return null;
	const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
	const d = new TZDate(year, month - 1, day, hour, minute, 0, TIME_ZONE);
	const roundTrip =
		d.getFullYear() === year && d.getMonth() === month - 1 && d.getDate() === day && d.getHours() === hour && d.getMinutes() === minute;
	return roundTrip ? new Date(d.getTime()) : null;
}

export interface MeetingValues {
	startsAt?: string;
	durationMinutes?: string;
	place?: string;
	withWhom?: string;
	bring?: string;
}

/** The guide schedules a meeting; it cannot be in the past. */
export function scheduleMeeting(
	actor: Actor,
	youthId: string,
	raw: MeetingValues,
	now = new Date()
): Outcome<InputError | 'no_plan', { meetingId: string }> {
	authorize(actor, 'plan.edit', youthId);
	const plan = findPlan(youthId);
	if (!plan) return { ok: false, error: 'no_plan' };
	const input = parse(meetingInput, raw);
	if (!input.ok) return input;
	const startsAt = copenhagenTime(input.data.startsAt);
	if (!startsAt || startsAt.getTime() <= now.getTime() || startsAt.getTime() > now.getTime() + MAX_AHEAD_MS) {
		return { ok: false, error: 'starts_at' };
	}
	const meetingId = newId();
	db().transaction((tx) => {
		tx.insert(meetings)
			.values({ id: meetingId, planId: plan.id, ...input.data, startsAt, createdBy: actor.id, createdAt: now })
			.run();
		touchPlan(tx, plan.id, now, false);
		noteChange(tx, plan.id, actor.id, 'meeting_scheduled', { place: input.data.place, startsAt: startsAt.toISOString() }, now);
	});
	return { ok: true, meetingId };
}

/**
 * The meeting the guide is asked to confirm cancelling (the confirm page without JavaScript):
 * when and where. 404 unless the actor may cancel it and it is not cancelled already; the look
 * is logged.
 */
export function meetingToCancel(actor: Actor, youthId: string, meetingId: string): { id: string; startsAt: Date; place: string } {
	authorize(actor, 'plan.edit', youthId);
	const plan = findPlan(youthId);
	const meeting = plan
		? db()
				.select({ id: meetings.id, startsAt: meetings.startsAt, place: meetings.place })
				.from(meetings)
				.where(and(eq(meetings.id, meetingId), eq(meetings.planId, plan.id), isNull(meetings.cancelledAt)))
				.get()
		: undefined;
	if (!meeting) error(404, 'not_found');
	recordAccess(actor, youthId, 'meetings');
	return meeting;
}

/** The guide cancels a meeting (it is kept, marked cancelled). */
export function cancelMeeting(actor: Actor, youthId: string, meetingId: string, now = new Date()): Outcome<'not_found'> {
	authorize(actor, 'plan.edit', youthId);
	const plan = findPlan(youthId);
	if (!plan) return { ok: false, error: 'not_found' };
	return db().transaction((tx) => {
		const meeting = tx
			.select()
			.from(meetings)
			.where(and(eq(meetings.id, meetingId), eq(meetings.planId, plan.id), isNull(meetings.cancelledAt)))
			.get();
		if (!meeting) return { ok: false as const, error: 'not_found' as const };
		tx.update(meetings)
			.set({ cancelledAt: now, sequence: sql`${meetings.sequence} + 1` })
			.where(eq(meetings.id, meeting.id))
			.run();
		touchPlan(tx, plan.id, now, false);
		noteChange(tx, plan.id, actor.id, 'meeting_cancelled', { place: meeting.place, startsAt: meeting.startsAt.toISOString() }, now);
		return { ok: true as const };
	});
}
