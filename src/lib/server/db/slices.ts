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
