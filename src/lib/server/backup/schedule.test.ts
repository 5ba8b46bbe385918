import { describe, expect, it, onTestFinished, vi } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDemoDatabase } from '../testing';
import { addAttachments, folderContents, ORPHAN, PDF, PHOTO } from './fixtures.testing';
import {
	BackupConfigError,
	BackupScheduler,
	backupFileName,
	backupPlanFrom,
	DEFAULT_KEEP,
	listBackups,
	parseInterval,
	RETRY_AFTER_MS
} from '.';

function tempDir() {
	const dir = mkdtempSync(join(tmpdir(), 'minvej-schedule-'));
	onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
	return dir;
}

/** A live demo database (open, as the server holds it), its (empty) files folder and an empty backup folder. */
async function setup() {
	const database = await freshDemoDatabase();
	onTestFinished(() => {
		database.$client.close();
	});
	const root = tempDir();
	const filesDir = join(root, 'files');
	mkdirSync(filesDir);
	return { database, source: database.$client.name, dir: join(root, 'backups'), filesDir };
}

function quietLog() {
	return { log: vi.fn(), error: vi.fn() };
}

describe('intervals', () => {
	it('reads 30m, 6h and 1d, and nothing else', () => {
		expect(parseInterval('30m')).toBe(30 * 60_000);
		expect(parseInterval('6h')).toBe(6 * 3_600_000);
		expect(parseInterval('1d')).toBe(86_400_000);
		expect(parseInterval(' 12H ')).toBe(12 * 3_600_000);
		for (const bad of ['', '6', 'h', '0h', '-1h', '1.5h', '6 hours', '1w', '10s']) expect(parseInterval(bad), bad).toBeNull();
	});
});

describe('the backup configuration', () => {
	const databasePath = './data/minvej.db';
	it('is off without BACKUP_DIR and BACKUP_EVERY, and keeps 7 by default', () => {
		expect(backupPlanFrom({ databasePath })).toBeNull();
		const plan = backupPlanFrom({ databasePath, backupDir: '/srv/backups', backupEvery: '6h' });
		expect(plan).toMatchObject({ dir: '/srv/backups', everyMs: 6 * 3_600_000, keep: DEFAULT_KEEP });
		expect(backupPlanFrom({ databasePath, filesDir: '/srv/files', backupDir: '/srv/backups', backupEvery: '6h' })?.filesDir).toBe(
			'/srv/files'
		);
		expect(DEFAULT_KEEP).toBe(7);
		expect(backupPlanFrom({ databasePath, backupDir: '/srv/backups', backupEvery: '1d', backupKeep: '30' })?.keep).toBe(30);
	});

	it('refuses half a configuration or values it cannot read', () => {
		expect(() => backupPlanFrom({ databasePath, backupDir: '/srv/backups' })).toThrow(BackupConfigError);
		expect(() => backupPlanFrom({ databasePath, backupEvery: '6h' })).toThrow(/BACKUP_DIR/);
		expect(() => backupPlanFrom({ databasePath, backupDir: '/b', backupEvery: 'often' })).toThrow(/30m, 6h or 1d/);
		expect(() => backupPlanFrom({ databasePath, backupDir: '/b', backupEvery: '6h', backupKeep: '0' })).toThrow(/BACKUP_KEEP/);
		expect(() => backupPlanFrom({ databasePath, backupDir: '/b', backupEvery: '6h', backupKeep: 'all' })).toThrow(/BACKUP_KEEP/);
	});
});

