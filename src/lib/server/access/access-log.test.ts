import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { decodeTime } from 'ulid';
import {
	groupAccessLog,
	logAccessesOf,
	LOOK_GAP_MS,
	recordAccess,
	recordAccesses,
	recordAccessesAtOnce,
	type AccessRow
} from './access-log';
import { ACCESS_KINDS } from '../../shared/privacy';
import { accessLog } from '../db/schema';
import { demoUser, freshDemoDatabase } from '../testing';
import { runRequest, useDatabase, type Db } from '../db';
import { openDatabase } from '../db/client';
import type { SessionUser } from '../auth';

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

describe('one write per page view (issue 23)', () => {
	let db: Db;
	/** A second connection to the same file that tells each statement it runs, as COUNT_STATEMENTS does. */
	let counted: Db;
	let statements: string[] = [];
	let mette: SessionUser, freja: SessionUser, oliver: SessionUser, karen: SessionUser;
	beforeAll(async () => {
		db = await freshDemoDatabase();
		mette = demoUser(db, 'mette');
		freja = demoUser(db, 'freja');
		oliver = demoUser(db, 'oliver');
		karen = demoUser(db, 'karen');
		counted = openDatabase(db.$client.name, { onStatement: (sql) => statements.push(sql) });
		useDatabase(counted);
	});
	afterAll(() => {
		useDatabase(db);
		counted.$client.close();
	});

	const rowsOf = (actorId: string) =>
		db.select().from(accessLog).where(eq(accessLog.actorId, actorId)).orderBy(asc(accessLog.createdAt), asc(accessLog.id)).all();
	const count = (pattern: RegExp) => statements.filter((sql) => pattern.test(sql)).length;

	it('writes the reads of a request in one transaction, once its answer is ready, with ids in the order of the reads', async () => {
		const before = rowsOf(mette.id).length;
		statements = [];
		const { result } = await runRequest(() =>
			logAccessesOf(async () => {
				recordAccess(mette, freja.id, 'plan');
				recordAccess(mette, freja.id, 'meetings');
				await new Promise((r) => setTimeout(r, 2));
				recordAccesses(mette, [freja.id, oliver.id], 'plan_overview');
				recordAccess(freja, freja.id, 'plan');
				// Not written yet: the page is not done.
				expect(rowsOf(mette.id)).toHaveLength(before);
				return 'page';
			})
		);
		expect(result).toBe('page');
		const rows = rowsOf(mette.id).slice(before);
		expect(rows.map((r) => [r.youthId, r.resource])).toEqual([
			[freja.id, 'plan'],
			[freja.id, 'meetings'],
			[freja.id, 'plan_overview'],
			[oliver.id, 'plan_overview']
		]);
		expect(count(/^\s*insert into "access_log"/i)).toBe(4);
		expect(count(/^\s*begin/i)).toBe(1);
		expect(count(/^\s*commit/i)).toBe(1);
		// Time-ordered ids: in the order the reads were made, each naming its read's millisecond.
		const ids = rows.map((r) => r.id);
		expect([...ids].sort()).toEqual(ids);
		for (const r of rows) expect(decodeTime(r.id)).toBe(r.createdAt.getTime());
	});

	it('writes a read at once outside a request (scripts, the scheduler), and in a request that keeps no batch', async () => {
		const before = rowsOf(karen.id).length;
		recordAccess(karen, freja.id, 'plan');
		expect(rowsOf(karen.id)).toHaveLength(before + 1);
		await runRequest(async () => {
			recordAccess(karen, freja.id, 'meetings');
			expect(rowsOf(karen.id)).toHaveLength(before + 2);
		});
	});

	it('writes at once what is read after the answer is ready (a stream) and what a stream reads in a request', async () => {
		const before = rowsOf(mette.id).length;
		await runRequest(async () => {
			await logAccessesOf(async () => {
				recordAccessesAtOnce(mette, [oliver.id], 'messages');
				expect(rowsOf(mette.id)).toHaveLength(before + 1);
			});
			recordAccess(mette, oliver.id, 'messages');
			expect(rowsOf(mette.id)).toHaveLength(before + 2);
		});
	});

	it('fails the request when the write fails, writing none of its reads', async () => {
		const before = rowsOf(mette.id).length;
		await expect(
			runRequest(() =>
				logAccessesOf(async () => {
					recordAccess(mette, freja.id, 'plan');
					recordAccess(mette, 'no-such-young-person', 'plan');
					return 'page';
				})
			)
		).rejects.toThrow(/FOREIGN KEY/);
		expect(rowsOf(mette.id)).toHaveLength(before);
	});

	it('still writes the reads of a request that fails after them', async () => {
		const before = rowsOf(mette.id).length;
		await expect(
			runRequest(() =>
				logAccessesOf(async () => {
					recordAccess(mette, freja.id, 'consent');
					throw new Error('the page failed');
				})
			)
		).rejects.toThrow('the page failed');
		expect(
			rowsOf(mette.id)
				.slice(before)
				.map((r) => r.resource)
		).toEqual(['consent']);
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
