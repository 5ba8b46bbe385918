// npm run backup -- <file>
// A consistent copy of the live database, taken with SQLite's online backup API while the server
// keeps writing (pages changed during the copy are copied again). The copy is checked with
// PRAGMA integrity_check before the command reports success.
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const source = resolve(process.env.DATABASE_PATH ?? './data/minvej.db');
const target = process.argv[2] ? resolve(process.argv[2]) : undefined;
if (!target) {
	console.error('Usage: npm run backup -- <file>   (copies DATABASE_PATH, default ./data/minvej.db)');
	process.exit(2);
}
if (!existsSync(source)) {
	console.error(`backup: no database at ${source}`);
	process.exit(1);
}
if (existsSync(target)) {
	console.error(`backup: ${target} exists already; choose a new file name`);
	process.exit(1);
}

const partial = `${target}.partial`;
rmSync(partial, { force: true });
const db = new Database(source, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
try {
	await db.backup(partial);
} finally {
	db.close();
}
const copy = new Database(partial);
const integrity = copy.pragma('integrity_check', { simple: true });
const foreignKeys = copy.pragma('foreign_key_check');
copy.close();
if (integrity !== 'ok' || foreignKeys.length > 0) {
	rmSync(partial, { force: true });
	console.error(`backup: the copy failed its checks (${integrity}, ${foreignKeys.length} foreign-key problems)`);
	process.exit(1);
}
renameSync(partial, target);
console.log(`backup: ${source} → ${target} (integrity ok)`);
