/** Helpers shared by the schema files. */
import { sql } from 'drizzle-orm';
import { integer, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/** `col IN ('a','b')` for a CHECK constraint built from one of the domain lists. */
export function oneOf(column: AnySQLiteColumn, values: readonly string[]) {
	return sql.raw(`"${column.name}" in (${values.map((v) => `'${v}'`).join(', ')})`);
}

export const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.$defaultFn(() => new Date());
