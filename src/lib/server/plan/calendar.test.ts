import { beforeEach, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { demoUser, freshDemoDatabase } from '../testing';
import type { Db } from '../db';
import { cancelMeeting, scheduleMeeting } from './meetings';
import { meetingCalendar, meetingUid } from './calendar';
import { remindOfMeetingsTomorrow } from './reminders';

let db: Db;
const who = (u: string) => demoUser(db, u);
const NOW = new Date('2027-03-20T09:00:00Z');

function statusOf(fn: () => unknown): number | undefined {
	try {
		fn();
	} catch (e) {
		return (e as { status?: number }).status ?? -1;
	}
	return undefined;
}

/** Parses a calendar file the way a calendar app would (ical.js), time zones included. */
function parse(body: string) {
	const calendar = new ICAL.Component(ICAL.parse(body));
	for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
	return calendar.getAllSubcomponents('vevent').map((vevent) => {
		const event = new ICAL.Event(vevent);
		return {
			uid: event.uid,
			sequence: event.sequence,
			start: event.startDate.toJSDate(),
			end: event.endDate.toJSDate(),
			tzid: vevent.getFirstProperty('dtstart')?.getParameter('tzid'),
			location: event.location,
			summary: event.summary,
			description: event.description,
			status: vevent.getFirstPropertyValue('status'),
			alarms: vevent.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger')))
		};
	});
}

function schedule(startsAt: string, place = 'Ungeenheden, Vestergade 1') {
	const outcome = scheduleMeeting(
		who('mette'),
		who('freja').id,
		{ startsAt, durationMinutes: '45', place, withWhom: 'Mette', bring: 'CV' },
		NOW
	);
	if (!outcome.ok) throw new Error(outcome.error);
	return outcome.meetingId;
}

beforeEach(async () => {
	db = await freshDemoDatabase(NOW);
});

describe('a meeting as a calendar file (RFC 5545)', () => {
	it('is at the right time in Copenhagen on both sides of the summer-time change', () => {
		const before = schedule('2027-03-27T10:00'); // Saturday before: CET, UTC+1
		const after = schedule('2027-03-29T10:00'); // Monday after: CEST, UTC+2
		const freja = who('freja');
		const [b] = parse(meetingCalendar(freja, freja.id, before, NOW)!.body);
		const [a] = parse(meetingCalendar(freja, freja.id, after, NOW)!.body);
		expect(b).toMatchObject({ uid: meetingUid(before), tzid: 'Europe/Copenhagen', sequence: 0, status: 'CONFIRMED' });
		expect(b!.start.toISOString()).toBe('2027-03-27T09:00:00.000Z');
		expect(b!.end.toISOString()).toBe('2027-03-27T09:45:00.000Z');
		expect(a!.start.toISOString()).toBe('2027-03-29T08:00:00.000Z');
		expect(a).toMatchObject({ location: 'Ungeenheden, Vestergade 1' });
		expect(a!.summary).toMatch(/Mette/);
		expect(a!.description).toMatch(/CV/);
		expect(a!.alarms).toEqual(['-P1D']);
	});

	it('the whole file lists every upcoming meeting, each once', () => {
		const one = schedule('2027-10-30T14:00'); // Saturday before winter time
		const two = schedule('2027-11-01T14:00'); // Monday after
		const freja = who('freja');
		const events = parse(meetingCalendar(freja, freja.id, null, NOW)!.body);
		const byUid = new Map(events.map((e) => [e.uid, e]));
		expect(byUid.size).toBe(events.length);
		expect(byUid.get(meetingUid(one))!.start.toISOString()).toBe('2027-10-30T12:00:00.000Z');
		expect(byUid.get(meetingUid(two))!.start.toISOString()).toBe('2027-11-01T13:00:00.000Z');
	});

	it('a cancelled meeting keeps its UID, raises its SEQUENCE and says CANCELLED, without a reminder', () => {
		const id = schedule('2027-04-02T09:30');
		const freja = who('freja');
		expect(cancelMeeting(who('mette'), freja.id, id, NOW)).toEqual({ ok: true });
		const [event] = parse(meetingCalendar(freja, freja.id, id, NOW)!.body);
		expect(event).toMatchObject({ uid: meetingUid(id), sequence: 1, status: 'CANCELLED', alarms: [] });
	});

	it('asks the policy: her guide may; another guide, a parent without the meetings shared, and a stranger may not', () => {
		const id = schedule('2027-04-02T09:30');
		const frejaId = who('freja').id;
		expect(meetingCalendar(who('mette'), frejaId, id, NOW)).not.toBeNull();
		expect(statusOf(() => meetingCalendar(who('jonas'), frejaId, id, NOW))).toBe(404);
		expect(statusOf(() => meetingCalendar(who('karen'), frejaId, id, NOW))).toBe(404);
		expect(statusOf(() => meetingCalendar(who('amina'), frejaId, id, NOW))).toBe(404);
		expect(statusOf(() => meetingCalendar(who('amina'), who('amina').id, id, NOW))).toBeUndefined();
		expect(meetingCalendar(who('amina'), who('amina').id, id, NOW)).toBeNull();
	});
});

describe('the reminder push the day before', () => {
	it('goes out once, from 9 in the morning the day before, and never for a cancelled meeting', () => {
		const monday = schedule('2027-03-22T10:00');
		const cancelled = schedule('2027-03-22T13:00');
		expect(cancelMeeting(who('mette'), who('freja').id, cancelled, NOW)).toEqual({ ok: true });
		const ids = (now: Date) => remindOfMeetingsTomorrow(now, false).map((r) => r.meetingId);
		expect(ids(new Date('2027-03-20T22:00:00Z'))).not.toContain(monday); // Saturday 23:00: two days before
		expect(ids(new Date('2027-03-21T07:59:00Z'))).not.toContain(monday); // Sunday 08:59 in Copenhagen
		const sunday = remindOfMeetingsTomorrow(new Date('2027-03-21T08:00:00Z'), false); // Sunday 09:00
		expect(sunday).toContainEqual({ meetingId: monday, youthId: who('freja').id });
		expect(sunday.map((r) => r.meetingId)).not.toContain(cancelled);
		expect(ids(new Date('2027-03-21T15:00:00Z'))).not.toContain(monday);
	});
});
