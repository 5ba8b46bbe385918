/**
 * How many SQL statements a request runs (issue 23: "a page knows how many statements it runs").
 * With `COUNT_STATEMENTS=true` the database reports each statement it executes (better-sqlite3's
 * `verbose`), the request that ran it counts it, and the response says the total in its
 * `Server-Timing` header: `db;desc="26 statements"`. Off by default: it costs a call per statement
 * and tells the client something about the server's work.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const requests = new AsyncLocalStorage<{ statements: number }>();

/** Runs `work` as one request whose statements are counted; returns its result and the count. */
export async function countStatementsOf<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
	const counter = { statements: 0 };
	const result = await requests.run(counter, work);
	return { result, statements: counter.statements };
}

/** The database's `verbose` hook: one more statement for the request running now (if any). */
export function noteStatement() {
	const counter = requests.getStore();
	if (counter) counter.statements++;
}
