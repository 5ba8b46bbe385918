/**
 * Issue 20, "Safety first": a low check-in answer gets who to call now and when the guide sees it,
 * no one following it up within a working day puts it on the coordinator's list, and "Talt med
 * hende/ham" is kept on record and takes it off the lists.
 */
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { answerCheckin, checkinOverview, followUpFlags, markFollowedUp, myCheckin } from './checkins';
import { setRhythm } from './schedules';
import { followUpDeadline, LOW_ANSWERS_COUNTED, LOW_ANSWERS_SHOWN, lowAnswersWithoutFollowUp, pastDeadlineBefore } from './escalation';
import { todayIso } from '../dates';
import type { Db } from '../db';
import { accessLog, caseloadIndex, checkins, guideAssignments, guideProfiles, users } from '../db/schema';
import { newId } from '../ids';
import { demoUser, freshDemoDatabase } from '../testing';
import { CRISIS_LINES } from '../../shared/crisis-lines';

let db: Db;
const who = (u: string) => demoUser(db, u);

/** Wednesday 2 December 2026, 10:00 in Copenhagen (winter time, UTC+1). */
const WEDNESDAY = new Date('2026-12-02T09:00:00Z');

beforeEach(async () => {
	db = await freshDemoDatabase(WEDNESDAY);
	// Mette works Monday to Friday, 9 to 12.
	db.update(guideProfiles)
		.set({ workDays: [1, 2, 3, 4, 5], workFrom: '09:00', workTo: '12:00' })
		.where(eq(guideProfiles.userId, who('mette').id))
		.run();
});

/** Freja's check-in of `day`, answered at `at` with this score. */
function frejaAnswers(score: number, at: Date, comment = 'Jeg orker ikke mere') {
	const freja = who('freja');
	expect(setRhythm(who('mette'), freja.id, { intervalDays: '7', startsOn: todayIso(at), months: '' }, at)).toEqual({ ok: true });
	const open = myCheckin(freja, at)!.open!;
	return answerCheckin(freja, { checkinId: open.id, score: String(score), comment }, at);
}

describe('a low answer: who to call now, and when the guide sees it', () => {
	it('while the guide is at work: the guide sees it today', () => {
		const result = frejaAnswers(1, WEDNESDAY);
		expect(result).toEqual({
			ok: true,
			score: 1,
			low: {
				guide: { guideName: 'Mette Larsen', kind: 'working', at: null, text: null, unit: null },
				unit: { name: 'Ungeenheden', phone: expect.any(String) }
			}
		});
	});

	it('after hours: the next working start; on Friday evening, Monday at 9', () => {
		// Wednesday 14:00: Mette stopped at 12; she sees it Thursday at 9.
		const afternoon = new Date('2026-12-02T13:00:00Z');
		expect(frejaAnswers(2, afternoon)).toMatchObject({ ok: true, low: { guide: { kind: 'next', at: '2026-12-03T08:00:00.000Z' } } });
	});

	it('over the weekend: Monday at 9', async () => {
		db = await freshDemoDatabase(new Date('2026-12-04T18:00:00Z'));
		// Friday 19:00.
		expect(frejaAnswers(1, new Date('2026-12-04T18:00:00Z'))).toMatchObject({
			ok: true,
			low: { guide: { guideName: 'Mette Larsen', kind: 'next', at: '2026-12-07T08:00:00.000Z' } }
		});
	});

	it('while the guide is away: when she is back, and the youth unit meanwhile', () => {
		db.update(guideProfiles)
			.set({ awayFrom: '2026-12-01', awayUntil: '2026-12-04', awayText: 'Kursus' })
			.where(eq(guideProfiles.userId, who('mette').id))
			.run();
		expect(frejaAnswers(1, WEDNESDAY)).toMatchObject({
			ok: true,
			low: { guide: { kind: 'away', at: '2026-12-07T08:00:00.000Z', unit: { name: 'Ungeenheden' } }, unit: { name: 'Ungeenheden' } }
		});
	});

	it('without a guide: no guide time, the youth unit sees it', () => {
		db.update(guideAssignments)
			.set({ endedAt: WEDNESDAY })
			.where(eq(guideAssignments.youthId, who('freja').id))
			.run();
		// Setting a rhythm needs the guide: the check-in is made while she still has one.
		db.update(guideAssignments)
			.set({ endedAt: null })
			.where(eq(guideAssignments.youthId, who('freja').id))
			.run();
		const freja = who('freja');
		setRhythm(who('mette'), freja.id, { intervalDays: '7', startsOn: todayIso(WEDNESDAY), months: '' }, WEDNESDAY);
		const open = myCheckin(freja, WEDNESDAY)!.open!;
		db.update(guideAssignments).set({ endedAt: WEDNESDAY }).where(eq(guideAssignments.youthId, freja.id)).run();
		expect(answerCheckin(freja, { checkinId: open.id, score: '2', comment: '' }, WEDNESDAY)).toMatchObject({
			ok: true,
			low: { guide: null, unit: { name: 'Ungeenheden' } }
		});
	});

	it('an answer of 3 or more gets the usual thanks only', () => {
		expect(frejaAnswers(3, WEDNESDAY)).toEqual({ ok: true, score: 3, low: null });
	});

	it('the lines to call are 112, Børnetelefonen, Livslinien and headspace, as numbers a phone dials', () => {
		expect(CRISIS_LINES.map((l) => [l.id, l.tel])).toEqual([
			['emergency', '112'],
			['children', '116111'],
			['livslinien', '70201201'],
			['headspace', '33221711']
		]);
		for (const line of CRISIS_LINES) expect(line.tel).toMatch(/^\d+$/);
	});
});

