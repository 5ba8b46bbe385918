/**
 * Test support for the server modules (imported by *.test.ts only): a fresh database file in a
 * temporary folder, migrated and (optionally) seeded with the demo municipality.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from './db/client';
import { useDatabase } from './db';
import { seedDemo } from './app';
import { users } from './db/schema';
import type { SessionUser } from './auth';

export const MIGRATIONS = resolve('drizzle');

/** SQL with its white space made one space, to compare statements as written and as migrated. */
export const squash = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/**
 * For the columns kept by triggers (the guides' loads, the unread counts): the newest migration that
 * mentions `column`, squashed, and how many triggers named `prefix…` the database has.
 */
export function migratedTriggers(database: Db, column: string, prefix: string): { migration: string; triggers: number } {
	const file = readdirSync(MIGRATIONS)
		.filter((f) => f.endsWith('.sql') && readFileSync(`${MIGRATIONS}/${f}`, 'utf8').includes(column))
		.sort()
		.at(-1)!;
	const triggers = database.$client
		.prepare('select count(*) from sqlite_master where type = ? and name like ?')
		.pluck()
		.get('trigger', `${prefix}%`) as number;
	return { migration: squash(readFileSync(`${MIGRATIONS}/${file}`, 'utf8')), triggers };
}

export function freshDatabase(): Db {
	const dir = mkdtempSync(join(tmpdir(), 'minvej-test-'));
	const database = openDatabase(join(dir, 'test.db'), {
		migrationsFolder: MIGRATIONS
	});
	useDatabase(database);
	return database;
}

export async function freshDemoDatabase(now = new Date()): Promise<Db> {
	const database = freshDatabase();
	await seedDemo(database, now);
	return database;
}

/** The demo user with this username, as the session would carry them. */
export function demoUser(database: Db, username: string): SessionUser {
	const u = database.select().from(users).where(eq(users.username, username)).get();
	if (!u) throw new Error(`no demo user ${username}`);
	return {
		id: u.id,
		username: u.username,
		displayName: u.displayName,
		role: u.role,
		department: u.department,
		birthDate: u.birthDate
	};
}