describe('the backup schedule', () => {
	it('backs up at start when no backup is recent, then every interval, keeping the newest N', async () => {
		const { source, dir, filesDir } = await setup();
		const log = quietLog();
		const scheduler = new BackupScheduler({ source, dir, everyMs: 400, keep: 2, filesDir }, { log });
		onTestFinished(() => scheduler.stop());
		expect(scheduler.status()).toMatchObject({ configured: true, lastGood: null, lastFailure: null });

		scheduler.start();
		await vi.waitFor(() => expect(log.log).toHaveBeenCalledTimes(3), { timeout: 20_000, interval: 50 });
		scheduler.stop();
		await vi.waitFor(() => expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]), { timeout: 10_000 });

		const kept = listBackups(dir);
		expect(kept).toHaveLength(2);
		expect(readdirSync(dir).sort()).toEqual(kept.flatMap((b) => [b.file, `${b.file}.files`]).sort());
		const status = scheduler.status();
		expect(status.lastGood?.file).toBe(kept[0]!.path);
		expect(status.lastGood?.bytes).toBe(kept[0]!.bytes);
		expect(status.lastGood?.durationMs).toBeGreaterThanOrEqual(0);
		expect(log.error).not.toHaveBeenCalled();
		expect(log.log.mock.calls[0]![0]).toMatch(/^Minvej: backup .* → .*minvej-\d{4}-.*\.db: [\d.]+ (KB|MB) in [\d.]+ s/);
		expect(log.log.mock.calls[2]![0]).toMatch(/removed 1 older/);

		const copy = new Database(kept[0]!.path, { readonly: true });
		expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
		expect((copy.prepare(`select count(*) as n from users where username = 'freja'`).get() as { n: number }).n).toBe(1);
		copy.close();
	}, 30_000);

	it('finds the last good backup on disk at start, waits until the next is due, and removes half-written copies', async () => {
		const { source, dir, filesDir } = await setup();
		mkdirSync(dir, { recursive: true });
		const now = new Date('2026-11-23T12:00:00Z');
		const older = backupFileName(new Date('2026-11-23T00:00:00Z'));
		const newest = backupFileName(new Date('2026-11-23T09:00:00Z'));
		for (const file of [older, newest]) {
			writeFileSync(join(dir, file), 'a backup');
			mkdirSync(join(dir, `${file}.files`));
			writeFileSync(join(dir, `${file}.files`, PHOTO), 'a photo');
		}
		// Cut short: the copy, its files half copied, and files renamed into place just before the copy would have been.
		const cutShort = backupFileName(new Date('2026-11-23T11:00:00Z'));
		const cutLater = backupFileName(new Date('2026-11-23T11:30:00Z'));
		writeFileSync(join(dir, `${cutShort}.partial`), 'cut short');
		mkdirSync(join(dir, `${cutShort}.files.partial`));
		writeFileSync(join(dir, `${cutShort}.files.partial`, PHOTO), 'half');
		writeFileSync(join(dir, `${cutLater}.partial`), 'cut short');
		mkdirSync(join(dir, `${cutLater}.files`));
		writeFileSync(join(dir, 'notes.txt'), 'not ours');
		mkdirSync(join(dir, 'notes.files'));
		const log = quietLog();
		const scheduler = new BackupScheduler({ source, dir, everyMs: 6 * 3_600_000, keep: 1, filesDir }, { log, now: () => now });
		onTestFinished(() => scheduler.stop());
		scheduler.start();

		expect(scheduler.status().lastGood).toMatchObject({ at: new Date('2026-11-23T09:00:00Z'), file: join(dir, newest), durationMs: null });
		expect(scheduler.status().overdue).toBe(false);
		expect(readdirSync(dir).sort()).toEqual([older, `${older}.files`, newest, `${newest}.files`, 'notes.txt', 'notes.files'].sort());
		await new Promise((r) => setTimeout(r, 300));
		expect(log.log).not.toHaveBeenCalled(); // the next one is due at 15:00

		// Taken now (as when it falls due): the new one is kept, the older ones go with their files, other files stay.
		const report = await scheduler.runNow();
		expect(report).not.toBeNull();
		expect(readdirSync(dir).sort()).toEqual([backupFileName(now), `${backupFileName(now)}.files`, 'notes.txt', 'notes.files'].sort());
	});

	it("copies each backup's attachment files beside it, and removes them with it when it is pruned", async () => {
		const { database, source, dir, filesDir } = await setup();
		const { bytes } = await addAttachments(database.$client, filesDir);
		let now = new Date('2026-11-23T06:00:00Z');
		const log = quietLog();
		const scheduler = new BackupScheduler({ source, dir, everyMs: 6 * 3_600_000, keep: 2, filesDir }, { log, now: () => now });
		onTestFinished(() => scheduler.stop());

		const first = await scheduler.runNow();
		expect(first).toMatchObject({ files: 3, missingFiles: [] });
		expect(folderContents(`${first!.path}.files`)).toEqual(bytes); // not the orphan
		expect(log.log.mock.calls[0]![0]).toMatch(/, 3 attachment files \([\d.]+ (B|KB|MB)\) in .*\.db\.files$/);

		now = new Date('2026-11-23T12:00:00Z');
		await scheduler.runNow();
		expect(readdirSync(dir)).toHaveLength(4);

		now = new Date('2026-11-23T18:00:00Z');
		await scheduler.runNow();
		expect(log.log.mock.calls[2]![0]).toMatch(/removed 1 older/);
		const expected = ['12', '18'].map((h) => backupFileName(new Date(`2026-11-23T${h}:00:00Z`)));
		expect(readdirSync(dir).sort()).toEqual(expected.flatMap((f) => [f, `${f}.files`]).sort());
		expect(existsSync(`${first!.path}.files`)).toBe(false);
		expect(existsSync(join(filesDir, ORPHAN))).toBe(true); // the live folder is never touched
		expect(log.error).not.toHaveBeenCalled();
	});

	it('logs a backup with a file missing from the files folder as an error, and keeps it', async () => {
		const { database, source, dir, filesDir } = await setup();
		await addAttachments(database.$client, filesDir);
		rmSync(join(filesDir, PDF));
		const log = quietLog();
		const scheduler = new BackupScheduler({ source, dir, everyMs: 6 * 3_600_000, keep: 2, filesDir }, { log });
		onTestFinished(() => scheduler.stop());
		const report = await scheduler.runNow();
		expect(report?.missingFiles).toEqual([PDF]);
		expect(log.log).not.toHaveBeenCalled();
		expect(log.error.mock.calls[0]![0]).toMatch(new RegExp(`1 attachment file MISSING .*: ${PDF}$`));
		expect(scheduler.status().lastGood?.file).toBe(report!.path);
		expect(existsSync(report!.path)).toBe(true);
	});

	it('logs a failed backup as an error, reports it, and tries again sooner', async () => {
		const dir = join(tempDir(), 'backups');
		const log = quietLog();
		const scheduler = new BackupScheduler({ source: join(dir, '..', 'missing.db'), dir, everyMs: 24 * 3_600_000, keep: 3 }, { log });
		onTestFinished(() => scheduler.stop());
		expect(RETRY_AFTER_MS).toBeLessThan(24 * 3_600_000);
		expect(await scheduler.runNow()).toBeNull();
		expect(log.error).toHaveBeenCalledTimes(1);
		expect(log.error.mock.calls[0]![0]).toMatch(/backup .* FAILED: no database at .*missing\.db/);
		const status = scheduler.status();
		expect(status.lastGood).toBeNull();
		expect(status.lastFailure?.message).toMatch(/no database/);
		expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
	});

	it('says when the backups are overdue', async () => {
		const { source, dir, filesDir } = await setup();
		let now = new Date('2026-11-23T12:00:00Z');
		const scheduler = new BackupScheduler({ source, dir, everyMs: 3_600_000, keep: 3, filesDir }, { log: quietLog(), now: () => now });
		onTestFinished(() => scheduler.stop());
		await scheduler.runNow();
		expect(scheduler.status().overdue).toBe(false);
		now = new Date('2026-11-23T14:00:01Z');
		expect(scheduler.status().overdue).toBe(true);
	});
});
