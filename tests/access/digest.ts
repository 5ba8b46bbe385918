/**
 * What the database holds, read from the test process (a read-only connection beside the running
 * server; WAL lets it read while the server writes): every table's rows, so that two snapshots
 * can be compared and a difference named down to the table and row.
 */
import Database from 'better-sqlite3';

/**
 * Tables whose rows legitimately change when someone only reads:
 * - access_log: every read of a young person's data by someone else is logged (docs/product.md rule 6,
 *   "every such read is logged"): reading appends rows by design.
 * - sessions: logging in adds a row, every request slides the session's expiry (last_used_at,
 *   touched at most hourly), logging out deletes it.
 * - known_devices: a login remembers the device it came from (adds a row, or moves last_used_at).
 */
export const IGNORED_TABLES = ['access_log', 'sessions', 'known_devices'];

/**
 * Columns that reads legitimately touch, like a "last seen" mark:
 * - guide_requests.seen_by_youth_at: opening /guide marks the young person's guide-request news
 *   as seen (it clears the badge on the Guide tab), as reading a letter marks it read; so does
 *   guide_assignments.seen_by_youth_at for the news of a hand-over.
 */
export const IGNORED_COLUMNS: Record<string, string[]> = {
	guide_requests: ['seen_by_youth_at'],
	// The same mark for a hand-over's news (a guide who left).
	guide_assignments: ['seen_by_youth_at']
};

export type Snapshot = Map<string, string[]>;

export class DatabaseWatch {
	private db: Database.Database;
	private tables: string[];
	private statements = new Map<string, Database.Statement>();

	constructor(path: string) {
		this.db = new Database(path, { readonly: true, fileMustExist: true });
		this.tables = this.db
			.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
			.pluck()
			.all() as string[];
	}

	/** Every table's rows (as JSON, sorted), without the ignored tables and columns. */
	snapshot(): Snapshot {
		const result: Snapshot = new Map();
		for (const table of this.tables) {
			if (IGNORED_TABLES.includes(table)) continue;
			const ignored = IGNORED_COLUMNS[table] ?? [];
			let statement = this.statements.get(table);
			if (!statement) this.statements.set(table, (statement = this.db.prepare(`select * from "${table}"`)));
			const rows = statement.all() as Record<string, unknown>[];
			result.set(
				table,
				rows
					.map((row) => {
						for (const column of ignored) delete row[column];
						return JSON.stringify(row);
					})
					.sort()
			);
		}
		return result;
	}

	/**
	 * SQLite's change counter: it moves whenever another connection (the server) commits, so an
	 * unchanged value proves nothing was written and spares reading every table again.
	 */
	dataVersion(): number {
		return this.db.pragma('data_version', { simple: true }) as number;
	}

	/** How `after` differs from `before`, one line per table with added and removed rows. */
	static differences(before: Snapshot, after: Snapshot): string[] {
		const lines: string[] = [];
		for (const [table, rows] of after) {
			const old = before.get(table) ?? [];
			const added = rows.filter((r) => !old.includes(r));
			const removed = old.filter((r) => !rows.includes(r));
			if (added.length || removed.length) {
				lines.push(
					`${table}: +${added.length} -${removed.length} ${[...added.map((r) => `+${r}`), ...removed.map((r) => `-${r}`)].join(' ').slice(0, 600)}`
				);
			}
		}
		return lines;
	}

	close() {
		this.db.close();
	}
}
