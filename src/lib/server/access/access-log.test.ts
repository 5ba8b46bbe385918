import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { groupAccessLog, LOOK_GAP_MS, recordAccess, recordAccesses, type AccessRow } from './access-log';
import { ACCESS_KINDS } from '../../shared/privacy';
import { accessLog } from '../db/schema';
import { demoUser, freshDemoDatabase } from '../testing';
import type { Db } from '../db';

describe('audit: a list of reads at once', () => {
	let db: Db;
	beforeAll(async () => {
		db = await freshDemoDatabase();
	});

	it('logs one read per young person by someone else, and none of the young person themselves', () => {
		const sofie = demoUser(db, 'sofie');
		const oliver = demoUser(db, 'oliver');
		const ida = demoUser(db, 'ida');
		const before = Date.now();
		recordAccesses(sofie, [oliver.id, ida.id], 'plan_overview');
		recordAccesses(ida, [ida.id], 'plan_overview');
		const rows = db.select().from(accessLog).where(eq(accessLog.resource, 'plan_overview')).all();
		for (const r of rows) {
			expect(r.createdAt.getTime()).toBeGreaterThanOrEqual(before);
			expect(r.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
			expect(r.actorDepartment).toBeNull();
		}
		expect(rows.map((r) => [r.youthId, r.actorId, r.actorRole]).sort()).toEqual(
			[
				[oliver.id, sofie.id, 'guide'],
				[ida.id, sofie.id, 'guide']
			].sort()
		);
	});

	it("logs a single read with the reader's department", () => {
		const ali = demoUser(db, 'ali');
		const freja = demoUser(db, 'freja');
		recordAccess(ali, freja.id, 'status');
		recordAccess(freja, freja.id, 'status');
		const rows = db.select().from(accessLog).where(eq(accessLog.resource, 'status')).all();
		expect(rows.map((r) => [r.youthId, r.actorId, r.actorRole, r.actorDepartment])).toEqual([
			[freja.id, ali.id, 'caseworker', 'jobcenter']
		]);
	});

	it('records a purpose with every read: from who reads what, or as the caller names it (issue 21)', () => {
		const mette = demoUser(db, 'mette');
		const karen = demoUser(db, 'karen');
		const lone = demoUser(db, 'lone');
		const freja = demoUser(db, 'freja');
		recordAccess(mette, freja.id, 'meetings');
		recordAccess(mette, freja.id, 'consent');
		recordAccess(mette, freja.id, 'checkins');
		recordAccess(karen, freja.id, 'meetings');
		recordAccess(lone, freja.id, 'meetings', 'visitation');
		const purposes = db
			.select({ actor: accessLog.actorId, resource: accessLog.resource, purpose: accessLog.purpose })
			.from(accessLog)
			.where(and(eq(accessLog.youthId, freja.id)))
			.all()
			.filter((r) => ['meetings', 'consent', 'checkins'].includes(r.resource));
		expect(purposes).toEqual([
			{ actor: mette.id, resource: 'meetings', purpose: 'plan_work' },
			{ actor: mette.id, resource: 'consent', purpose: 'consent_check' },
			{ actor: mette.id, resource: 'checkins', purpose: 'follow_up' },
			{ actor: karen.id, resource: 'meetings', purpose: 'parent_view' },
			{ actor: lone.id, resource: 'meetings', purpose: 'visitation' }
		]);
	});

	it('logs a long list', () => {
		const lone = demoUser(db, 'lone');
		const noah = demoUser(db, 'noah');
		recordAccesses(lone, Array<string>(2500).fill(noah.id), 'caseload');
		expect(
			db
				.select()
				.from(accessLog)
				.where(and(eq(accessLog.resource, 'caseload'), eq(accessLog.actorId, lone.id)))
				.all()
		).toHaveLength(2500);
	});
});

describe('the log as the young person reads it (issue 20)', () => {
	const mette = { actorId: 'u-mette', name: 'Mette Larsen', role: 'guide', department: null } as const;
	const ali = { actorId: 'u-ali', name: 'Ali Demir', role: 'caseworker', department: 'jobcenter' } as const;
	const karen = { actorId: 'u-karen', name: 'Karen Nielsen', role: 'parent', department: null } as const;
	const lone = { actorId: 'u-lone', name: 'Lone Madsen', role: 'coordinator', department: null } as const;
	const read = (
		who: Omit<AccessRow, 'resource' | 'purpose' | 'createdAt'>,
		resource: string,
		at: string,
		purpose = 'plan_work'
	): AccessRow => ({
		...who,
		resource,
		purpose,
		createdAt: new Date(at)
	});

	it('is one line per person per day, naming every kind they saw that day once, in a fixed order', () => {
		// A guide's visit: the plan (with its meetings) and the messages, again and again.
		const rows: AccessRow[] = [];
		for (let i = 0; i < 12; i++) {
			const minute = String(10 + i).padStart(2, '0');
			rows.push(read(mette, 'messages', `2026-03-03T09:${minute}:00.000Z`));
			rows.push(read(mette, 'plan', `2026-03-03T09:${minute}:30.000Z`));
			rows.push(read(mette, 'meetings', `2026-03-03T09:${minute}:30.004Z`));
		}
		const days = groupAccessLog(rows);
		expect(days).toHaveLength(1);
		expect(days[0]!.date).toBe('2026-03-03');
		expect(days[0]!.lines).toHaveLength(1);
		const line = days[0]!.lines[0]!;
		expect(line).toMatchObject({ actorId: 'u-mette', name: 'Mette Larsen', role: 'guide', department: null, flagged: false });
		expect(line.kinds).toEqual(['plan', 'meetings', 'messages']);
		// The times: each page opened is one look (the plan and its meetings a few ms apart are one).
		expect(line.looks).toHaveLength(24);
		expect(line.looks[0]).toEqual({ at: new Date('2026-03-03T09:21:30.004Z'), kinds: ['plan', 'meetings'], purposes: ['plan_work'] });
		expect(line.looks[1]).toEqual({ at: new Date('2026-03-03T09:21:00.000Z'), kinds: ['messages'], purposes: ['plan_work'] });
		expect(line.looks.at(-1)).toEqual({ at: new Date('2026-03-03T09:10:00.000Z'), kinds: ['messages'], purposes: ['plan_work'] });
	});

	it('keeps reads further apart than a moment as separate looks', () => {
		const days = groupAccessLog([
			read(mette, 'plan', '2026-03-03T09:00:00.000Z'),
			read(mette, 'messages', new Date(Date.parse('2026-03-03T09:00:00.000Z') + LOOK_GAP_MS + 1).toISOString())
		]);
		expect(days[0]!.lines[0]!.looks.map((l) => l.kinds)).toEqual([['messages'], ['plan']]);
	});

	it('gives two days two lines, newest day first, by the Copenhagen calendar', () => {
		const days = groupAccessLog([
			read(mette, 'plan', '2026-03-02T22:59:00.000Z'), // 23.59 on the 2nd in Copenhagen
			read(mette, 'messages', '2026-03-02T23:01:00.000Z'), // 00.01 on the 3rd
			read(mette, 'consent', '2026-03-01T08:00:00.000Z')
		]);
		expect(days.map((d) => [d.date, d.lines.map((l) => [l.name, l.kinds])])).toEqual([
			['2026-03-03', [['Mette Larsen', ['messages']]]],
			['2026-03-02', [['Mette Larsen', ['plan']]]],
			['2026-03-01', [['Mette Larsen', ['consent']]]]
		]);
	});

	it('lists the people of a day by their latest look, and flags caseworkers and parents only', () => {
		const days = groupAccessLog([
			read(mette, 'plan', '2026-03-03T08:00:00.000Z'),
			read(ali, 'profile', '2026-03-03T09:00:00.000Z'),
			read(ali, 'plan', '2026-03-03T09:00:00.002Z'),
			read(karen, 'plan', '2026-03-03T10:00:00.000Z'),
			read(lone, 'caseload', '2026-03-03T11:00:00.000Z'),
			read(mette, 'messages', '2026-03-03T12:00:00.000Z')
		]);
		expect(days).toHaveLength(1);
		expect(days[0]!.lines.map((l) => [l.name, l.flagged, l.kinds])).toEqual([
			['Mette Larsen', false, ['plan', 'messages']],
			['Lone Madsen', false, ['caseload']],
			['Karen Nielsen', true, ['plan']],
			['Ali Demir', true, ['plan', 'profile']]
		]);
		expect(days[0]!.lines.find((l) => l.actorId === 'u-ali')).toMatchObject({ role: 'caseworker', department: 'jobcenter' });
	});

	it('never passes on a code word: a kind it does not know is "other"', () => {
		const days = groupAccessLog([
			read(mette, 'some_old_kind', '2026-03-03T08:00:00.000Z'),
			read(mette, 'plan', '2026-03-03T08:00:00.001Z')
		]);
		const line = days[0]!.lines[0]!;
		expect(line.kinds).toEqual(['plan', 'other']);
		expect(line.looks).toEqual([{ at: new Date('2026-03-03T08:00:00.001Z'), kinds: ['plan', 'other'], purposes: ['plan_work'] }]);
		expect(JSON.stringify(days)).not.toContain('some_old_kind');
		for (const kind of ACCESS_KINDS)
			expect(groupAccessLog([read(mette, kind, '2026-03-03T08:00:00.000Z')])[0]!.lines[0]!.kinds).toEqual([kind]);
	});

	it('says why: the purposes of a day and of each look, a purpose it does not know as unspecified (issue 21)', () => {
		const days = groupAccessLog([
			read(mette, 'checkins', '2026-03-03T08:00:00.000Z', 'follow_up'),
			read(mette, 'status', '2026-03-03T08:00:00.002Z', 'follow_up'),
			read(mette, 'plan', '2026-03-03T09:00:00.000Z', 'plan_work'),
			read(mette, 'plan', '2026-03-03T10:00:00.000Z', 'some_old_purpose')
		]);
		const line = days[0]!.lines[0]!;
		expect(line.purposes).toEqual(['plan_work', 'follow_up', 'unspecified']);
		expect(line.looks.map((l) => l.purposes)).toEqual([['unspecified'], ['plan_work'], ['follow_up']]);
		expect(JSON.stringify(days)).not.toContain('some_old_purpose');
	});

	it('is empty for an empty log', () => {
		expect(groupAccessLog([])).toEqual([]);
	});
});
