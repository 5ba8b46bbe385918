import { and, eq, isNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { listCaseloadPage } from './caseload';
import { readCaseloadQuery } from '../../shared/caseload';
import { accessLog, guideAssignments, kuiDeadlines, users, youthStatusHistory } from '../db/schema';
import { ANSWER_WINDOW_DAYS } from '../db/caseload-index';
import {
	answerCheckin,
	followUpFlags,
	markFollowedUp,
	MAX_ANSWER_WINDOW_DAYS,
	myCheckin,
	setRhythm,
	setStatus,
	syncCheckins
} from '../followup';
import { todayIso } from '../dates';
import { sendMessage } from '../messages';
import { meetDeadline } from '../deadlines';
import { newId } from '../ids';
import { demoUser, freshDemoDatabase } from '../testing';
import type { Db } from '../db';
import type { SessionUser } from '../auth';

const DAY = 86_400_000;
const base = new Date(`${todayIso()}T10:00:00Z`);
const day = (n: number) => new Date(base.getTime() + n * DAY);

let db: Db;
const who = (u: string) => demoUser(db, u);
const list = (user: SessionUser, query = '', now = base) => listCaseloadPage(user, readCaseloadQuery(new URLSearchParams(query)), now);
const yearsAgo = (years: number, days = 0) => todayIso(new Date(base.getTime() - years * 365.25 * DAY - days * DAY));

const FIRST = ['Anna', 'Bo', 'Carl', 'Dorte', 'Emil', 'Åse', 'Ørn', 'Ærtebjerg', 'Ida', 'Jens'];
const LAST = ['Hansen', 'Ørum', 'Jensen', 'Åberg', 'Nielsen', 'Østergaard', 'Bech', 'Larsen', 'Holm', 'Krogh', 'Dahl', 'Møller'];

/** 120 more young people: ages 13–25, every third with guide jonas, statuses in turn. */
function manyYoungPeople() {
	const jonas = who('jonas').id;
	db.transaction((tx) => {
		for (let i = 0; i < 120; i++) {
			const id = newId();
			tx.insert(users)
				.values({
					id,
					username: `mange${i}`,
					displayName: `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]} ${i}`,
					role: 'youth',
					birthDate: yearsAgo(13 + (i % 13), 30)
				})
				.run();
			if (i % 3 === 0) tx.insert(guideAssignments).values({ id: newId(), youthId: id, guideId: jonas, startedAt: base }).run();
			tx.insert(youthStatusHistory)
				.values({ id: newId(), youthId: id, status: i % 2 ? 'work' : 'preparatory', createdAt: base })
				.run();
		}
	});
}

beforeEach(async () => {
	db = await freshDemoDatabase(base);
});

describe('the staff’s list, a page at a time', () => {
	it('pages the coordinator’s list 50 at a time in Danish name order, and logs only the page shown', () => {
		manyYoungPeople();
		const lone = who('lone');
		const first = list(lone);
		const total = db.select().from(users).where(eq(users.role, 'youth')).all().length;
		expect(first.total).toBe(total);
		expect(first.pages).toBe(Math.ceil(total / 50));
		expect(first.rows).toHaveLength(50);
		const second = list(lone, 'page=2');
		const last = list(lone, `page=${first.pages}`);
		expect(last.rows).toHaveLength(total - 50 * (first.pages - 1));
		const names = [...first.rows, ...second.rows, ...last.rows].map((r) => r.displayName);
		expect(new Set(names).size).toBe(names.length);
		expect(names).toEqual([...names].sort(new Intl.Collator('da').compare));
		// A page past the end is the last page.
		expect(list(lone, 'page=999').query.page).toBe(first.pages);
		// The coordinator sees status and flags, never the plan; each row shown is logged, no other.
		expect(first.rows.every((r) => r.plan === null && r.flags !== null && r.status !== null)).toBe(true);
		const logged = db.select().from(accessLog).where(eq(accessLog.actorId, lone.id)).all();
		expect(logged).toHaveLength(50 + 50 + last.rows.length + last.rows.length);
		expect(new Set(logged.map((l) => l.resource))).toEqual(new Set(['caseload']));
		expect(logged.slice(0, 50).map((l) => l.youthId)).toEqual(first.rows.map((r) => r.id));
	});

	it('searches by parts of the name, whatever the case and the Danish letters', () => {
		manyYoungPeople();
		const lone = who('lone');
		const orum = list(lone, 'q=ØRUM');
		expect(orum.total).toBe(10);
		expect(orum.rows.every((r) => r.displayName.includes('Ørum'))).toBe(true);
		expect(list(lone, 'q=åse ørum').rows.map((r) => r.displayName)).toEqual(['Åse Ørum 25', 'Åse Ørum 85']);
		expect(list(lone, 'q=freja').rows.map((r) => r.displayName)).toEqual(['Freja Nielsen']);
		expect(list(lone, 'q=%25').total).toBe(0); // no wildcards: a percent sign is a percent sign
		expect(list(lone, 'q=ingen+hedder+sådan').total).toBe(0);
	});

	it('filters by guide, status, flags and age band, all together', () => {
		manyYoungPeople();
		const lone = who('lone');
		const jonas = who('jonas').id;
		const byJonas = list(lone, `guide=${jonas}`);
		expect(byJonas.total).toBe(40 + 1); // every third, and amina
		expect(byJonas.rows.every((r) => r.guideName === 'Jonas Berg')).toBe(true);
		expect(byJonas.guideShown).toBe('Jonas Berg'); // the field shows whom a bookmarked id means
		// By a part of the guide's name, as typed: the same young people.
		for (const typed of ['jonas', 'JONAS berg', 'berg+jon'])
			expect(list(lone, `guideName=${typed}`).rows.map((r) => r.id)).toEqual(byJonas.rows.map((r) => r.id));
		expect(list(lone, 'guideName=jonas').total).toBe(byJonas.total);
		expect(list(lone, 'guideName=ingen+guide+hedder+sådan').total).toBe(0);
		expect(list(lone, 'guideName=%25').total).toBe(0); // no wildcards
		const noGuide = list(lone, 'flag=noGuide');
		expect(noGuide.rows.every((r) => r.guideName === null && r.flags?.noGuide)).toBe(true);
		expect(noGuide.total).toBe(80 + 1); // and noah
		const jobs = list(lone, 'status=work');
		expect(jobs.total).toBe(60);
		expect(jobs.rows.every((r) => r.status === 'work')).toBe(true);
		const teens = list(lone, 'age=13-15');
		expect(teens.rows.every((r) => r.age >= 13 && r.age <= 15)).toBe(true);
		expect(teens.total).toBe(
			list(lone, '').total - list(lone, 'age=16-17').total - list(lone, 'age=18-20').total - list(lone, 'age=21-25').total
		);
		const all = list(lone, `guide=${jonas}&status=work&age=18-20`);
		expect(all.rows.every((r) => r.guideName === 'Jonas Berg' && r.status === 'work' && r.age >= 18 && r.age <= 20)).toBe(true);
		expect(all.total).toBeGreaterThan(0);
		// The demo: freja's plan has an overdue step (the coordinator sees the flag, not the plan).
		expect(list(lone, 'flag=overdue').rows.map((r) => r.displayName)).toContain('Freja Nielsen');
		expect(list(lone, 'flag=overdue').rows.every((r) => r.flags?.overdue)).toBe(true);
	});

	it('gives a guide the same search on their own list only, and a caseworker no flag filters', () => {
		manyYoungPeople();
		const jonas = who('jonas');
		const own = list(jonas);
		expect(own.total).toBe(41);
		expect(own.rows.every((r) => r.guideName === 'Jonas Berg')).toBe(true);
		expect(list(jonas, 'q=amina').rows.map((r) => r.displayName)).toEqual(['Amina Hassan']);
		expect(list(jonas, 'q=freja').total).toBe(0);
		expect(list(jonas, 'status=work').total).toBe(20);
		expect(list(jonas, `guide=${who('mette').id}`).query.guide).toBeNull(); // not a guide's filter
		expect(list(jonas, 'guideName=mette')).toMatchObject({ total: 41, guideFilter: false, query: { guideName: '' } });
		const ali = who('ali');
		const filtered = list(ali, 'status=work&flag=noGuide');
		expect(filtered.filters).toBe(false);
		expect(filtered.query).toMatchObject({ status: null, flags: [] });
		expect(filtered.rows.map((r) => r.displayName)).toEqual(['Freja Nielsen']);
		expect(list(who('freja')).rows).toEqual([]);
	});

	it('sorts by age both ways, the one the exact reverse of the other', () => {
		manyYoungPeople();
		const lone = who('lone');
		const pages = (query: string) => [1, 2, 3].flatMap((page) => list(lone, `${query}&page=${page}`).rows.map((r) => r.id));
		const up = pages('sort=age');
		const down = pages('sort=age&dir=desc');
		expect(down).toEqual([...up].reverse());
		const ages = list(lone, 'sort=age').rows.map((r) => r.age);
		expect(ages).toEqual([...ages].sort((a, b) => a - b));
	});

	it('flags check-ins exactly as the guide’s own flags do, day by day', () => {
		const freja = who('freja').id;
		const mette = who('mette');
		const lone = who('lone');
		expect(ANSWER_WINDOW_DAYS).toBe(MAX_ANSWER_WINDOW_DAYS);
		setRhythm(mette, freja, { intervalDays: '7', startsOn: todayIso(base), months: '' }, base);
		const answers: Record<number, number> = { 0: 2, 14: 4, 28: 1 };
		for (let n = 0; n <= 45; n++) {
			// The server's scheduler creates the day's check-ins (a page view does not).
			syncCheckins(undefined, day(n));
			const open = myCheckin(who('freja'), day(n))?.open;
			if (open && answers[n] !== undefined)
				answerCheckin(who('freja'), { checkinId: open.id, score: String(answers[n]), comment: '' }, day(n));
			const expected = followUpFlags(mette, [freja], day(n))[freja]?.kind ?? null;
			const row = list(lone, 'q=freja', day(n)).rows[0]!;
			expect([n, row.flags?.checkin]).toEqual([n, expected]);
			const missed = list(lone, 'flag=missed', day(n)).rows.some((r) => r.id === freja);
			const low = list(lone, 'flag=low', day(n)).rows.some((r) => r.id === freja);
			expect([n, missed, low]).toEqual([n, expected === 'missed', expected === 'low']);
		}
		// The guide sees the detail; the coordinator only that there is something.
		expect(list(mette, '', day(29)).rows[0]!.flags?.checkinDetail).toMatchObject({ kind: 'low', score: 1 });
		expect(list(lone, 'q=freja', day(29)).rows[0]!.flags?.checkinDetail).toBeNull();
		expect(
			db
				.select()
				.from(accessLog)
				.where(and(eq(accessLog.actorId, lone.id), eq(accessLog.resource, 'checkins')))
				.all()
		).toEqual([]);
	});

	it('sorts by flags: a low check-in answer first, then the other flags; off the top once followed up (issue 20)', () => {
		manyYoungPeople();
		const freja = who('freja').id;
		const mette = who('mette');
		const lone = who('lone');
		setRhythm(mette, freja, { intervalDays: '7', startsOn: todayIso(base), months: '' }, base);
		const open = myCheckin(who('freja'), base)!.open!;
		answerCheckin(who('freja'), { checkinId: open.id, score: '1', comment: 'Jeg orker ikke mere' }, base);
		for (const actor of [mette, lone]) {
			expect(list(actor, 'sort=flags').sorts).toContain('flags');
			expect(list(actor, 'sort=flags').rows[0]!.id).toBe(freja);
		}
		// Everyone with a flag comes before everyone without one.
		const rows = [1, 2, 3].flatMap((page) => list(lone, `sort=flags&page=${page}`).rows);
		const flagged = rows.map((r) => Boolean(r.flags && (r.flags.checkin || r.flags.overdue || r.flags.notAgreed || r.flags.noGuide)));
		expect(flagged.indexOf(false)).toBeGreaterThan(0);
		expect(flagged.slice(flagged.indexOf(false))).not.toContain(true);
		// Caseworkers see no flags and cannot sort by them.
		expect(list(who('ali'), 'sort=flags').query.sort).toBe('name');

		expect(markFollowedUp(mette, freja, base)).toMatchObject({ ok: true });
		expect(list(mette, 'sort=flags').rows.find((r) => r.id === freja)?.flags?.checkin ?? null).toBeNull();
		expect(list(lone, 'flag=low').rows.map((r) => r.id)).not.toContain(freja);
	});

	it('filters by a running legal deadline and sorts the nearest first, for the guide and the coordinator (issue 21)', () => {
		const [lone, mette, sofie, ali] = [who('lone'), who('mette'), who('sofie'), who('ali')];
		const [freja, oliver] = [who('freja'), who('oliver')];
		expect(list(lone, 'flag=deadline').total).toBe(0);
		// Both are 16: "no attachment" starts the contact and offer deadlines; Freja's three days earlier.
		setStatus(sofie, oliver.id, { status: 'no_attachment', detail: '' }, day(0));
		setStatus(mette, freja.id, { status: 'no_attachment', detail: '' }, day(-3));
		const all = list(lone, 'flag=deadline&sort=deadline');
		expect(all.rows.map((r) => r.displayName)).toEqual([freja.displayName, oliver.displayName]);
		expect(all.query.sort).toBe('deadline');
		expect(list(lone, 'flag=deadline&sort=deadline&dir=desc').rows.map((r) => r.displayName)).toEqual([
			oliver.displayName,
			freja.displayName
		]);
		// The guide sees only her own; the sort puts those with a deadline first, the rest after by name.
		expect(list(sofie, 'flag=deadline').rows.map((r) => r.displayName)).toEqual([oliver.displayName]);
		const sorted = list(mette, 'sort=deadline').rows;
		expect(sorted[0]!.displayName).toBe(freja.displayName);
		// A caseworker has no flag filters and no such sort: the query is answered without them.
		const caseworker = list(ali, 'flag=deadline&sort=deadline');
		expect(caseworker.query.flags).toEqual([]);
		expect(caseworker.query.sort).toBe('name');
		// Back in an activity, and the contact recorded: nothing runs for her, and she is off the filter.
		setStatus(mette, freja.id, { status: 'preparatory', detail: '' }, day(1));
		expect(list(lone, 'flag=deadline').total).toBe(2);
		const contact = db
			.select()
			.from(kuiDeadlines)
			.where(and(eq(kuiDeadlines.youthId, freja.id), isNull(kuiDeadlines.metAt)))
			.all();
		expect(contact.map((d) => d.kind)).toEqual(['contact']);
		expect(meetDeadline(mette, freja.id, contact[0]!.id, day(1))).toEqual({ ok: true });
		expect(list(lone, 'flag=deadline').rows.map((r) => r.displayName)).toEqual([oliver.displayName]);
	});

	it('shows when the conversation last moved and whether it waits for an answer, only to who may read it (issue 20)', async () => {
		const [freja, mette, ali] = [who('freja'), who('mette'), who('ali')];
		const row = (user: SessionUser) => list(user).rows.find((r) => r.id === freja.id)!;
		// The demo's conversation ends with mette's answer: nothing waits.
		expect(row(mette)).toMatchObject({ messages: true, lastMessage: { fromYouth: false } });
		const sent = await sendMessage(freja, freja.id, { clientId: crypto.randomUUID(), body: 'Hej Mette' }, day(1));
		expect(sent.ok).toBe(true);
		expect(row(mette).lastMessage).toEqual({ at: day(1), fromYouth: true });
		expect(await sendMessage(mette, freja.id, { clientId: crypto.randomUUID(), body: 'Hej Freja' }, day(2))).toMatchObject({ ok: true });
		expect(row(mette).lastMessage).toEqual({ at: day(2), fromYouth: false });
		// The jobcenter's caseworker sees freja's plan under her consent, but not her messages.
		expect(row(ali)).toMatchObject({ messages: false, lastMessage: null });
		expect(row(ali).plan).not.toBeNull();
	});
});