describe('one working day to follow a low answer up', () => {
	it('ends with the first working day after the answer (Copenhagen time)', () => {
		// Tuesday 10:00: the whole of Wednesday, so from Thursday 00:00 (23:00 UTC on Wednesday).
		expect(followUpDeadline(new Date('2026-12-01T09:00:00Z'))).toEqual(new Date('2026-12-02T23:00:00Z'));
		// Tuesday 23:30 local is still Tuesday.
		expect(followUpDeadline(new Date('2026-12-01T22:30:00Z'))).toEqual(new Date('2026-12-02T23:00:00Z'));
		// Friday, Saturday and Sunday: all of Monday, so from Tuesday 00:00.
		for (const at of ['2026-12-04T15:00:00Z', '2026-12-05T10:00:00Z', '2026-12-06T20:00:00Z'])
			expect(followUpDeadline(new Date(at)), at).toEqual(new Date('2026-12-07T23:00:00Z'));
		// Across the change to summer time: answered Friday 27 March 2026, due by Tuesday 00:00 (UTC+2).
		expect(followUpDeadline(new Date('2026-03-27T10:00:00Z'))).toEqual(new Date('2026-03-30T22:00:00Z'));
	});

	it('a low answer no one followed up reaches the coordinator after a working day, with since when', () => {
		expect(frejaAnswers(1, WEDNESDAY)).toMatchObject({ ok: true });
		const onList = (at: Date) => lowAnswersWithoutFollowUp(who('lone'), at)!.items.find((l) => l.youthId === who('freja').id);
		// Still Thursday: within the working day.
		expect(onList(new Date('2026-12-03T22:30:00Z'))).toBeUndefined();
		// Friday 00:00 in Copenhagen.
		expect(onList(new Date('2026-12-03T23:00:00Z'))).toEqual({
			youthId: who('freja').id,
			name: who('freja').displayName,
			guideName: 'Mette Larsen',
			since: WEDNESDAY
		});
	});

	it('an answer is past its deadline exactly when it was given before pastDeadlineBefore(now)', () => {
		// Any answer and any moment in 2026 and 2027 (both changes of summer time, weekends, new year).
		const moment = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true });
		fc.assert(
			fc.property(moment, fc.integer({ min: 0, max: 10 * 86_400_000 }), (answeredAt, later) => {
				const now = new Date(answeredAt.getTime() + later);
				expect(answeredAt < pastDeadlineBefore(now)).toBe(followUpDeadline(answeredAt) <= now);
			}),
			{ numRuns: 2_000 }
		);
	});

	it('a backlog: those who waited longest, oldest first, how many in all, and only those shown on record', () => {
		// 40 young people, each with a low answer no one followed up, one hour apart, the oldest first.
		const first = new Date('2026-11-20T08:00:00Z');
		const backlog = Array.from({ length: 40 }, (_, i) => {
			const id = newId();
			db.insert(users)
				.values({ id, username: `lav${i}`, displayName: `Ung ${String(i).padStart(2, '0')}`, role: 'youth', birthDate: '2009-05-01' })
				.run();
			const answeredAt = new Date(first.getTime() + i * 3_600_000);
			db.insert(checkins)
				.values({ id: newId(), youthId: id, dueOn: todayIso(answeredAt), answeredAt, score: 1 + (i % 2) })
				.run();
			return { id, answeredAt };
		});
		// The first of them also answered low on each of 250 days before: their oldest answer is what
		// counts, and the list reads past a whole batch of their answers to find the others.
		const january = new Date('2026-01-05T08:00:00Z');
		db.insert(checkins)
			.values(
				Array.from({ length: 250 }, (_, d) => {
					const answeredAt = new Date(january.getTime() + d * 86_400_000);
					return { id: newId(), youthId: backlog[0]!.id, dueOn: todayIso(answeredAt), answeredAt, score: 1 };
				})
			)
			.run();
		// A young person whose account is closed is not on the list.
		db.update(users).set({ disabledAt: WEDNESDAY }).where(eq(users.id, backlog[1]!.id)).run();

		const lone = who('lone');
		const list = lowAnswersWithoutFollowUp(lone, WEDNESDAY)!;
		expect(list).toMatchObject({ total: 39, more: false });
		expect(list.items).toHaveLength(LOW_ANSWERS_SHOWN);
		const shown = [{ ...backlog[0]!, answeredAt: january }, ...backlog.slice(2, 2 + LOW_ANSWERS_SHOWN - 1)];
		expect(list.items.map((i) => [i.youthId, i.since])).toEqual(shown.map((b) => [b.id, b.answeredAt]));
		expect(list.items[0]).toMatchObject({ name: 'Ung 00', guideName: null });

		const logged = db
			.select({ youthId: accessLog.youthId })
			.from(accessLog)
			.where(and(eq(accessLog.actorId, lone.id), eq(accessLog.resource, 'caseload'), eq(accessLog.purpose, 'follow_up')))
			.all()
			.map((r) => r.youthId);
		expect(new Set(logged)).toEqual(new Set(shown.map((b) => b.id)));

		// A thousand more, later: the same young people shown, the count stops at its limit.
		const later = new Date('2026-11-25T08:00:00Z');
		for (let i = 0; i < LOW_ANSWERS_COUNTED; i++) {
			const id = newId();
			db.insert(users)
				.values({ id, username: `senere${i}`, displayName: `Senere ${i}`, role: 'youth', birthDate: '2009-05-01' })
				.run();
			db.insert(checkins)
				.values({ id: newId(), youthId: id, dueOn: '2026-11-25', answeredAt: new Date(later.getTime() + i * 1000), score: 2 })
				.run();
		}
		const long = lowAnswersWithoutFollowUp(lone, WEDNESDAY)!;
		expect(long).toMatchObject({ total: LOW_ANSWERS_COUNTED, more: true });
		expect(long.items.map((i) => i.youthId)).toEqual(shown.map((b) => b.id));
	});

	it('only the coordinator keeps that list', () => {
		for (const u of ['mette', 'ali', 'karen', 'freja']) expect(lowAnswersWithoutFollowUp(who(u), WEDNESDAY), u).toBeNull();
		expect(lowAnswersWithoutFollowUp(null, WEDNESDAY)).toBeNull();
	});
});

