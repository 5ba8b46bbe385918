import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { recordAccess, recordAccesses } from './access-log';
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
		recordAccess(ali, freja.id, 'single_test');
		recordAccess(freja, freja.id, 'single_test');
		const rows = db.select().from(accessLog).where(eq(accessLog.resource, 'single_test')).all();
		expect(rows.map((r) => [r.youthId, r.actorId, r.actorRole, r.actorDepartment])).toEqual([
			[freja.id, ali.id, 'caseworker', 'jobcenter']
		]);
	});

	it('logs a long list', () => {
		const lone = demoUser(db, 'lone');
		const noah = demoUser(db, 'noah');
		recordAccesses(lone, Array<string>(2500).fill(noah.id), 'list_test');
		expect(db.select().from(accessLog).where(eq(accessLog.resource, 'list_test')).all()).toHaveLength(2500);
	});
});
