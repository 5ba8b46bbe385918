/**
 * One backup: a consistent copy of the live database, made while the server keeps writing, checked
 * before it counts. Used by `npm run backup` and by the server's own schedule (schedule.ts).
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkDatabaseFile, vacuumInto } from './sqlite-worker';

export interface BackupReport {
	source: string;
	/** The finished, checked copy. */
	path: string;
	/** Size of the copy in bytes. */
	bytes: number;
	/** When the copy began (the copy is the database as it was then). */
	startedAt: Date;
	/** Milliseconds for the whole backup, and for its two parts. */
	durationMs: number;
	copyMs: number;
	checkMs: number;
}

export class BackupError extends Error {
	override name = 'BackupError';
}

/** Forces a file (or a folder's entry list) to disk. */
function syncToDisk(path: string, flags: 'r' | 'r+') {
	const fd = openSync(path, flags);
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

/**
 * Copies the database at `source` to the new file `target` (never overwriting one): `VACUUM INTO`
 * a `<target>.partial` in one read transaction, forced to disk, checked with `integrity_check`
 * and `foreign_key_check`, and only then renamed to `target`. A copy that fails its checks is
 * removed, and the error says why.
 */
export async function takeBackup(source: string, target: string): Promise<BackupReport> {
	source = resolve(source);
	target = resolve(target);
	if (!existsSync(source)) throw new BackupError(`no database at ${source}`);
	if (existsSync(target)) throw new BackupError(`${target} exists already; choose a new file name`);
	if (!existsSync(dirname(target))) throw new BackupError(`the folder ${dirname(target)} does not exist`);

	const partial = `${target}.partial`;
	rmSync(partial, { force: true });
	const startedAt = new Date();
	const start = performance.now();
	try {
		await vacuumInto(source, partial);
		// VACUUM INTO does not fsync what it wrote.
		syncToDisk(partial, 'r+');
		const copied = performance.now();
		const { integrity, foreignKeys } = await checkDatabaseFile(partial);
		if (integrity.join() !== 'ok' || foreignKeys > 0) {
			throw new BackupError(
				`the copy failed its checks (integrity: ${integrity.slice(0, 5).join('; ')}; ${foreignKeys} foreign-key problems)`
			);
		}
		const checked = performance.now();
		renameSync(partial, target);
		syncToDisk(dirname(target), 'r');
		return {
			source,
			path: target,
			bytes: statSync(target).size,
			startedAt,
			durationMs: Math.round(performance.now() - start),
			copyMs: Math.round(copied - start),
			checkMs: Math.round(checked - copied)
		};
	} catch (error) {
		rmSync(partial, { force: true });
		if (error instanceof BackupError) throw error;
		throw new BackupError(error instanceof Error ? error.message : String(error));
	}
}

/** "12.3 MB" */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
	return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** One line for a person: where, how big, how long. */
export function describeBackup(report: BackupReport): string {
	const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
	return (
		`${report.source} → ${report.path}: ${formatBytes(report.bytes)} in ${seconds(report.durationMs)} ` +
		`(copy ${seconds(report.copyMs)}, checks ${seconds(report.checkMs)}; integrity ok, foreign keys ok)`
	);
}
