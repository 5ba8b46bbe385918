/**
 * Upgrading a database that has data in it: migration 0010 makes `youth_status_history` anew (its
 * categories changed), and the rows, the deadlines that refer to them, the caseload list's status
 * and its triggers must all come through.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './client';
import { MIGRATIONS } from '../testing';

/** A copy of the migrations folder holding only the first `count` migrations. */
function migrationsUpTo(count: number) {
	const dir = join(mkdtempSync(join(tmpdir(), 'minvej-migrations-')), 'drizzle');
	cpSync(MIGRATIONS, dir, { recursive: true });
	const journalPath = join(dir, 'meta', '_journal.json');
	const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
	journal.entries = journal.entries.slice(0, count);
	writeFileSync(journalPath, JSON.stringify(journal));
	return dir;
}

describe('migration 0010: the official status categories', () => {
	it('maps job to work and none to no_attachment, keeping every history row and the deadlines', () => {
		const path = join(mkdtempSync(join(tmpdir(), 'minvej-upgrade-')), 'x.db');
		const before = openDatabase(path, { migrationsFolder: migrationsUpTo(10) });
		const run = (sql: string, ...params: unknown[]) => before.$client.prepare(sql).run(...params);
		const now = Date.UTC(2026, 9, 1);
		run(
			`insert into users (id, username, display_name, role, birth_date, created_at) values ('y1', 'y1', 'Ung En', 'youth', '2010-05-01', ?)`,
			now
		);
		run(
			`insert into users (id, username, display_name, role, birth_date, created_at) values ('y2', 'y2', 'Ung To', 'youth', '2009-05-01', ?)`,
			now
		);
		run(
			`insert into youth_status_history (id, youth_id, status, detail, created_at) values ('h1', 'y1', 'youth_education', 'gymnasium', ?)`,
			now
		);
		run(`insert into youth_status_history (id, youth_id, status, detail, created_at) values ('h2', 'y1', 'none', 'stopped', ?)`, now + 1);
		run(`insert into youth_status_history (id, youth_id, status, created_at) values ('h3', 'y2', 'job', ?)`, now);
		run(
			`insert into kui_deadlines (id, youth_id, kind, started_by, started_on, due_on, created_at) values ('d1', 'y1', 'contact', 'h2', '2026-10-01', '2026-10-08', ?)`,
			now
		);
		expect(before.$client.prepare(`select status from caseload_index where youth_id = 'y1'`).pluck().get()).toBe('none');
		before.$client.close();

		const after = openDatabase(path, { migrationsFolder: MIGRATIONS });
		const all = (sql: string) => after.$client.prepare(sql).all();
		expect(all(`select id, status, detail from youth_status_history order by id`)).toEqual([
			{ id: 'h1', status: 'youth_education', detail: 'gymnasium' },
			{ id: 'h2', status: 'no_attachment', detail: 'stopped' },
			{ id: 'h3', status: 'work', detail: null }
		]);
		// The deadline that refers to the remade table is still there (no cascade on the drop).
		expect(all(`select id, started_by from kui_deadlines`)).toEqual([{ id: 'd1', started_by: 'h2' }]);
		expect(all(`select youth_id, status from caseload_index order by youth_id`)).toEqual([
			{ youth_id: 'y1', status: 'no_attachment' },
			{ youth_id: 'y2', status: 'work' }
		]);
		// The triggers came back with the table: a new status reaches the list at once.
		after.$client
			.prepare(`insert into youth_status_history (id, youth_id, status, hours_per_week, created_at) values ('h4', 'y1', 'work', 20, ?)`)
			.run(now + 2);
		expect(after.$client.prepare(`select status from caseload_index where youth_id = 'y1'`).pluck().get()).toBe('work');
		// The new checks hold: hours only with work, a programme only with its category.
		expect(() =>
			after.$client
				.prepare(`insert into youth_status_history (id, youth_id, status, programme, created_at) values ('h5', 'y1', 'work', 'fgu', ?)`)
				.run(now + 3)
		).toThrow(/CHECK constraint failed/);
		expect(after.$client.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(after.$client.pragma('foreign_key_check')).toEqual([]);
	});
});

describe('the reference check after migrating', () => {
	it('runs when a migration was applied, and not on a start with nothing to migrate', () => {
		const path = join(mkdtempSync(join(tmpdir(), 'minvej-start-')), 'x.db');
		const all = JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')).entries.length as number;
		const checksWhenOpened = (migrationsFolder: string) => {
			const statements: string[] = [];
			const db = openDatabase(path, { migrationsFolder, onStatement: (sql) => statements.push(sql) });
			expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
			db.$client.close();
			return statements.filter((sql) => /foreign_key_check/i.test(sql)).length;
		};
		expect(checksWhenOpened(migrationsUpTo(all - 1)), 'a new database, migrated').toBe(1);
		expect(checksWhenOpened(MIGRATIONS), 'the newest migration applied').toBe(1);
		expect(checksWhenOpened(MIGRATIONS), 'nothing to migrate').toBe(0);
		expect(checksWhenOpened(MIGRATIONS), 'nothing to migrate, again').toBe(0);
	});
});
