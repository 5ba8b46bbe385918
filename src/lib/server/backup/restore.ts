/**
 * Puts a backup in place of the database (`npm run restore`), with the server stopped. The backup
 * is checked before anything is replaced; the database it replaces is kept beside it.
 */
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkDatabaseFile } from './sqlite-worker';

export class RestoreError extends Error {
	override name = 'RestoreError';
}

/** The pid of a live Minvej server using the database (it writes `<database>.pid`), if any. */
export function serverUsing(databasePath: string): number | null {
	const pidFile = `${resolve(databasePath)}.pid`;
	if (!existsSync(pidFile)) return null;
	const pid = Number(readFileSync(pidFile, 'utf8'));
	if (!Number.isInteger(pid) || pid <= 0) return null;
	try {
		process.kill(pid, 0);
		return pid;
	} catch {
		return null; // a server that crashed left its pid file behind
	}
}

export interface RestoreReport {
	backup: string;
	target: string;
	/** Where the replaced database was kept, if there was one. */
	keptAs: string | null;
}

export async function restoreBackup(backup: string, target: string, now = new Date()): Promise<RestoreReport> {
	backup = resolve(backup);
	target = resolve(target);
	if (!existsSync(backup)) throw new RestoreError(`no backup at ${backup}`);
	let check;
	try {
		check = await checkDatabaseFile(backup);
	} catch (error) {
		throw new RestoreError(
			`${backup} cannot be read as a database (${error instanceof Error ? error.message : error}); nothing was changed`
		);
	}
	if (check.integrity.join() !== 'ok' || check.foreignKeys > 0) {
		throw new RestoreError(
			`${backup} failed its checks (integrity: ${check.integrity.slice(0, 5).join('; ')}; ${check.foreignKeys} foreign-key problems); nothing was changed`
		);
	}
	const pid = serverUsing(target);
	if (pid !== null) throw new RestoreError(`a Minvej server (pid ${pid}) is using ${target}. Stop it, then run the restore again.`);

	const incoming = `${target}.restoring`;
	copyFileSync(backup, incoming);
	let keptAs: string | null = null;
	if (existsSync(target)) {
		keptAs = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
		renameSync(target, keptAs);
		// A server that crashed may have left committed writes in the WAL: they stay with the kept copy.
		if (existsSync(`${target}-wal`)) renameSync(`${target}-wal`, `${keptAs}-wal`);
	}
	rmSync(`${target}-wal`, { force: true });
	rmSync(`${target}-shm`, { force: true });
	renameSync(incoming, target);
	return { backup, target, keptAs };
}
