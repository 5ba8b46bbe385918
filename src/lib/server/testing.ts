/**
 * Test support for the server modules (imported by *.test.ts only): a fresh database file in a
 * temporary folder, migrated and (optionally) seeded with the demo municipality.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from './db/client';
import { useDatabase } from './db';
import { seedDemo } from './app';
import { users } from './db/schema';
import type { SessionUser } from './auth';

export const MIGRATIONS = resolve('drizzle');

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
