import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * SQLite takes at most 32,766 parameters in one statement, and a staff list can name more young
 * people than that (the coordinator sees all of them): ask for long id lists in slices.
 */
export const SLICE = 5000;

/** Runs the query for each slice of the ids and joins the rows. */
export function inSlices<T>(ids: readonly string[], query: (slice: string[]) => T[]): T[] {
	const out: T[] = [];
	for (let i = 0; i < ids.length; i += SLICE) out.push(...query(ids.slice(i, i + SLICE)));
	return out;
}

/**
 * `column IN (the ids)`, with the ids sent as one JSON array parameter (`json_each`): a query
 * prepared once answers for any number of ids (one young person's page or a coordinator's 100,000),
 * with no limit on parameters and no SQL built per request. Pass `JSON.stringify(ids)` as `name`.
 */
export function inJsonIds(column: SQLiteColumn, name = 'ids'): SQL {
	return sql`${column} in (select value from json_each(${sql.placeholder(name)}))`;
}
