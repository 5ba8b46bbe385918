/**
 * Attachments for the backup tests: two rows in a database (a photo with its preview, a PDF), their
 * files in a files folder, and an orphan file no row refers to (as the sweep would remove later).
 */
import type Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdf, png } from '../attachment-files.testing';

export const PHOTO = 'photoaaaaaaaaaaaaaaa';
export const PDF = 'pdfaaaaaaaaaaaaaaaaa';
export const ORPHAN = 'orphanaaaaaaaaaaaaaa';

/** Adds the two attachments to the first two messages of `sqlite` and writes their files (and the orphan) into `filesDir`. */
export async function addAttachments(sqlite: Database.Database, filesDir: string) {
	const [first, second] = sqlite.prepare('select id from messages order by created_at, id limit 2').all() as Array<{ id: string }>;
	if (!first || !second) throw new Error('the database needs two messages');
	const photo = await png(640, 480);
	const preview = await png(320, 240);
	const document = pdf('Mødeplan');
	const insert = sqlite.prepare(
		`insert into message_attachments (id, message_id, kind, mime, name, size, width, height, preview_width, preview_height, created_at)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	insert.run(PHOTO, first.id, 'image', 'image/png', 'foto.png', photo.length, 640, 480, 320, 240, Date.now());
	insert.run(PDF, second.id, 'pdf', 'application/pdf', 'mødeplan.pdf', document.length, null, null, null, null, Date.now());
	writeFileSync(join(filesDir, PHOTO), photo, { mode: 0o600 });
	writeFileSync(join(filesDir, `${PHOTO}.preview`), preview, { mode: 0o600 });
	writeFileSync(join(filesDir, PDF), document, { mode: 0o600 });
	writeFileSync(join(filesDir, ORPHAN), 'no row refers to me', { mode: 0o600 });
	return {
		messages: { [PHOTO]: first.id, [PDF]: second.id },
		bytes: { [PHOTO]: photo, [`${PHOTO}.preview`]: preview, [PDF]: document } as Record<string, Buffer>
	};
}

/** A folder's files and their bytes, by name. */
export function folderContents(dir: string): Record<string, Buffer> {
	return Object.fromEntries(
		readdirSync(dir)
			.sort()
			.map((name) => [name, readFileSync(join(dir, name))])
	);
}
