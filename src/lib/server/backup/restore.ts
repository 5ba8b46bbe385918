/**
 * Puts a backup in place of the database (`npm run restore`), with the server stopped, and its
 * attachment files (`<backup>.files/`) in place of the files folder (DATA_DIR). The backup is
 * checked before anything is replaced; the database and the files folder it replaces are kept
 * beside them.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { config } from '../config';
import { copyFiles, fileNamesOf, filesFolderOf, syncToDisk } from './attachment-files';
import { attachmentFilesOf, checkDatabaseFile, type AttachmentFileRef } from './sqlite-worker';

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
	/** The files folder now holding the backup's attachment files, how many and their bytes. */
	filesDir: string;
	files: number;
	filesBytes: number;
	/** Where the replaced files folder was kept, if there was one. */
	filesKeptAs: string | null;
	/** Files the restored database refers to that the backup's folder lacked (its report said so). */
	missingFiles: string[];
}

/**
 * Restores `backup` in place of the database `target` and its `<backup>.files/` in place of
 * `filesDir`. The files folder is replaced, not merged: afterwards it holds exactly the files the
 * restored database refers to, as the database holds exactly the backup's rows. Files sent after
 * the backup belong to the replaced database; merged in, they would be orphans that the
 * attachment sweep removes within hours, and the kept database could no longer open them. Kept
 * as `<filesDir>.before-restore-<time>` beside the kept database, the pair can still be put back.
 */
export async function restoreBackup(
	backup: string,
	target: string,
	{ now = new Date(), filesDir = config.filesDir }: { now?: Date; filesDir?: string } = {}
): Promise<RestoreReport> {
	backup = resolve(backup);
	target = resolve(target);
	filesDir = resolve(filesDir);
	if (!existsSync(backup)) throw new RestoreError(`no backup at ${backup}`);
	let check;
	let refs: AttachmentFileRef[];
	try {
		check = await checkDatabaseFile(backup);
		refs = await attachmentFilesOf(backup);
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
	let names: string[];
	try {
		names = fileNamesOf(refs);
	} catch (error) {
		throw new RestoreError(`${backup}: ${error instanceof Error ? error.message : error}; nothing was changed`);
	}
	const backupFiles = filesFolderOf(backup);
	if (names.length && !existsSync(backupFiles)) {
		throw new RestoreError(
			`${backup} refers to ${names.length} attachment files, but ${backupFiles} is not beside it: ` +
				`copy that folder with the backup, then run the restore again; nothing was changed`
		);
	}
	const pid = serverUsing(target);
	if (pid !== null) throw new RestoreError(`a Minvej server (pid ${pid}) is using ${target}. Stop it, then run the restore again.`);

	// Both are made ready before anything is replaced: a full disk changes nothing.
	const incoming = `${target}.restoring`;
	const incomingFiles = `${filesDir}.restoring`;
	let copied;
	try {
		copyFileSync(backup, incoming);
		syncToDisk(incoming, 'r+');
		rmSync(incomingFiles, { recursive: true, force: true });
		mkdirSync(dirname(filesDir), { recursive: true });
		copied = copyFiles(names, backupFiles, incomingFiles);
	} catch (error) {
		rmSync(incoming, { force: true });
		rmSync(incomingFiles, { recursive: true, force: true });
		throw new RestoreError(
			`the backup could not be copied into place (${error instanceof Error ? error.message : error}); nothing was changed`
		);
	}

	const stamp = now.toISOString().replace(/[:.]/g, '-');
	let keptAs: string | null = null;
	if (existsSync(target)) {
		keptAs = `${target}.before-restore-${stamp}`;
		renameSync(target, keptAs);
		// A server that crashed may have left committed writes in the WAL: they stay with the kept copy.
		if (existsSync(`${target}-wal`)) renameSync(`${target}-wal`, `${keptAs}-wal`);
	}
	rmSync(`${target}-wal`, { force: true });
	rmSync(`${target}-shm`, { force: true });
	renameSync(incoming, target);
	syncToDisk(dirname(target));

	let filesKeptAs: string | null = null;
	if (existsSync(filesDir)) {
		filesKeptAs = `${filesDir}.before-restore-${stamp}`;
		renameSync(filesDir, filesKeptAs);
	}
	renameSync(incomingFiles, filesDir);
	syncToDisk(dirname(filesDir));
	return {
		backup,
		target,
		keptAs,
		filesDir,
		files: copied.files,
		filesBytes: copied.bytes,
		filesKeptAs,
		missingFiles: copied.missing
	};
}
