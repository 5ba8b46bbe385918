/**
 * `npm run backup` and `npm run restore`, run as the real commands against a database that a
 * separate process writes to without ever pausing, and with the attachment files beside it. Every process a test starts is killed (its
 * whole process group) when the test ends, whether it passed, failed or timed out, and every wait
 * has a time limit.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../db/client';
import { seedDemo } from '../app';
import { MIGRATIONS } from '../testing';
import { exited, killGroup, runToEnd, spawnGroup, withTimeout } from '../process-groups.testing';
import { readStoredFile } from '../attachments';
import { takeBackup } from './take-backup';
import { addAttachments, folderContents, ORPHAN, PDF, PHOTO } from './fixtures.testing';

/** Ledger rows in the database before the writer starts (about 25 MB), and always after each of its transactions. */
const ROWS = 48_000;
/** A backup must end within this, however hard the writer writes. */
const BACKUP_LIMIT_MS = 60_000;

// Each transaction moves an amount between two new rows of a ledger and drops the oldest pair, so
// in any consistent copy the rows sum to zero, come in pairs and number exactly ROWS. It commits
// as fast as it can, forever (the test kills it).
const WRITER = `
const Database = require(${JSON.stringify(resolve('node_modules/better-sqlite3'))});
const db = new Database(process.argv[1]);
db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL'); db.pragma('busy_timeout = 5000');
const insert = db.prepare('insert into ledger (amount, filler) values (?, ?)');
const dropOldestPair = db.prepare('delete from ledger where id in (select id from ledger order by id limit 2)');
const move = db.transaction((n) => {
	insert.run(n, 'x'.repeat(500));
	insert.run(-n, 'y'.repeat(500));
	dropOldestPair.run();
});
process.stdout.write('ready\\n');
for (let i = 1; ; i++) move(i);
`;

/** A seeded database with a full ledger, in a temporary folder removed when the test ends. */
async function liveDatabase() {
	const dir = mkdtempSync(join(tmpdir(), 'minvej-backup-'));
	onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
	const path = join(dir, 'live.db');
	const db = openDatabase(path, { migrationsFolder: MIGRATIONS });
	await seedDemo(db);
	const sqlite = db.$client;
	sqlite.exec('create table ledger (id integer primary key, amount integer not null, filler text)');
	const insert = sqlite.prepare('insert into ledger (amount, filler) values (?, ?)');
	sqlite.transaction(() => {
		for (let n = 1; n <= ROWS / 2; n++) {
			insert.run(n, 'p'.repeat(500));
			insert.run(-n, 'q'.repeat(500));
		}
	})();
	sqlite.close();
	return { dir, path, env: { DATABASE_PATH: path, DATA_DIR: join(dir, 'files') } };
}

/** A seeded database (no ledger) with two attachments and their files, and an orphan file beside them. */
async function databaseWithAttachments() {
	const dir = mkdtempSync(join(tmpdir(), 'minvej-backup-'));
	onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
	const path = join(dir, 'live.db');
	const filesDir = join(dir, 'files');
	mkdirSync(filesDir, { mode: 0o700 });
	const db = openDatabase(path, { migrationsFolder: MIGRATIONS });
	await seedDemo(db);
	const { bytes, messages } = await addAttachments(db.$client, filesDir);
	db.$client.close();
	return { dir, path, filesDir, bytes, messages, env: { DATABASE_PATH: path, DATA_DIR: filesDir } };
}

/** The restored database's attachment rows, each with its file and preview as the app reads them. */
function attachmentsOpened(path: string, filesDir: string) {
	const db = new Database(path, { readonly: true });
	try {
		const rows = db.prepare('select id, message_id as messageId, kind from message_attachments order by id').all() as Array<{
			id: string;
			messageId: string;
			kind: string;
		}>;
		return rows.map((row) => ({
			...row,
			file: readStoredFile(row.id, 'file', filesDir),
			preview: readStoredFile(row.id, 'preview', filesDir)
		}));
	} finally {
		db.close();
	}
}

/** Starts the writer and resolves once it writes; it is killed when the test ends, however it ends. */
async function startWriter(path: string): Promise<ChildProcess> {
	const writer = spawnGroup(process.execPath, ['-e', WRITER, path], { stdio: ['ignore', 'pipe', 'inherit'] });
	onTestFinished(() => killGroup(writer));
	await withTimeout(new Promise<void>((ok) => writer.stdout!.once('data', () => ok())), 20_000, 'the writer to start');
	return writer;
}

