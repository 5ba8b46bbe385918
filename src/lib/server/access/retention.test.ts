import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDemoDatabase, demoUser } from '../testing';
import { purgeExpiredAccessLog } from './retention';

const DAY = 86_400_000;

describe('access-log retention', () => {
	it('purges only entries older than the retention period from the settings', async () => {
		const db = await freshDemoDatabase();
		const freja = demoUser(db, 'freja');
		const ali = demoUser(db, 'ali');
		const now = Date.now();
		const insert = (id: string, ageDays: number) =>
			db.run(sql`insert into access_log (id, youth_id, actor_id, actor_role, actor_department, resource, created_at)
				values (${id}, ${freja.id}, ${ali.id}, 'caseworker', 'jobcenter', 'plan', ${now - ageDays * DAY})`);
		insert('fresh', 1);
		insert('almost', 182);
		insert('old', 184);
		insert('ancient', 900);

		expect(purgeExpiredAccessLog(new Date(now))).toBe(2);
		const left = db.all<{ id: string }>(sql`select id from access_log order by id`).map((r) => r.id);
		expect(left).toEqual(['almost', 'fresh']);

		db.run(sql`update settings set access_log_retention_days = 30 where id = 1`);
		expect(purgeExpiredAccessLog(new Date(now))).toBe(1);
		expect(db.all<{ id: string }>(sql`select id from access_log`).map((r) => r.id)).toEqual(['fresh']);
	});
});
