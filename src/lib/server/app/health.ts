import { sql } from 'drizzle-orm';
import { db } from '../db';

/** True when the database answers a query. */
export function isHealthy(): boolean {
	try {
		return db().get<{ ok: number }>(sql`select 1 as ok`)?.ok === 1;
	} catch {
		return false;
	}
}