/** Runs scripts/<name> as `npm run` does, bounded in time; its process group dies with the test. */
function runScript(name: 'backup.js' | 'restore.js', args: string[], env: { DATABASE_PATH: string; DATA_DIR: string }, timeoutMs = 30_000) {
	return runToEnd(process.execPath, ['--import', 'tsx', resolve('scripts', name), ...args], {
		env: { ...process.env, ...env },
		timeoutMs,
		onStart: (child) => onTestFinished(() => killGroup(child))
	});
}

function maxId(path: string): number {
	const db = new Database(path, { readonly: true });
	db.pragma('busy_timeout = 5000');
	try {
		return (db.prepare('select max(id) as id from ledger').get() as { id: number }).id;
	} finally {
		db.close();
	}
}

function ledger(path: string) {
	const db = new Database(path, { readonly: true });
	try {
		return {
			integrity: db.pragma('integrity_check', { simple: true }),
			foreignKeys: db.pragma('foreign_key_check'),
			...(db.prepare('select count(*) as rows, coalesce(sum(amount), 0) as total, max(id) as maxId from ledger').get() as {
				rows: number;
				total: number;
				maxId: number;
			}),
			freja: (db.prepare(`select count(*) as n from users where username = 'freja'`).get() as { n: number }).n
		};
	} finally {
		db.close();
	}
}

