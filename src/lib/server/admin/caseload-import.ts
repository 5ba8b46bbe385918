/**
 * Bringing in an existing caseload (issue 15): the coordinator uploads a CSV file at
 * /staff/admin/import (or runs `npm run import -- <file.csv>`). A dry run first shows what would
 * be created or changed and every row's error in plain words (row, column, reason); nothing is
 * written until the whole file is valid. The file waits (as a batch) for the coordinator to
 * import it; then its text is dropped. Each person created gets a sign-in code, listed once.
 */
import { and, eq, isNull, lt } from 'drizzle-orm';
import { db } from '../db';
import { importBatches } from '../db/schema';
import { authorizeGlobal, type Actor } from '../access';
import { newId } from '../ids';
import { decodeFile } from './import/csv';
import { checkText, type ImportCheck } from './import/check';
import { applyText, type ApplyResult } from './import/apply';

/** The command-line import acts for no logged-in person (whoever runs it holds the database file). */
export const COMMAND_LINE = Symbol('command line');
type Importer = Actor | typeof COMMAND_LINE;

const BATCH_LIFETIME_MS = 24 * 60 * 60 * 1000;

function actorIdOf(importer: Importer): string | null {
	if (importer === COMMAND_LINE) return null;
	authorizeGlobal(importer, 'caseload.import');
	return importer.id;
}

/** The dry run of a file's bytes. */
export function checkFile(importer: Importer, bytes: Uint8Array, now = new Date()): { check: ImportCheck; text: string | null } {
	actorIdOf(importer);
	const decoded = decodeFile(bytes);
	if (!decoded.ok) return { check: { rows: 0, errors: [decoded.error], plan: [], counts: { create: 0, change: 0, unchanged: 0 } }, text: null };
	const { check, prepared } = checkText(decoded.text, now);
	return { check, text: prepared ? decoded.text : null };
}

/** Writes a file that passed its dry run (checked again first). */
export function applyFile(importer: Importer, text: string, now = new Date()): ApplyResult {
	return applyText(actorIdOf(importer), text, now);
}

/**
 * The web's dry run: a valid file is kept as a batch to import with one more click (files older
 * than a day that were never imported are dropped).
 */
export function checkUpload(actor: Actor, fileName: string, bytes: Uint8Array, now = new Date()): { check: ImportCheck; batchId: string | null } {
	const actorId = actorIdOf(actor);
	const { check, text } = checkFile(actor, bytes, now);
	db()
		.delete(importBatches)
		.where(and(isNull(importBatches.appliedAt), lt(importBatches.createdAt, new Date(now.getTime() - BATCH_LIFETIME_MS))))
		.run();
	if (text === null) return { check, batchId: null };
	const batchId = newId();
	db()
		.insert(importBatches)
		.values({ id: batchId, createdBy: actorId, fileName: fileName.slice(0, 200), content: text, rows: check.rows, createdAt: now })
		.run();
	return { check, batchId };
}

/** Imports a batch the dry run kept; null when there is no such batch waiting. */
export function applyUpload(actor: Actor, batchId: string, now = new Date()): ApplyResult | null {
	const actorId = actorIdOf(actor);
	return db().transaction((tx) => {
		const batch = tx
			.select()
			.from(importBatches)
			.where(and(eq(importBatches.id, batchId), isNull(importBatches.appliedAt)))
			.get();
		if (!batch?.content) return null;
		const result = applyText(actorId, batch.content, now);
		if (result.ok) tx.update(importBatches).set({ appliedAt: now, content: null, result: result.counts }).where(eq(importBatches.id, batch.id)).run();
		return result;
	});
}
