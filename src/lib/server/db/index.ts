import { config } from '../config';
import { openDatabase, type Db } from './client';
import { noteStatement } from './request-scope';

let instance: Db | undefined;

/**
 * The application's database, opened on first use (never at import: SvelteKit imports server
 * modules while building, and that must not create or migrate a database).
 */
export function db(): Db {
	instance ??= openDatabase(config.databasePath, {
		migrationsFolder: config.migrationsFolder,
		onStatement: config.countStatements ? noteStatement : undefined
	});
	return instance;
}

/**
 * A query built once per database and reused (Drizzle's `.prepare()` with `sql.placeholder`):
 * hot paths (what every page's layout asks, the session, the access log) call `query().get(…)`
 * instead of building the SQL anew on every call, which was the largest part of a page's server
 * time (issue 23's profile). Kept per database, as tests switch databases (`useDatabase`).
 * Build only queries with explicit fields (`select({…})`): those ask for raw rows every time, so
 * a statement shared through the cache by its SQL text never answers in the wrong mode.
 */
export function prepareOnce<T>(build: (database: Db) => T): () => T {
	const built = new WeakMap<Db, T>();
	return () => {
		const database = db();
		let query = built.get(database);
		if (query === undefined) {
			query = build(database);
			built.set(database, query);
		}
		return query;
	};
}

/** For tests: use this database instead of the configured one. */
export function useDatabase(database: Db) {
	instance = database;
}

export function closeDatabase() {
	instance?.$client.close();
	instance = undefined;
}

export type { Db } from './client';
export { addToBatch, forgetPerRequest, oncePerRequest, runRequest, startBatch, takeBatch } from './request-scope';

/** The handle inside `db().transaction((tx) => …)`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export * as schema from './schema';
