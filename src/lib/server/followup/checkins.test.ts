import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { answerCheckin, checkinOverview, followUpFlags, myCheckin } from './checkins';
import { setRhythm, stopRhythm, syncCheckins, untilNextDay } from './schedules';
import { todayIso } from '../dates';
import type { Db } from '../db';
import { accessLog, checkins, plans } from '../db/schema';
import { demoUser, freshDemoDatabase } from '../testing';
import { setStatus, statusOverview } from './status';

const DAY = 86_400_000;
/** Around noon in Copenhagen today, so that whole days move the calendar date by exactly that. */
const base = new Date(`${todayIso()}T10:00:00Z`);
const day = (n: number) => new Date(base.getTime() + n * DAY);
/** Day n, after the server's scheduler has run on it (it creates the check-ins that fall due; a page view does not). */
const scheduled = (n: number) => {
	syncCheckins(undefined, day(n));
	return day(n);
};

let db: Db;
const who = (u: string) => demoUser(db, u);

beforeEach(async () => {
	db = await freshDemoDatabase(base);
});

function everyTwoWeeksForFreja() {
	return setRhythm(who('mette'), who('freja').id, { intervalDays: '14', startsOn: todayIso(base), months: '3' }, base);
}

describe('check-ins: the rhythm and the answers', () => {
	it('the guide sets a rhythm; the young person answers today’s check-in with one tap; the guide sees it', () => {
		expect(everyTwoWeeksForFreja()).toEqual({ ok: true });
		const mine = myCheckin(who('freja'), base)!;
		expect(mine.open?.dueOn).toBe(todayIso(base));
		expect(mine.nextDueOn).toBe(todayIso(day(14)));

		expect(answerCheckin(who('freja'), { checkinId: mine.open!.id, score: '4', comment: '  Det går fint på skolen  ' }, day(1))).toEqual({
			ok: true,
			score: 4,
			low: null
		});
		expect(myCheckin(who('freja'), day(1))!.open).toBeNull();

		const seen = checkinOverview(who('mette'), who('freja').id, day(1))!;
		expect(seen.canManage).toBe(true);
		expect(seen.rhythm).toMatchObject({ intervalDays: 14, startsOn: todayIso(base), running: true });
		expect(seen.timeline).toHaveLength(1);
		expect(seen.timeline[0]).toMatchObject({ state: 'answered', score: 4, comment: 'Det går fint på skolen' });
		// The guide's read is in the young person's access log.
		const log = db
			.select()
			.from(accessLog)
			.where(and(eq(accessLog.youthId, who('freja').id), eq(accessLog.resource, 'checkins')))
			.all();
		expect(log.map((l) => l.actorId)).toEqual([who('mette').id]);
	});

	it('a check-in not answered within its window is missed, and the next one comes on time', () => {
		everyTwoWeeksForFreja();
		expect(checkinOverview(who('mette'), who('freja').id, scheduled(6))!.timeline[0]!.state).toBe('open');
		const later = checkinOverview(who('mette'), who('freja').id, scheduled(15))!;
		expect(later.timeline.map((c) => [c.dueOn, c.state])).toEqual([
			[todayIso(day(14)), 'open'],
			[todayIso(base), 'missed']
		]);
		const missed = later.timeline[1]!;
		expect(answerCheckin(who('freja'), { checkinId: missed.id, score: '3', comment: '' }, day(15))).toEqual({ ok: false, error: 'closed' });
	});

	it('refuses bad answers, a second answer and someone else’s check-in', () => {
		everyTwoWeeksForFreja();
		const id = myCheckin(who('freja'), base)!.open!.id;
		expect(answerCheckin(who('freja'), { checkinId: id, score: '6', comment: '' }, base)).toEqual({ ok: false, error: 'score' });
		expect(answerCheckin(who('freja'), { checkinId: id, score: '', comment: '' }, base)).toEqual({ ok: false, error: 'score' });
		expect(answerCheckin(who('freja'), { checkinId: id, score: '3', comment: 'x'.repeat(1001) }, base)).toEqual({
			ok: false,
			error: 'comment'
		});
		expect(answerCheckin(who('amina'), { checkinId: id, score: '3', comment: '' }, base)).toEqual({ ok: false, error: 'not_found' });
		expect(answerCheckin(who('freja'), { checkinId: id, score: '3', comment: '' }, base)).toEqual({ ok: true, score: 3, low: null });
		expect(answerCheckin(who('freja'), { checkinId: id, score: '5', comment: '' }, base)).toEqual({ ok: false, error: 'already_answered' });
		expect(db.select().from(checkins).where(eq(checkins.id, id)).get()?.score).toBe(3);
		expect(() => answerCheckin(who('mette'), { checkinId: id, score: '3', comment: '' }, base)).toThrow();
	});

	it('only the assigned guide sets or ends a rhythm, and bad input changes nothing', () => {
		const freja = who('freja').id;
		expect(() => setRhythm(who('jonas'), freja, { intervalDays: '14', startsOn: todayIso(base), months: '' }, base)).toThrow();
		expect(() => setRhythm(who('freja'), freja, { intervalDays: '14', startsOn: todayIso(base), months: '' }, base)).toThrow();
		expect(() => setRhythm(who('lone'), freja, { intervalDays: '14', startsOn: todayIso(base), months: '' }, base)).toThrow();
		const mette = who('mette');
		expect(setRhythm(mette, freja, { intervalDays: '0', startsOn: todayIso(base), months: '' }, base)).toEqual({
			ok: false,
			error: 'interval'
		});
		expect(setRhythm(mette, freja, { intervalDays: '2.5', startsOn: todayIso(base), months: '' }, base)).toEqual({
			ok: false,
			error: 'interval'
		});
		expect(setRhythm(mette, freja, { intervalDays: '14', startsOn: todayIso(day(-1)), months: '' }, base)).toEqual({
			ok: false,
			error: 'starts_on'
		});
		expect(setRhythm(mette, freja, { intervalDays: '14', startsOn: '2026-02-30', months: '' }, base)).toEqual({
			ok: false,
			error: 'starts_on'
		});
		expect(setRhythm(mette, freja, { intervalDays: '14', startsOn: todayIso(base), months: '4' }, base)).toEqual({
			ok: false,
			error: 'months'
		});
		expect(checkinOverview(mette, freja, base)!.rhythm).toBeNull();
		expect(stopRhythm(mette, freja, base)).toEqual({ ok: false, error: 'no_rhythm' });
		expect(() => stopRhythm(who('jonas'), freja, base)).toThrow();
	});

	it('who may read check-ins: the young person and the guide; not parents, other guides or the coordinator', () => {
		everyTwoWeeksForFreja();
		const freja = who('freja').id;
		expect(checkinOverview(who('freja'), freja, base)?.canManage).toBe(false);
		for (const u of ['karen', 'jonas', 'lone', 'ali', 'hanne']) expect(checkinOverview(who(u), freja, base)).toBeNull();
		expect(myCheckin(who('mette'), base)).toBeNull();
	});

	it('closing the case keeps the rhythm running until the guide ends it', () => {
		everyTwoWeeksForFreja();
		const freja = who('freja').id;
		db.update(plans)
			.set({ closedAt: day(2) })
			.where(eq(plans.youthId, freja))
			.run();
		expect(myCheckin(who('freja'), scheduled(14))!.open?.dueOn).toBe(todayIso(day(14)));
		expect(stopRhythm(who('mette'), freja, day(15))).toEqual({ ok: true });
		// The check-in already asked can still be answered; no new ones come.
		expect(myCheckin(who('freja'), scheduled(16))!.open?.dueOn).toBe(todayIso(day(14)));
		const after = checkinOverview(who('mette'), freja, scheduled(60))!;
		expect(after.timeline).toHaveLength(2);
		expect(after.rhythm).toBeNull();
		expect(myCheckin(who('freja'), scheduled(60))!.nextDueOn).toBeNull();
	});

	it('a new rhythm replaces the old one', () => {
		everyTwoWeeksForFreja();
		const freja = who('freja').id;
		expect(setRhythm(who('mette'), freja, { intervalDays: '7', startsOn: todayIso(day(3)), months: '' }, day(1))).toEqual({ ok: true });
		const seen = checkinOverview(who('mette'), freja, scheduled(10))!;
		expect(seen.rhythm).toMatchObject({ intervalDays: 7, endsOn: null, nextDueOn: todayIso(day(17)) });
		expect(seen.timeline.map((c) => c.dueOn)).toEqual([todayIso(day(10)), todayIso(day(3)), todayIso(base)]);
	});

	it('creating due check-ins twice creates them once', () => {
		everyTwoWeeksForFreja();
		expect(syncCheckins(undefined, day(30)).map((c) => c.dueOn)).toEqual([todayIso(day(14)), todayIso(day(28))]);
		expect(syncCheckins(undefined, day(30))).toEqual([]);
		expect(db.select().from(checkins).all()).toHaveLength(3);
	});

	it('a page view writes nothing: the check-ins that fall due are the scheduler’s to create', () => {
		everyTwoWeeksForFreja();
		const freja = who('freja').id;
		expect(db.select().from(checkins).all()).toHaveLength(1);
		checkinOverview(who('mette'), freja, day(30));
		myCheckin(who('freja'), day(30));
		followUpFlags(who('mette'), [freja], day(30));
		expect(db.select().from(checkins).all()).toHaveLength(1);
		expect(myCheckin(who('freja'), scheduled(30))!.open?.dueOn).toBe(todayIso(day(28)));
	});

	it('the scheduler wakes just after midnight in Copenhagen, summer and winter', () => {
		expect(untilNextDay(new Date('2026-07-01T21:59:00Z'))).toBe(61_000);
		expect(untilNextDay(new Date('2026-01-15T22:59:30Z'))).toBe(31_000);
		expect(untilNextDay(new Date('2026-01-15T23:00:00Z'))).toBe(DAY + 1000);
	});
});

