// npm run restore -- <backup file>
// Puts a backup made by `npm run backup` in place of DATABASE_PATH (default ./data/minvej.db).
// Stop the server first. The backup is checked before anything is replaced; the database it
// replaces is kept beside it as <name>.before-restore-<time>.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const target = resolve(process.env.DATABASE_PATH ?? './data/minvej.db');
const backup = process.argv[2] ? resolve(process.argv[2]) : undefined;
if (!backup || !existsSync(backup)) {
	console.error('Usage: npm run restore -- <backup file>   (replaces DATABASE_PATH; stop the server first)');
	process.exit(2);
}

const check = new Database(backup, { readonly: true, fileMustExist: true });
const integrity = check.pragma('integrity_check', { simple: true });
check.close();
if (integrity !== 'ok') {
	console.error(`restore: ${backup} failed its integrity check (${integrity}); nothing was changed`);
	process.exit(1);
}

// Refuse while a Minvej server has the database open (it writes its pid beside the database).
const pidFile = `${target}.pid`;
if (existsSync(pidFile)) {
	const pid = Number(readFileSync(pidFile, 'utf8'));
	let alive = false;
	try {
		process.kill(pid, 0);
		alive = true;
	} catch {
		alive = false; // a server that crashed left its pid file behind
	}
	if (alive) {
		console.error(`restore: a Minvej server (pid ${pid}) is using ${target}. Stop it, then run the restore again.`);
		process.exit(1);
	}
}

const incoming = `${target}.restoring`;
copyFileSync(backup, incoming);
if (existsSync(target)) renameSync(target, `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
renameSync(incoming, target);
console.log(`restore: ${backup} → ${target}`);
