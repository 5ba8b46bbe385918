import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { forgetAllPerRequest } from './request-scope';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & {
	$client: Database.Database;
};

/** The pragmas Minvej needs; the server refuses to start without every one of them in force. */
export const REQUIRED_PRAGMAS = {
	journal_mode: 'wal',
	foreign_keys: 1,
	// 2 = FULL: an acknowledged message or consent survives a power cut.
	synchronous: 2,
	busy_timeout: 5000
} as const;

export class DatabasePragmaError extends Error {
	override name = 'DatabasePragmaError';
}

function applyPragmas(sqlite: Database.Database) {
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma(`busy_timeout = ${REQUIRED_PRAGMAS.busy_timeout}`);
	// Set after WAL: better-sqlite3 lowers synchronous to NORMAL when WAL is switched on.
	sqlite.pragma('synchronous = FULL');
}

/** Reads the pragmas back and throws unless every required one is in force. */
export function verifyPragmas(sqlite: Database.Database) {
	const problems: string[] = [];
	for (const [name, expected] of Object.entries(REQUIRED_PRAGMAS)) {
		const actual = sqlite.pragma(name, { simple: true });
		const ok = typeof expected === 'string' ? String(actual).toLowerCase() === expected : actual === expected;
		if (!ok) problems.push(`${name} is ${String(actual)}, needs ${String(expected)}`);
	}
	if (problems.length) throw new DatabasePragmaError(`Database pragmas not in force: ${problems.join('; ')}`);
}

/**
 * Keeps compiled statements for reuse. better-sqlite3 compiles the SQL on every `prepare`, and
 * Drizzle prepares every query it runs, so a page that asks fifty small questions compiled fifty
 * statements each time. The app asks a few hundred distinct queries (Drizzle writes the same SQL
 * with `?` parameters for the same query), so a bounded cache by SQL text keeps them all.
 * A statement handed out again is put back in its default modes (Drizzle switches to raw rows
 * itself when it wants them).
 */
export function cacheStatements(sqlite: Database.Database, size = 1000, onWrite?: (sql: string) => void) {
	const prepare = sqlite.prepare.bind(sqlite);
	const cache = new Map<string, Database.Statement>();
	sqlite.prepare = ((source: string) => {
		const cached = cache.get(source);
		if (cached) {
			// Most recently used last, so the oldest is the first to go.
			cache.delete(source);
			cache.set(source, cached);
			if (cached.reader) cached.raw(false).pluck(false).expand(false);
			return cached;
		}
		const statement = prepare(source);
		if (onWrite && changesFacts(statement, source)) tellWrites(statement, source, onWrite);
		cache.set(source, statement);
		if (cache.size > size) cache.delete(cache.keys().next().value!);
		return statement;
	}) as Database.Database['prepare'];
}

/**
 * Whether running this statement can change a fact a request may have read once (request-scope.ts):
 * every INSERT, UPDATE, DELETE and REPLACE except the access log's INSERT, which no fact is read
 * from (it is written on most page views, and would otherwise forget the facts mid-page).
 */
function changesFacts(statement: Database.Statement, source: string) {
	return !statement.reader && /^\s*(insert|update|delete|replace)\b/i.test(source) && !/^\s*insert\s+into\s+"access_log"/i.test(source);
}

/** Calls `onWrite` each time the statement runs (before it runs: a failed write forgets too, harmlessly). */
function tellWrites(statement: Database.Statement, source: string, onWrite: (sql: string) => void) {
	const run = statement.run;
	statement.run = function (this: Database.Statement, ...params: unknown[]) {
		onWrite(source);
		return run.apply(this, params);
	} as Database.Statement['run'];
}

export interface OpenOptions {
	/** Folder with drizzle-kit's generated migrations; omitted: no migrations are applied. */
	migrationsFolder?: string;
	/** Called with each statement's SQL as it runs (better-sqlite3's `verbose`), e.g. to count them. */
	onStatement?: (sql: string) => void;
	/**
	 * Called before each statement that may change a fact (see `changesFacts`) runs. By default the
	 * request running it forgets what it read once (request-scope.ts).
	 */
	onWrite?: (sql: string) => void;
}

/** Opens (creating if needed) the SQLite file, enforces the pragmas and applies migrations. */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new Database(path, options.onStatement ? { verbose: (sql) => options.onStatement!(String(sql)) } : {});
	applyPragmas(sqlite);
	cacheStatements(sqlite, 1000, options.onWrite ?? forgetAllPerRequest);
	const db = drizzle(sqlite, { schema }) as Db;
	if (options.migrationsFolder) migrateSafely(db, options.migrationsFolder);
	if (path !== ':memory:') verifyPragmas(sqlite);
	return db;
}

/**
 * Applies the migrations with foreign keys off, as SQLite's procedure for changing a table asks
 * (https://www.sqlite.org/lang_altertable.html#otheralter): drizzle-kit makes a changed table anew
 * and drops the old one, and with foreign keys on, that drop would delete the rows that refer to
 * it (`ON DELETE CASCADE`). The `PRAGMA foreign_keys=OFF` drizzle-kit writes into the SQL has no
 * effect inside the migrator's transaction, so it is done here, around it. Afterwards every
 * reference is checked and foreign keys are switched on again before anything else runs. A migration
 * that makes a table anew writes its CHECKs without the table's temporary name, and makes the
 * table's triggers again.
 *
 * The check reads every row of every table with a reference (54 s of a 60 s start on the
 * 100,000-young-people bench database), so it runs only when a migration was applied: a start
 * with nothing to migrate has changed nothing to check.
 */
function migrateSafely(db: Db, migrationsFolder: string) {
	const sqlite = db.$client;
	sqlite.pragma('foreign_keys = OFF');
	// Renaming the new table to the old name must not look into the triggers of other tables, which
	// name the old table and find it missing for that moment (the same procedure, "legacy" renaming).
	sqlite.pragma('legacy_alter_table = ON');
	try {
		const before = appliedMigrations(sqlite);
		migrate(db, { migrationsFolder });
		if (appliedMigrations(sqlite) === before) return;
		const broken = sqlite.pragma('foreign_key_check') as unknown[];
		if (broken.length) throw new Error(`Migrations left ${broken.length} broken references: ${JSON.stringify(broken.slice(0, 5))}`);
	} finally {
		sqlite.pragma('legacy_alter_table = OFF');
		sqlite.pragma('foreign_keys = ON');
	}
}

/** How many migrations the database has had applied (Drizzle's own table; none before the first). */
function appliedMigrations(sqlite: Database.Database): number {
	const known = sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'`).get();
	return known ? (sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get() as number) : 0;
}