describe('check-ins: flags on the guide’s list', () => {
	it('flags a low answer and a missed check-in, for the guide only, while the rhythm runs', () => {
		const freja = who('freja').id;
		const amina = who('amina').id;
		everyTwoWeeksForFreja();
		setRhythm(who('jonas'), amina, { intervalDays: '7', startsOn: todayIso(base), months: '' }, base);
		const open = myCheckin(who('freja'), base)!.open!;
		expect(followUpFlags(who('mette'), [freja], base)).toEqual({});

		answerCheckin(who('freja'), { checkinId: open.id, score: '2', comment: 'Svært' }, base);
		expect(followUpFlags(who('mette'), [freja, amina], scheduled(1))).toEqual({
			[freja]: { kind: 'low', score: 2, dueOn: todayIso(base) }
		});
		// A newer check-in that is still open does not hide the low answer.
		expect(followUpFlags(who('mette'), [freja], scheduled(14))[freja]?.kind).toBe('low');
		// When that one is missed, the flag says so.
		expect(followUpFlags(who('mette'), [freja], scheduled(21))).toEqual({ [freja]: { kind: 'missed', dueOn: todayIso(day(14)) } });
		expect(followUpFlags(who('jonas'), [freja, amina], scheduled(8))).toEqual({ [amina]: { kind: 'missed', dueOn: todayIso(base) } });
		// A good answer clears it.
		const next = myCheckin(who('freja'), scheduled(28))!.open!;
		answerCheckin(who('freja'), { checkinId: next.id, score: '5', comment: '' }, day(28));
		expect(followUpFlags(who('mette'), [freja], scheduled(29))).toEqual({});
		// Nobody else sees the flags; the guide ending the follow-up clears them.
		expect(followUpFlags(who('lone'), [freja, amina], scheduled(8))).toEqual({});
		stopRhythm(who('jonas'), amina, day(9));
		expect(followUpFlags(who('jonas'), [amina], scheduled(30))).toEqual({});
	});

	it("the flags on the guide's list are a read of the check-ins: logged once per young person and list", () => {
		const freja = who('freja').id;
		const amina = who('amina').id;
		const logged = () =>
			db.select({ youthId: accessLog.youthId, actorId: accessLog.actorId }).from(accessLog).where(eq(accessLog.resource, 'checkins')).all();
		everyTwoWeeksForFreja();
		setRhythm(who('jonas'), amina, { intervalDays: '7', startsOn: todayIso(base), months: '' }, base);
		const open = myCheckin(who('freja'), base)!.open!;

		// Nothing settled yet: nothing was read.
		followUpFlags(who('mette'), [freja], base);
		expect(logged()).toEqual([]);
		answerCheckin(who('freja'), { checkinId: open.id, score: '2', comment: 'Svært' }, base);
		followUpFlags(who('mette'), [freja, amina], day(1));
		expect(logged()).toEqual([{ youthId: freja, actorId: who('mette').id }]);
		// A list without a flag still read the answers it judged; one who may not read them logs nothing.
		followUpFlags(who('jonas'), [amina], day(8));
		followUpFlags(who('lone'), [freja, amina], day(8));
		expect(logged()).toEqual([
			{ youthId: freja, actorId: who('mette').id },
			{ youthId: amina, actorId: who('jonas').id }
		]);
	});
});

