/** WAL checkpoints on a thread of their own (issue 23): the log is copied back without the app's connection. */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { startCheckpointer, type Checkpointer, type CheckpointReport } from './checkpointer';
import { MIGRATIONS } from '../testing';

const tmpFile = () => join(mkdtempSync(join(tmpdir(), 'minvej-checkpoint-')), 'x.db');

let running: Checkpointer | undefined;
afterEach(async () => {
	await running?.stop();
	running = undefined;
});

/** Resolves with the first report that `accept`s, or fails after `ms`. */
function reportWhere(accept: (report: CheckpointReport) => boolean, ms = 10_000) {
	let onCheckpoint!: (report: CheckpointReport) => void;
	const found = new Promise<CheckpointReport>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no checkpoint report within ${ms} ms`)), ms);
		onCheckpoint = (report) => {
			if (!accept(report)) return;
			clearTimeout(timer);
			resolve(report);
		};
	});
	return { found, onCheckpoint };
}

describe('the checkpoint thread', () => {
	it("copies every committed page back into the database file while the app's connection never checkpoints", async () => {
		const file = tmpFile();
		const app = openDatabase(file, { migrationsFolder: MIGRATIONS }).$client;
		app.pragma('wal_autocheckpoint = 0');
		app.exec('create table filler (id integer primary key, body text not null)');
		const before = statSync(file).size;
		const insert = app.prepare('insert into filler (body) values (?)');
		app.transaction(() => {
			for (let i = 0; i < 500; i++) insert.run('x'.repeat(2000));
		})();
		// Nothing has moved the pages into the database file yet: they are in the log only.
		expect(statSync(file).size).toBe(before);
		expect(statSync(`${file}-wal`).size).toBeGreaterThan(500 * 2000);

		const { found, onCheckpoint } = reportWhere((r) => r.log > 0 && r.checkpointed === r.log);
		running = startCheckpointer(file, { everyMs: 50, onCheckpoint });
		const report = await found;
		expect(report.log).toBeGreaterThan(250);
		expect(statSync(file).size).toBeGreaterThan(before + 500 * 2000);
		// A reader that opens the file now finds the rows (the checkpoint lost nothing).
		const reader = new Database(file, { readonly: true });
		expect(reader.prepare('select count(*) from filler').pluck().get()).toBe(500);
		reader.close();
		app.close();
	});

	it('reports a database it cannot open, and throws nothing into the app', async () => {
		const errors: string[] = [];
		const missing = join(mkdtempSync(join(tmpdir(), 'minvej-checkpoint-')), 'none.db');
		running = startCheckpointer(missing, { everyMs: 50, onError: (message) => errors.push(message) });
		await expect.poll(() => errors.length, { timeout: 10_000 }).toBeGreaterThan(0);
		expect(errors[0]).toMatch(/checkpoint thread stopped/);
		expect(existsSync(missing)).toBe(false);
	});

	it('never keeps the process alive: a server told to stop exits with the thread still running', () => {
		const file = tmpFile();
		openDatabase(file, { migrationsFolder: MIGRATIONS }).$client.close();
		// What keeps Node's event loop alive (and so the process from exiting), by kind.
		const keepingAlive = () => process.getActiveResourcesInfo().filter((kind) => kind === 'MessagePort').length;
		const before = keepingAlive();
		running = startCheckpointer(file, { everyMs: 50, onCheckpoint: () => undefined });
		expect(keepingAlive()).toBe(before);
	});

	it('ends its thread when stopped', async () => {
		const file = tmpFile();
		openDatabase(file, { migrationsFolder: MIGRATIONS }).$client.close();
		const checkpointer = startCheckpointer(file, { everyMs: 50 });
		await expect(checkpointer.stop()).resolves.toBeUndefined();
	});
});
