/**
 * The reminder push the day before a meeting: from 9 o'clock in Copenhagen on the day before,
 * the young person gets one content-free notice ("you have a meeting tomorrow"), once per
 * meeting (`meetings.reminded_at`); a cancelled meeting gets none. Runs every hour while the
 * server runs, like the check-ins.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, format, parseISO } from 'date-fns';
import { and, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import { db } from '../db';
import { meetings, plans } from '../db/schema';
import { TIME_ZONE, todayIso } from '../dates';
import { notifyMeetingsTomorrow } from '../push';

/** The hour (Copenhagen) from which the day-before reminders go out. */
export const REMINDER_HOUR = 9;

/** Marks and notifies tomorrow's meetings not yet reminded of; returns them. */
export function remindOfMeetingsTomorrow(now = new Date(), notify = true): { meetingId: string; youthId: string }[] {
	if (new TZDate(now.getTime(), TIME_ZONE).getHours() < REMINDER_HOUR) return [];
	const tomorrow = format(addDays(parseISO(todayIso(now)), 1), 'yyyy-MM-dd');
	const due = db().transaction((tx) => {
		const candidates = tx
			.select({ meetingId: meetings.id, youthId: plans.youthId, startsAt: meetings.startsAt })
			.from(meetings)
			.innerJoin(plans, eq(plans.id, meetings.planId))
			.where(
				and(
					isNull(meetings.cancelledAt),
					isNull(meetings.remindedAt),
					gt(meetings.startsAt, now),
					lt(meetings.startsAt, new Date(now.getTime() + 2 * 86_400_000))
				)
			)
			.all()
			.filter((m) => todayIso(m.startsAt) === tomorrow);
		if (candidates.length) {
			tx.update(meetings)
				.set({ remindedAt: now })
				.where(
					inArray(
						meetings.id,
						candidates.map((c) => c.meetingId)
					)
				)
				.run();
		}
		return candidates.map(({ meetingId, youthId }) => ({ meetingId, youthId }));
	});
	if (notify && due.length) void notifyMeetingsTomorrow(due);
	return due;
}

let timer: ReturnType<typeof setInterval> | undefined;

/** Sends the day-before reminders now and every hour while the server runs. */
export function scheduleMeetingReminders() {
	remindOfMeetingsTomorrow();
	timer ??= setInterval(() => remindOfMeetingsTomorrow(), 60 * 60 * 1000);
	timer.unref();
}
