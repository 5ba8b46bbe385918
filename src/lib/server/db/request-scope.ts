/**
 * One request's scope on the server (hooks.server.ts runs each request in it):
 * - the facts a request asks for many times (the municipality's settings: seven times for /plan;
 *   the actor's relation to a young person: four times) are read once per request
 *   (`oncePerRequest`); any write in the request forgets them all (`forgetAllPerRequest`, called
 *   by the database), so the rest of the same request reads the new value. Nothing is kept
 *   from one request to the next, and outside a request (tests, scripts, the scheduler) every call
 *   reads afresh;
 * - how many SQL statements the request runs (issue 23: "a page knows how many statements it
 *   runs"). With `COUNT_STATEMENTS=true` the database reports each statement it executes
 *   (better-sqlite3's `verbose`) and the response says the total in its `Server-Timing` header:
 *   `db;desc="26 statements"`; `COUNT_STATEMENTS=log` also prints each statement's SQL. Off by
 *   default: it costs a call per statement and tells the client something about the server's work;
 * - the rows a request writes once, when its response is ready (`startBatch`, `addToBatch`,
 *   `takeBatch`): the access log's reads, one transaction per page view (issue 23).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestScope {
	statements: number;
	memo: Map<string, unknown>;
	/** The open batches by name (see `startBatch`); absent until one is started. */
	batches?: Map<string, unknown[]>;
}

const requests = new AsyncLocalStorage<RequestScope>();

/** Runs `work` as one request; returns its result and how many statements it ran. */
export async function runRequest<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
	const scope: RequestScope = { statements: 0, memo: new Map() };
	const result = await requests.run(scope, work);
	return { result, statements: scope.statements };
}

/** `read()` once in this request, its answer reused after; outside a request, read every time. */
export function oncePerRequest<T>(key: string, read: () => T): T {
	const memo = requests.getStore()?.memo;
	if (!memo) return read();
	if (memo.has(key)) return memo.get(key) as T;
	const value = read();
	memo.set(key, value);
	return value;
}

/** After a write: this request reads `key` afresh next time. */
export function forgetPerRequest(key: string) {
	requests.getStore()?.memo.delete(key);
}

/**
 * The database calls this before every statement that may change a fact (db/client.ts
 * `changesFacts`): the rest of the request reads everything afresh. So a consent withdrawn, a guide
 * reassigned or a setting changed in a form action shows in the page rendered after it, without
 * each writer having to know which facts its write touches.
 */
export function forgetAllPerRequest() {
	const memo = requests.getStore()?.memo;
	if (memo?.size) memo.clear();
}

/** The database's `verbose` hook: one more statement for the request running now (if any). */
export function noteStatement(sql?: string) {
	const scope = requests.getStore();
	if (!scope) return;
	scope.statements++;
	// COUNT_STATEMENTS=log: each statement's SQL too, to see which ones a page repeats.
	if (sql !== undefined && process.env.COUNT_STATEMENTS === 'log') console.log(`[sql ${scope.statements}] ${sql.replace(/\s+/g, ' ')}`);
}

/**
 * From now on this request keeps the items `addToBatch(name, …)` is given, until `takeBatch(name)`.
 * Whoever starts a batch must take it (hooks.server.ts does, before the response goes out); a
 * batch nobody started is never kept, so writers outside a request, or in a request without the
 * hook (tests), write at once. Outside a request it does nothing.
 */
export function startBatch(name: string) {
	const scope = requests.getStore();
	if (!scope) return;
	(scope.batches ??= new Map()).set(name, []);
}

/** Keeps `item` in this request's open batch `name`: false when there is none (then write it now). */
export function addToBatch<T>(name: string, item: T): boolean {
	const batch = requests.getStore()?.batches?.get(name);
	if (!batch) return false;
	batch.push(item);
	return true;
}

/**
 * The items kept in batch `name`, which closes it: what is added later in the request (a stream's
 * events after its response has started) is written at once. Empty outside a request.
 */
export function takeBatch<T>(name: string): T[] {
	const batches = requests.getStore()?.batches;
	const batch = batches?.get(name);
	if (!batch) return [];
	batches!.delete(name);
	return batch as T[];
}
