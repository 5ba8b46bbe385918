/**
 * The attachment files that go with a database copy (issue 17): the files lie outside the database
 * under DATA_DIR (attachments/files.ts), `<id>` and, for an image, `<id>.preview`. A backup
 * copies the ones its copy of the database refers to into `<backup>.files/`; a restore puts that
 * folder in place of DATA_DIR.
 *
 * The files are copied, not hard-linked: a backup must outlive the disk and the files it was taken
 * from, and a hard link is the same bytes on the same disk (and impossible when BACKUP_DIR is on
 * another one). `COPYFILE_FICLONE` makes the copy a reflink where the filesystem has them (btrfs,
 * XFS): as cheap as a link, and still independent of the original.
 */
import { closeSync, constants, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AttachmentFileRef } from './sqlite-worker';

/** As attachments/files.ts: an id is never a path, whatever a backup's rows hold. */
const ID_PATTERN = /^[a-z2-7]{8,64}$/;
const FILE_NAME = /^[a-z2-7]{8,64}(\.preview)?$/;

/** The folder of attachment files that belongs to the backup at `path`. */
export function filesFolderOf(path: string): string {
	return `${path}.files`;
}

/** Forces a file (or, opened 'r', a folder's entry list) to disk. */
export function syncToDisk(path: string, flags: 'r' | 'r+' = 'r') {
	const fd = openSync(path, flags);
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

/** The file names the rows refer to: `<id>`, and `<id>.preview` for an image. */
export function fileNamesOf(refs: AttachmentFileRef[]): string[] {
	return refs.flatMap((ref) => {
		if (!ID_PATTERN.test(ref.id)) throw new Error(`the database holds an attachment id that is not one: ${JSON.stringify(ref.id)}`);
		return ref.preview ? [ref.id, `${ref.id}.preview`] : [ref.id];
	});
}

export interface CopiedFiles {
	/** How many files were copied, and their bytes. */
	files: number;
	bytes: number;
	/** Files the rows refer to that were not in `from`. */
	missing: string[];
}

/**
 * Copies the named files from the folder `from` into the new folder `into` (created here, 0700
 * like DATA_DIR), each forced to disk, and the folder's entries too. A name not in `from` is
 * reported as missing, not copied.
 */
export function copyFiles(names: string[], from: string, into: string): CopiedFiles {
	mkdirSync(into, { mode: 0o700 });
	let files = 0;
	let bytes = 0;
	const missing: string[] = [];
	for (const name of names) {
		const source = join(from, name);
		if (!existsSync(source)) {
			missing.push(name);
			continue;
		}
		const copy = join(into, name);
		copyFileSync(source, copy, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
		syncToDisk(copy);
		files++;
		bytes += statSync(copy).size;
	}
	syncToDisk(into);
	return { files, bytes, missing };
}

/** The attachment files in a folder (a backup's `.files/`), by name; nothing else in it counts. */
export function attachmentFilesIn(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir).filter((name) => FILE_NAME.test(name));
}
