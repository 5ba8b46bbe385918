/**
 * One backup: a consistent copy of the live database, made while the server keeps writing, checked
 * before it counts, with the attachment files the copy refers to beside it in `<backup>.files/`.
 * Used by `npm run backup` and by the server's own schedule (schedule.ts).
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { config } from '../config';
import { copyFiles, fileNamesOf, filesFolderOf, syncToDisk } from './attachment-files';
import { attachmentFilesOf, checkDatabaseFile, vacuumInto } from './sqlite-worker';

export interface BackupReport {
	source: string;
	/** The finished, checked copy. */
	path: string;
	/** Size of the copy in bytes. */
	bytes: number;
	/** When the copy began (the copy is the database as it was then). */
	startedAt: Date;
	/** The folder beside the copy with the attachment files it refers to: `<path>.files`. */
	filesPath: string;
	/** How many attachment files were copied, and their bytes. */
	files: number;
	filesBytes: number;
	/**
	 * Files the copy refers to that were not in the files folder (`<id>` or `<id>.preview`): their
	 * attachments will not open after a restore. Empty when all is well; the backup is kept
	 * either way (see takeBackup).
	 */
	missingFiles: string[];
	/** Milliseconds for the whole backup, and for its three parts. */
	durationMs: number;
	copyMs: number;
	checkMs: number;
	filesMs: number;
}

export class BackupError extends Error {
	override name = 'BackupError';
}

/**
 * Copies the database at `source` to the new file `target` (never overwriting one): `VACUUM INTO`
 * a `<target>.partial` in one read transaction, forced to disk, checked with `integrity_check`
 * and `foreign_key_check`. Then the attachment files that this copy refers to (its
 * `message_attachments` rows; not whatever else lies in `filesDir`) are copied from `filesDir`
 * into `<target>.files.partial/`, each forced to disk. Only then are both renamed into place, the
 * folder first: the backup counts once `target` exists. A copy that fails its checks is removed,
 * and the error says why.
 *
 * A file the copy refers to but `filesDir` lacks does not fail the backup: the database and the
 * other files are still worth keeping (a schedule that failed on one lost file would leave every
 * conversation without a backup), and a young person deleted while the files are copied can have
 * their files swept in between. It is named in `missingFiles`, which `describeBackup` says, the
 * command turns into a non-zero exit and the schedule logs as an error.
 */
export async function takeBackup(
	source: string,
	target: string,
	{ filesDir = config.filesDir }: { filesDir?: string } = {}
): Promise<BackupReport> {
	source = resolve(source);
	target = resolve(target);
	filesDir = resolve(filesDir);
	const filesPath = filesFolderOf(target);
	if (!existsSync(source)) throw new BackupError(`no database at ${source}`);
	if (existsSync(target)) throw new BackupError(`${target} exists already; choose a new file name`);
	if (existsSync(filesPath)) throw new BackupError(`${filesPath} exists already; choose a new file name`);
	if (!existsSync(dirname(target))) throw new BackupError(`the folder ${dirname(target)} does not exist`);

	const partial = `${target}.partial`;
	const filesPartial = `${filesPath}.partial`;
	rmSync(partial, { force: true });
	rmSync(filesPartial, { recursive: true, force: true });
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
		const names = fileNamesOf(await attachmentFilesOf(partial));
		const files = copyFiles(names, filesDir, filesPartial);
		const filesCopied = performance.now();
		renameSync(filesPartial, filesPath);
		renameSync(partial, target);
		syncToDisk(dirname(target));
		return {
			source,
			path: target,
			bytes: statSync(target).size,
			filesPath,
			files: files.files,
			filesBytes: files.bytes,
			missingFiles: files.missing,
			startedAt,
			durationMs: Math.round(performance.now() - start),
			copyMs: Math.round(copied - start),
			checkMs: Math.round(checked - copied),
			filesMs: Math.round(filesCopied - checked)
		};
	} catch (error) {
		rmSync(partial, { force: true });
		rmSync(filesPartial, { recursive: true, force: true });
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

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One line for a person: where, how big, how long; which attachment files, and any missing. */
export function describeBackup(report: BackupReport): string {
	const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
	const missing = report.missingFiles.length
		? `; ${count(report.missingFiles.length, 'attachment file', 'attachment files')} MISSING from the files folder, ` +
			`their attachments will not open after a restore: ${report.missingFiles.slice(0, 10).join(', ')}` +
			(report.missingFiles.length > 10 ? ' …' : '')
		: '';
	return (
		`${report.source} → ${report.path}: ${formatBytes(report.bytes)} in ${seconds(report.durationMs)} ` +
		`(copy ${seconds(report.copyMs)}, checks ${seconds(report.checkMs)}, files ${seconds(report.filesMs)}; integrity ok, foreign keys ok), ` +
		`${count(report.files, 'attachment file', 'attachment files')} (${formatBytes(report.filesBytes)}) in ${report.filesPath}${missing}`
	);
}
