import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, verifyPragmas, DatabasePragmaError } from './client';
import { freshDemoDatabase, MIGRATIONS } from '../testing';

const tmpFile = () => join(mkdtempSync(join(tmpdir(), 'minvej-db-')), 'x.db');

/** Runs a statement and returns SQLite's own error message (Drizzle wraps it as the cause). */
function sqliteError(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		const cause = (error as { cause?: unknown }).cause;
		return String(cause instanceof Error ? cause.message : (error as Error).message);
	}
	return 'no error';
}

describe('database client', () => {
	it('opens with WAL, foreign keys, busy_timeout and synchronous=FULL in force', () => {
		const db = openDatabase(tmpFile(), { migrationsFolder: MIGRATIONS });
		const p = (name: string) => db.$client.pragma(name, { simple: true });
		expect(p('journal_mode')).toBe('wal');
		expect(p('foreign_keys')).toBe(1);
		expect(p('synchronous')).toBe(2);
		expect(p('busy_timeout')).toBe(5000);
	});

	it('compiles a statement once and hands it out again in its default modes', () => {
		const db = openDatabase(tmpFile(), { migrationsFolder: MIGRATIONS });
		const first = db.$client.prepare('select 1 as one, 2 as two');
		expect(first.raw().get()).toEqual([1, 2]);
		const again = db.$client.prepare('select 1 as one, 2 as two');
		expect(again).toBe(first);
		expect(again.get()).toEqual({ one: 1, two: 2 });
		expect(again.pluck().get()).toBe(1);
		expect(db.$client.prepare('select 1 as one, 2 as two').all()).toEqual([{ one: 1, two: 2 }]);
		// Drizzle's queries give the same answers the second time.
		expect(db.all(sql`select 3 as three`)).toEqual([{ three: 3 }]);
		expect(db.all(sql`select 3 as three`)).toEqual([{ three: 3 }]);
		expect(db.values(sql`select 3 as three`)).toEqual([[3]]);
		expect(db.all(sql`select 3 as three`)).toEqual([{ three: 3 }]);
	});

	it('refuses a connection whose pragmas are not in force', () => {
		const raw = new Database(tmpFile());
		raw.pragma('journal_mode = WAL');
		raw.pragma('foreign_keys = ON');
		raw.pragma('busy_timeout = 5000');
		raw.pragma('synchronous = NORMAL'); // what WAL mode often ends up with if nobody insists
		expect(() => verifyPragmas(raw)).toThrow(DatabasePragmaError);
	});

	it('keeps consent records append-only', async () => {
		const db = await freshDemoDatabase();
		expect(sqliteError(() => db.run(sql`update consent_records set purpose = 'x'`))).toMatch(/append-only/);
		expect(sqliteError(() => db.run(sql`delete from consent_records`))).toMatch(/append-only/);
	});

	it('keeps recent access-log entries and refuses updates', async () => {
		const db = await freshDemoDatabase();
		const youth = db.get<{ id: string }>(sql`select id from users where username = 'freja'`)!;
		const actor = db.get<{ id: string }>(sql`select id from users where username = 'ali'`)!;
		db.run(sql`insert into access_log (id, youth_id, actor_id, actor_role, actor_department, resource, created_at)
			values ('a1', ${youth.id}, ${actor.id}, 'caseworker', 'jobcenter', 'plan', ${Date.now()}),
			       ('a2', ${youth.id}, ${actor.id}, 'caseworker', 'jobcenter', 'plan', ${Date.now() - 400 * 86_400_000})`);
		expect(sqliteError(() => db.run(sql`update access_log set resource = 'x'`))).toMatch(/append-only/);
		expect(sqliteError(() => db.run(sql`delete from access_log where id = 'a1'`))).toMatch(/retention/);
		db.run(sql`delete from access_log where id = 'a2'`); // older than the retention period
		expect(db.get<{ n: number }>(sql`select count(*) as n from access_log`)?.n).toBe(1);
	});

	it('enforces one active guide per young person and one open request', async () => {
		const db = await freshDemoDatabase();
		const freja = db.get<{ id: string }>(sql`select id from users where username = 'freja'`)!;
		const jonas = db.get<{ id: string }>(sql`select id from users where username = 'jonas'`)!;
		expect(
			sqliteError(() =>
				db.run(
					sql`insert into guide_assignments (id, youth_id, guide_id, started_at) values ('g2', ${freja.id}, ${jonas.id}, ${Date.now()})`
				)
			)
		).toMatch(/UNIQUE/);
		db.run(sql`insert into guide_requests (id, youth_id, requested_by, kind, guide_id, status, created_at, updated_at)
			values ('r1', ${freja.id}, ${freja.id}, 'pick', ${jonas.id}, 'open', 1, 1)`);
		expect(
			sqliteError(() =>
				db.run(sql`insert into guide_requests (id, youth_id, requested_by, kind, guide_id, status, created_at, updated_at)
				values ('r2', ${freja.id}, ${freja.id}, 'pick', ${jonas.id}, 'open', 1, 1)`)
			)
		).toMatch(/UNIQUE/);
	});

	it('refuses values outside the domain', async () => {
		const db = await freshDemoDatabase();
		expect(
			sqliteError(() => db.run(sql`insert into users (id, username, display_name, role, created_at) values ('u', 'x', 'X', 'admin', 1)`))
		).toMatch(/CHECK/);
		expect(
			sqliteError(() =>
				db.run(sql`insert into users (id, username, display_name, role, created_at) values ('u', 'x', 'X', 'caseworker', 1)`)
			)
		).toMatch(/CHECK/);
		expect(
			sqliteError(() =>
				db.run(
					sql`insert into settings (id, municipality_name, unit_name, unit_phone, unit_address, updated_at) values (2, 'a', 'b', 'c', 'd', 1)`
				)
			)
		).toMatch(/CHECK|UNIQUE/);
	});
});