/** "…: 24.7 MB in 0.61 s (…)" from the backup's report line. */
function reported(stdout: string) {
	const match = /: ([\d.]+) (B|KB|MB|GB) in ([\d.]+) s \(/.exec(stdout);
	expect(match, stdout).not.toBeNull();
	const unit = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[match![2] as 'B' | 'KB' | 'MB' | 'GB'];
	return { bytes: Number(match![1]) * unit, seconds: Number(match![3]) };
}

describe('backup and restore', () => {
	it('copies a database consistently, in bounded time, while another process writes to it without pause', async () => {
		const { dir, path, env } = await liveDatabase();
		await startWriter(path);
		const before = maxId(path);

		const copy = join(dir, 'copy.db');
		const started = Date.now();
		const { code, stdout, stderr } = await runScript('backup.js', [copy], env, BACKUP_LIMIT_MS);
		const tookMs = Date.now() - started;
		expect(code, stderr).toBe(0);
		expect(stdout).toContain('integrity ok');
		const after = maxId(path);

		// It says how big the copy is and how long it took, and both are true.
		const { bytes, seconds } = reported(stdout);
		const { size } = statSync(copy);
		expect(Math.abs(bytes - size) / size).toBeLessThan(0.01);
		expect(size).toBeGreaterThan(20 * 1024 ** 2);
		expect(seconds * 1000).toBeLessThanOrEqual(tookMs);
		console.log(
			`backup under continuous writes: ${stdout.trim()} (command ${tookMs} ms; writer committed ${(after - before) / 2} transactions meanwhile)`
		);

		// The writer kept committing while the backup ran, and the copy is one moment of it.
		expect(after).toBeGreaterThan(before);
		const copied = ledger(copy);
		expect(copied.integrity).toBe('ok');
		expect(copied.foreignKeys).toEqual([]);
		expect(copied.rows).toBe(ROWS);
		expect(copied.total).toBe(0);
		expect(copied.maxId).toBeGreaterThanOrEqual(before);
		expect(copied.maxId).toBeLessThanOrEqual(after);
		expect(copied.maxId % 2).toBe(0);
		expect(copied.freja).toBe(1);
		expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
	}, 120_000);

	it('refuses to overwrite an existing file', async () => {
		const { dir, env } = await liveDatabase();
		const copy = join(dir, 'exists.db');
		writeFileSync(copy, 'keep me');
		const { code, stderr } = await runScript('backup.js', [copy], env);
		expect(code).toBe(1);
		expect(stderr).toMatch(/exists already/);
	});

	it('restores a copy taken under write load in place of the database, keeping the replaced one', async () => {
		const { dir, path, env } = await liveDatabase();
		const writer = await startWriter(path);
		const copy = join(dir, 'copy.db');
		const backup = await runScript('backup.js', [copy], env, BACKUP_LIMIT_MS);
		expect(backup.code, backup.stderr).toBe(0);
		const copied = ledger(copy);

		// The writer stops (as the server is stopped before a restore); then the database changes.
		killGroup(writer);
		await exited(writer, 10_000);
		const live = new Database(path);
		live.prepare(`delete from ledger`).run();
		live.prepare(`insert into ledger (amount, filler) values (42, 'after the backup')`).run();
		live.close();

		// A running server (its pid file names a live process) blocks the restore.
		writeFileSync(`${path}.pid`, String(process.pid));
		const blocked = await runScript('restore.js', [copy], env);
		expect(blocked.code).toBe(1);
		expect(blocked.stderr).toMatch(/is using/);

		writeFileSync(`${path}.pid`, '999999999'); // a crashed server's leftover
		const restore = await runScript('restore.js', [copy], env);
		expect(restore.code, restore.stderr).toBe(0);
		expect(restore.stdout).toContain('restore:');

		// The database is the copy: consistent, with the ledger as it was at the backup's moment.
		const restored = ledger(path);
		expect(restored.integrity).toBe('ok');
		expect(restored.foreignKeys).toEqual([]);
		expect(restored.rows).toBe(ROWS);
		expect(restored.total).toBe(0);
		expect(restored.maxId).toBe(copied.maxId);
		expect(restored.freja).toBe(1);
		const db = new Database(path, { readonly: true });
		expect((db.prepare("select count(*) as n from ledger where filler = 'after the backup'").get() as { n: number }).n).toBe(0);
		expect((db.prepare(`select count(*) as n from users`).get() as { n: number }).n).toBeGreaterThan(5);
		db.close();
		// The replaced database is kept, with its last change.
		const kept = readdirSync(dir).filter((f) => f.startsWith('live.db.before-restore-') && !f.endsWith('-wal'));
		expect(kept).toHaveLength(1);
		const old = new Database(join(dir, kept[0]!), { readonly: true });
		expect((old.prepare("select count(*) as n from ledger where filler = 'after the backup'").get() as { n: number }).n).toBe(1);
		old.close();
	}, 120_000);

	it('refuses a damaged backup and changes nothing', async () => {
		const { dir, path, env } = await liveDatabase();
		const bad = join(dir, 'bad.db');
		writeFileSync(bad, 'this is not a database');
		const { code, stderr } = await runScript('restore.js', [bad], env);
		expect(code).toBe(1);
		expect(stderr).toMatch(/nothing was changed/);
		expect(existsSync(path)).toBe(true);
		const db = new Database(path, { readonly: true });
		expect((db.prepare(`select count(*) as n from users where username = 'freja'`).get() as { n: number }).n).toBe(1);
		db.close();
	});
});

describe('attachment files in backup and restore', () => {
	it('copies exactly the files the copy refers to beside it (not an orphan), and restores them with it', async () => {
		const { dir, path, filesDir, bytes, messages, env } = await databaseWithAttachments();
		const copy = join(dir, 'copy.db');
		const backup = await runScript('backup.js', [copy], env);
		expect(backup.code, backup.stderr).toBe(0);
		const total = bytes[PHOTO]!.length + bytes[`${PHOTO}.preview`]!.length + bytes[PDF]!.length;
		expect(backup.stdout).toContain(`3 attachment files (`);
		expect(backup.stdout).toContain(`${copy}.files`);
		expect(backup.stdout).not.toContain('MISSING');
		// The photo, its preview and the PDF, byte for byte; not the orphan; nothing half-written.
		expect(folderContents(`${copy}.files`)).toEqual(bytes);
		expect(readdirSync(dir).sort()).toEqual(
			['copy.db', 'copy.db.files', 'files', 'live.db', 'live.db-shm', 'live.db-wal'].filter((f) => existsSync(join(dir, f)))
		);
		expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
		const report = await takeBackup(path, join(dir, 'direct.db'), { filesDir });
		expect(report).toMatchObject({ files: 3, filesBytes: total, missingFiles: [], filesPath: join(dir, 'direct.db.files') });

		// After the backup: the photo's files are lost, a new file arrives, the PDF's row goes.
		unlinkSync(join(filesDir, PHOTO));
		unlinkSync(join(filesDir, `${PHOTO}.preview`));
		writeFileSync(join(filesDir, 'lateraaaaaaaaaaaaaaa'), 'sent after the backup');
		const live = new Database(path);
		live.prepare('delete from message_attachments where id = ?').run(PDF);
		live.close();

		const restore = await runScript('restore.js', [copy], env);
		expect(restore.code, restore.stderr).toBe(0);
		expect(restore.stdout).toContain(`3 attachment files (`);
		expect(restore.stderr).toBe('');
		// The files folder holds exactly the backup's files, and the restored rows open them.
		expect(folderContents(filesDir)).toEqual(bytes);
		expect(attachmentsOpened(path, filesDir)).toEqual([
			{ id: PDF, messageId: messages[PDF], kind: 'pdf', file: bytes[PDF], preview: null },
			{ id: PHOTO, messageId: messages[PHOTO], kind: 'image', file: bytes[PHOTO], preview: bytes[`${PHOTO}.preview`] }
		]);
		// The replaced folder is kept beside it, as it was, like the replaced database.
		const kept = readdirSync(dir).filter((f) => f.startsWith('files.before-restore-'));
		expect(kept).toHaveLength(1);
		expect(Object.keys(folderContents(join(dir, kept[0]!)))).toEqual(['lateraaaaaaaaaaaaaaa', ORPHAN, PDF].sort());
		expect(readdirSync(dir).filter((f) => f.endsWith('.restoring'))).toEqual([]);
	});

	it('names a file the database refers to but the files folder lacks, keeps the backup and exits 1', async () => {
		const { dir, path, filesDir, bytes, env } = await databaseWithAttachments();
		unlinkSync(join(filesDir, PDF));
		const copy = join(dir, 'copy.db');
		const backup = await runScript('backup.js', [copy], env);
		expect(backup.code).toBe(1);
		expect(backup.stderr).toMatch(new RegExp(`INCOMPLETE.*1 attachment file MISSING .*: ${PDF}$`, 'm'));
		expect(folderContents(`${copy}.files`)).toEqual({ [PHOTO]: bytes[PHOTO], [`${PHOTO}.preview`]: bytes[`${PHOTO}.preview`] });
		expect(ledgerless(copy)).toBe('ok');
		const report = await takeBackup(path, join(dir, 'direct.db'), { filesDir });
		expect(report.missingFiles).toEqual([PDF]);
		expect(report.files).toBe(2);

		// Restored, it says again which file will not open.
		const restore = await runScript('restore.js', [copy], env);
		expect(restore.code, restore.stderr).toBe(0);
		expect(restore.stderr).toContain(`1 attachment files were not in the backup and will not open: ${PDF}`);
		expect(Object.keys(folderContents(filesDir))).toEqual([PHOTO, `${PHOTO}.preview`]);
	});

	it('refuses a backup whose files folder is not beside it, and changes nothing', async () => {
		const { dir, path, filesDir, env } = await databaseWithAttachments();
		const copy = join(dir, 'copy.db');
		expect((await runScript('backup.js', [copy], env)).code).toBe(0);
		rmSync(`${copy}.files`, { recursive: true });
		const before = folderContents(filesDir);
		const restore = await runScript('restore.js', [copy], env);
		expect(restore.code).toBe(1);
		expect(restore.stderr).toMatch(/refers to 3 attachment files, but .*copy\.db\.files is not beside it.*nothing was changed/);
		expect(folderContents(filesDir)).toEqual(before);
		expect(readdirSync(dir).filter((f) => f.includes('before-restore') || f.endsWith('.restoring'))).toEqual([]);
		expect(existsSync(path)).toBe(true);
	});

	it('refuses to write into a files folder that exists already', async () => {
		const { dir, path, filesDir } = await databaseWithAttachments();
		mkdirSync(join(dir, 'copy.db.files'));
		await expect(takeBackup(path, join(dir, 'copy.db'), { filesDir })).rejects.toThrow(/copy\.db\.files exists already/);
		expect(existsSync(join(dir, 'copy.db'))).toBe(false);
	});
});

function ledgerless(path: string) {
	const db = new Database(path, { readonly: true });
	try {
		return db.pragma('integrity_check', { simple: true });
	} finally {
		db.close();
	}
}
