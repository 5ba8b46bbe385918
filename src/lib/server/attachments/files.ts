/**
 * The attachment files under DATA_DIR (default ./data/files), named by the attachment's random
 * id: `<id>` and, for images, `<id>.preview`. A file is written to a temporary name, forced to
 * disk and renamed, and the folder forced too, before the message that refers to it is
 * acknowledged: an acknowledged attachment survives a power cut like its message.
 */
import {
	closeSync,
	existsSync,
	fsyncSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeSync
} from 'node:fs';
import { join } from 'node:path';
import { config } from '../config';

export type Variant = 'file' | 'preview';

const ID_PATTERN = /^[a-z2-7]{8,64}$/;

/** The path of an attachment's file (ids are checked: never a path outside the folder). */
export function filePath(id: string, variant: Variant = 'file', dir = config.filesDir): string {
	if (!ID_PATTERN.test(id)) throw new Error(`not an attachment id: ${id}`);
	return join(dir, variant === 'preview' ? `${id}.preview` : id);
}

function syncPath(path: string) {
	const fd = openSync(path, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

function writeDurably(path: string, bytes: Uint8Array) {
	const partial = `${path}.partial`;
	const fd = openSync(partial, 'w', 0o600);
	try {
		let at = 0;
		while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	renameSync(partial, path);
}

/** Writes an attachment's file (and preview) durably. */
export function writeFiles(id: string, file: Uint8Array, preview?: Uint8Array, dir = config.filesDir) {
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	writeDurably(filePath(id, 'file', dir), file);
	if (preview) writeDurably(filePath(id, 'preview', dir), preview);
	syncPath(dir);
}

export function readStoredFile(id: string, variant: Variant, dir = config.filesDir): Buffer | null {
	const path = filePath(id, variant, dir);
	return existsSync(path) ? readFileSync(path) : null;
}

export function removeFiles(id: string, dir = config.filesDir) {
	rmSync(filePath(id, 'file', dir), { force: true });
	rmSync(filePath(id, 'preview', dir), { force: true });
}

/** The attachment ids that have a file in the folder. */
export function storedIds(dir = config.filesDir): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir).filter((name) => ID_PATTERN.test(name));
}

/**
 * Removes files no attachment row refers to (their message was deleted with its young person,
 * or a send failed after writing), and half-written ones, when older than `minAgeMs`: a send
 * under way has written its file before its row.
 */
export function sweepFiles(isKnown: (id: string) => boolean, now = Date.now(), minAgeMs = 60 * 60_000, dir = config.filesDir): number {
	if (!existsSync(dir)) return 0;
	let removed = 0;
	for (const name of readdirSync(dir)) {
		const id = name.replace(/\.(preview|partial|preview\.partial)$/, '').replace(/\.partial$/, '');
		if (!ID_PATTERN.test(id)) continue;
		if (!name.endsWith('.partial') && isKnown(id)) continue;
		const path = join(dir, name);
		if (now - statSync(path).mtimeMs < minAgeMs) continue;
		rmSync(path, { force: true });
		removed++;
	}
	return removed;
}
