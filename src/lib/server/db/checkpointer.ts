/**
 * WAL checkpoints off the request path (issue 23).
 *
 * SQLite copies the write-ahead log back into the database file (a checkpoint) on the connection
 * that commits when the log has grown past `wal_autocheckpoint` pages: inside whichever request
 * happened to commit then. A guide's list writes its access-log reads into the per-young-person
 * index, some 60 pages a view, so every tenth or so view also copied a thousand pages and waited
 * for their `fsync`: the slowest twentieth of a guide's `/staff` and inbox on the bench database.
 *
 * The server runs the checkpoints on a worker thread of its own, with its own connection, every
 * second and PASSIVE (they never wait for, or block, a reader or a writer). The app's connection
 * checkpoints only if the log grows past REQUEST_PATH_CHECKPOINT_PAGES, should the worker ever
 * fall behind or stop. Durability is unchanged: a commit is on disk when its WAL `fsync` returns;
 * a checkpoint only moves committed pages, and is safe to interrupt at any point.
 *
 * The worker's code is a small self-contained script (evaluated, not a file), as the backup's is
 * (`backup/sqlite-worker.ts`), so it runs the same under Vitest and in the bundled server.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the worker checkpoints. */
export const CHECKPOINT_EVERY_MS = 1000;
/** The app's own connection checkpoints only past this many WAL pages (40 MB at 4 KB a page). */
export const REQUEST_PATH_CHECKPOINT_PAGES = 10_000;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = FULL');
function checkpoint() {
	try {
		const [result] = db.pragma('wal_checkpoint(PASSIVE)');
		if (result.log > 0) parentPort.postMessage({ ok: true, log: result.log, checkpointed: result.checkpointed, busy: result.busy });
	} catch (error) {
		parentPort.postMessage({ ok: false, message: error && error.message ? error.message : String(error) });
	}
}
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (message) => {
	if (message !== 'stop') return;
	clearInterval(timer);
	db.close();
	parentPort.close();
});
`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

/** One checkpoint that found frames in the log: how many, and how many are now in the database file. */
export interface CheckpointReport {
	log: number;
	checkpointed: number;
	/** 1 when a writer or another checkpoint kept it from finishing (it goes on next time). */
	busy: number;
}

export interface Checkpointer {
	/** Stops the timer and closes the worker's connection; resolves when the thread has ended. */
	stop(): Promise<void>;
}

/**
 * Starts checkpointing the database at `file` on a worker thread. The thread does not keep the
 * process alive; a failed checkpoint is logged (or handed to `onError`) and the next one tried.
 */
export function startCheckpointer(
	file: string,
	options: { everyMs?: number; onCheckpoint?: (report: CheckpointReport) => void; onError?: (message: string) => void } = {}
): Checkpointer {
	const onError = options.onError ?? ((message: string) => console.error(`Minvej: a WAL checkpoint failed: ${message}`));
	const worker = new Worker(WORKER, { eval: true, workerData: { file, everyMs: options.everyMs ?? CHECKPOINT_EVERY_MS, driver } });
	const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
	worker.on('message', (message: ({ ok: true } & CheckpointReport) | { ok: false; message: string }) => {
		if (message.ok) options.onCheckpoint?.({ log: message.log, checkpointed: message.checkpointed, busy: message.busy });
		else onError(message.message);
	});
	worker.on('error', (error) => onError(`the checkpoint thread stopped: ${error.message}`));
	// After the listeners: a 'message' listener refs the thread's port again, and a thread that
	// keeps the process alive would keep the server from exiting when it is told to stop (SIGTERM).
	worker.unref();
	return {
		async stop() {
			worker.postMessage('stop');
			await exited;
		}
	};
}
