/**
 * The two long SQLite operations of a backup, run on a worker thread so that a server taking its
 * scheduled backup keeps answering requests while the copy is made and checked:
 *
 * - `copy`: `VACUUM INTO` — the whole database written to a new file inside ONE read
 *   transaction. Other connections go on writing (WAL); the copy is the database as it was when
 *   the read began, and it never restarts, so it ends in a time bounded by the database's size
 *   whatever the write load. (SQLite's online backup API, stepped page by page, starts over
 *   whenever another connection writes, and under steady writes never ends.)
 * - `check`: `PRAGMA integrity_check` and `PRAGMA foreign_key_check` on a copy.
 * - `attachments`: which attachment files a copy refers to (its `message_attachments` rows), so
 *   that the backup copies exactly those files and a restore knows which it must bring back.
 *
 * The worker's code is a small self-contained script (evaluated, not a file), so it runs the same
 * under Vitest, `node --import tsx` and the bundled server, which has no separate worker file.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const { task, file, into } = workerData;
function run() {
	const db = new Database(file, { fileMustExist: true, readonly: task !== 'copy' });
	try {
		db.pragma('busy_timeout = 5000');
		if (task === 'copy') {
			db.prepare('VACUUM INTO ?').run(into);
			return {};
		}
		if (task === 'attachments') {
			// A database from before migration 0007 has no attachments.
			const table = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'message_attachments'").get();
			if (!table) return [];
			return db
				.prepare('select id, size, preview_width is not null as preview from message_attachments order by id')
				.all()
				.map((row) => ({ id: String(row.id), size: Number(row.size), preview: row.preview === 1 }));
		}
		const integrity = db.pragma('integrity_check').map((row) => String(row.integrity_check));
		const foreignKeys = db.pragma('foreign_key_check').length;
		return { integrity, foreignKeys };
	} finally {
		db.close();
	}
}
try {
	parentPort.postMessage({ ok: true, result: run() });
} catch (error) {
	parentPort.postMessage({ ok: false, message: error && error.message ? error.message : String(error) });
}
`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

type Task = { task: 'copy'; file: string; into: string } | { task: 'check' | 'attachments'; file: string };
export interface CheckResult {
	/** `['ok']` on a sound database, else SQLite's findings. */
	integrity: string[];
	/** How many rows `PRAGMA foreign_key_check` found (0 on a sound database). */
	foreignKeys: number;
}

function runInWorker<T>(data: Task): Promise<T> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(WORKER, { eval: true, workerData: { ...data, driver } });
		let settled = false;
		worker.once('message', (answer: { ok: true; result: T } | { ok: false; message: string }) => {
			settled = true;
			if (answer.ok) resolve(answer.result);
			else reject(new Error(answer.message));
		});
		worker.once('error', (error) => {
			settled = true;
			reject(error);
		});
		worker.once('exit', (code) => {
			if (!settled) reject(new Error(`the SQLite worker stopped (exit code ${code}) without an answer`));
		});
	});
}

/** Writes a consistent copy of the database at `file` to the new file `into` (VACUUM INTO). */
export function vacuumInto(file: string, into: string): Promise<void> {
	return runInWorker<object>({ task: 'copy', file, into }).then(() => undefined);
}

/** Runs SQLite's integrity and foreign-key checks on the database at `file`, opened read-only. */
export function checkDatabaseFile(file: string): Promise<CheckResult> {
	return runInWorker<CheckResult>({ task: 'check', file });
}

/** One attachment a database refers to: its file `<id>` (of `size` bytes) and, for an image, `<id>.preview`. */
export interface AttachmentFileRef {
	id: string;
	size: number;
	preview: boolean;
}

/** The attachment files the database at `file` (opened read-only) refers to, by id. */
export function attachmentFilesOf(file: string): Promise<AttachmentFileRef[]> {
	return runInWorker<AttachmentFileRef[]>({ task: 'attachments', file });
}
