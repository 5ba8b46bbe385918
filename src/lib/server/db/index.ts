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

/** For tests: use this database instead of the configured one. */
export function useDatabase(database: Db) {
	instance = database;
}

export function closeDatabase() {
	instance?.$client.close();
	instance = undefined;
}

export type { Db } from './client';
export { forgetPerRequest, oncePerRequest, runRequest } from './request-scope';

/** The handle inside `db().transaction((tx) => …)`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export * as schema from './schema';