describe('"Talt med hende/ham"', () => {
	const friday = new Date('2026-12-04T13:00:00Z');

	it('the guide marks it: on record (who, when), off the flags and the coordinator’s list', () => {
		frejaAnswers(1, WEDNESDAY);
		const freja = who('freja');
		const mette = who('mette');
		expect(followUpFlags(mette, [freja.id], friday)[freja.id]).toMatchObject({ kind: 'low', score: 1 });
		expect(db.select().from(caseloadIndex).where(eq(caseloadIndex.youthId, freja.id)).get()?.checkinScore).toBe(1);
		expect(lowAnswersWithoutFollowUp(who('lone'), friday)!.items.map((l) => l.youthId)).toContain(freja.id);
		expect(checkinOverview(mette, freja.id, friday)).toMatchObject({ canFollowUp: true, lowPending: true });

		expect(markFollowedUp(mette, freja.id, friday)).toEqual({ ok: true, marked: 1 });

		const row = db.select().from(checkins).where(eq(checkins.youthId, freja.id)).get()!;
		expect(row).toMatchObject({ followedUpBy: mette.id, followedUpAt: friday, score: 1 });
		const seen = checkinOverview(mette, freja.id, friday)!;
		expect(seen.lowPending).toBe(false);
		expect(seen.timeline[0]!.followedUp).toEqual({ by: 'Mette Larsen', at: friday });
		expect(followUpFlags(mette, [freja.id], friday)[freja.id]).toBeUndefined();
		expect(db.select().from(caseloadIndex).where(eq(caseloadIndex.youthId, freja.id)).get()?.checkinScore).toBeNull();
		expect(lowAnswersWithoutFollowUp(who('lone'), friday)!.items.map((l) => l.youthId)).not.toContain(freja.id);
		// Nothing more to mark.
		expect(markFollowedUp(mette, freja.id, friday)).toEqual({ ok: false, error: 'nothing' });
	});

	it('the coordinator may mark it too; another guide, a caseworker, a parent or the young person may not', () => {
		frejaAnswers(2, WEDNESDAY);
		const freja = who('freja');
		for (const u of ['jonas', 'ali', 'karen', 'freja']) expect(() => markFollowedUp(who(u), freja.id, friday), u).toThrow();
		expect(db.select().from(checkins).where(eq(checkins.youthId, freja.id)).get()?.followedUpAt).toBeNull();
		expect(markFollowedUp(who('lone'), freja.id, friday)).toEqual({ ok: true, marked: 1 });
		expect(db.select().from(checkins).where(eq(checkins.youthId, freja.id)).get()?.followedUpBy).toBe(who('lone').id);
	});

	it('an answer that was not low has nothing to follow up', () => {
		frejaAnswers(4, WEDNESDAY);
		expect(markFollowedUp(who('mette'), who('freja').id, friday)).toEqual({ ok: false, error: 'nothing' });
	});
});
