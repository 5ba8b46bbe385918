/**
 * Meetings as calendar files (RFC 5545), for "add to calendar" on the plan. Made with
 * ical-generator (maintained, RFC 5545 folding and escaping done right); the times are written in
 * Europe/Copenhagen with its VTIMEZONE, so a phone shows 10:00 whichever side of a summer-time
 * change the meeting falls. Each meeting keeps its UID; cancelling it raises its SEQUENCE
 * (meetings.ts) and the file then says STATUS:CANCELLED, so a calendar that imports it again
 * updates or removes the event instead of adding a second one. A reminder fires the day before.
 */
import { TZDate } from '@date-fns/tz';
import { and, asc, eq, gt } from 'drizzle-orm';
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { m } from '$lib/paraglide/messages.js';
import { db } from '../db';
import { meetings, type Meeting } from '../db/schema';
import { TIME_ZONE } from '../dates';
import { authorize, recordAccess, type Actor } from '../access';
import { findPlan } from './view';

/** Europe/Copenhagen as a VTIMEZONE: CET/CEST, the EU rule (last Sunday of March/October). */
const COPENHAGEN_VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	'TZID:Europe/Copenhagen',
	'X-LIC-LOCATION:Europe/Copenhagen',
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0200',
	'TZNAME:CEST',
	'DTSTART:19700329T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0100',
	'TZNAME:CET',
	'DTSTART:19701025T030000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE'
].join('\r\n');

/** The UID a meeting keeps in every calendar file made of it. */
export function meetingUid(meetingId: string): string {
	return `meeting-${meetingId}@minvej`;
}

export interface CalendarFile {
	filename: string;
	body: string;
}

/**
 * The young person's meetings as one calendar file: one meeting (`meetingId`, also when it has
 * been cancelled, so the calendar learns of it), or all upcoming ones, cancelled ones included.
 * Null when there is no plan or no such meeting. Asks the policy (`meetings.read`) first.
 */
export function meetingCalendar(actor: Actor, youthId: string, meetingId: string | null, now = new Date()): CalendarFile | null {
	authorize(actor, 'meetings.read', youthId);
	const plan = findPlan(youthId);
	if (!plan) return null;
	const rows = meetingId
		? db()
				.select()
				.from(meetings)
				.where(and(eq(meetings.planId, plan.id), eq(meetings.id, meetingId)))
				.all()
		: db()
				.select()
				.from(meetings)
				.where(and(eq(meetings.planId, plan.id), gt(meetings.startsAt, new Date(now.getTime() - 3_600_000))))
				.orderBy(asc(meetings.startsAt))
				.all();
	if (meetingId && rows.length === 0) return null;
	recordAccess(actor, youthId, 'meetings');
	return { filename: meetingId ? 'minvej-meeting.ics' : 'minvej-meetings.ics', body: calendarOf(rows, now) };
}

/** The calendar text for these meetings (exported for the tests). */
export function calendarOf(rows: Meeting[], now = new Date()): string {
	const calendar = ical({
		prodId: { company: 'Minvej', product: 'Minvej', language: 'DA' },
		method: ICalCalendarMethod.PUBLISH,
		name: m.plan_calendar_name()
	});
	calendar.timezone({ name: null, generator: (tz) => (tz === TIME_ZONE ? COPENHAGEN_VTIMEZONE : null) });
	for (const meeting of rows) {
		const start = new TZDate(meeting.startsAt.getTime(), TIME_ZONE);
		const end = new TZDate(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000, TIME_ZONE);
		const lines = [m.plan_calendar_with({ withWhom: meeting.withWhom })];
		if (meeting.bring) lines.push(m.plan_calendar_bring({ bring: meeting.bring }));
		const event = calendar.createEvent({
			id: meetingUid(meeting.id),
			sequence: meeting.sequence,
			stamp: now,
			start,
			end,
			timezone: TIME_ZONE,
			summary: m.plan_calendar_summary({ withWhom: meeting.withWhom }),
			location: meeting.place,
			description: lines.join('\n'),
			status: meeting.cancelledAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
		});
		if (!meeting.cancelledAt) {
			event.createAlarm({
				type: ICalAlarmType.display,
				trigger: 86_400,
				description: m.plan_calendar_reminder({ withWhom: meeting.withWhom, place: meeting.place })
			});
		}
	}
	return calendar.toString();
}