describe('status with history', () => {
	it('the guide sets a status; the young person sees it and its history', () => {
		const freja = who('freja').id;
		expect(setStatus(who('mette'), freja, { status: 'youth_education', detail: ' Tømrerlærling (EUD) ' }, day(1))).toEqual({ ok: true });
		const own = statusOverview(who('freja'), freja)!;
		expect(own.canSet).toBe(false);
		expect(own.current).toMatchObject({ status: 'youth_education', detail: 'Tømrerlærling (EUD)' });
		expect(own.history.map((h) => h.status)).toEqual(['youth_education', 'preparatory']);
		expect(statusOverview(who('mette'), freja)!.canSet).toBe(true);
		expect(statusOverview(who('lone'), freja)!.canSet).toBe(false);
		expect(statusOverview(who('ali'), freja)?.current?.status).toBe('youth_education');
		expect(statusOverview(who('karen'), freja)).toBeNull();
		expect(statusOverview(who('hanne'), freja)).toBeNull();
	});

	it('refuses a bad status or a long detail, and anyone but the guide', () => {
		const freja = who('freja').id;
		expect(setStatus(who('mette'), freja, { status: 'astronaut', detail: '' })).toEqual({ ok: false, error: 'status' });
		expect(setStatus(who('mette'), freja, { status: 'work', detail: 'x'.repeat(201) })).toEqual({ ok: false, error: 'detail' });
		expect(() => setStatus(who('lone'), freja, { status: 'work', detail: '' })).toThrow();
		expect(() => setStatus(who('freja'), freja, { status: 'work', detail: '' })).toThrow();
		expect(() => setStatus(who('jonas'), freja, { status: 'work', detail: '' })).toThrow();
		expect(statusOverview(who('freja'), freja)!.history).toHaveLength(1);
	});
});
