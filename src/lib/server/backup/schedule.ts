/**
 * The server's own backups: with BACKUP_DIR and BACKUP_EVERY set, it copies its database into
 * BACKUP_DIR every BACKUP_EVERY, keeps the newest BACKUP_KEEP copies and knows when its last good
 * backup was (shown on /healthz and to the coordinator). A failed backup is logged as an error and
 * tried again sooner than the interval. Each backup's attachment files lie beside it in
 * `<backup>.files/` and go when it goes.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeBackup, takeBackup, type BackupReport } from './take-backup';
import { filesFolderOf } from './attachment-files';
import { parseInterval } from './interval';

export interface BackupPlan {
	/** The live database. */
	source: string;
	dir: string;
	everyMs: number;
	/** How many backups to keep (the newest). */
	keep: number;
	/** The attachment files (DATA_DIR); config.filesDir when not given. */
	filesDir?: string;
}

export interface GoodBackup {
	/** When the copy was taken (it holds the database as it was then). */
	at: Date;
	file: string;
	bytes: number;
	/** How long it took; unknown for a backup found on disk at start-up. */
	durationMs: number | null;
}

export interface BackupStatus {
	configured: boolean;
	everyMs: number | null;
	keep: number | null;
	lastGood: GoodBackup | null;
	/** The last attempt that failed, when it came after the last good backup. */
	lastFailure: { at: Date; message: string } | null;
	/** No good backup for more than twice the interval. */
	overdue: boolean;
}

/** A failed backup is tried again after this long (or the interval, if that is shorter). */
export const RETRY_AFTER_MS = 30 * 60_000;
/** setTimeout's longest delay is about 24.8 days; longer waits are taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const NAME = /^minvej-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.db$/;

/** `minvej-2026-11-23T06-00-00-000Z.db`: sorts by time, and says when the copy was taken. */
export function backupFileName(at: Date): string {
	return `minvej-${at.toISOString().replace(/[:.]/g, '-')}.db`;
}

/** The backups in `dir` made by the schedule, newest first. Other files are never touched. */
export function listBackups(dir: string): Array<{ file: string; path: string; at: Date; bytes: number }> {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.map((file) => ({ file, match: NAME.exec(file) }))
		.filter((f): f is { file: string; match: RegExpExecArray } => f.match !== null)
		.map(({ file, match }) => {
			const [, day, h, m, s, ms] = match;
			const path = join(dir, file);
			return { file, path, at: new Date(`${day}T${h}:${m}:${s}.${ms}Z`), bytes: statSync(path).size };
		})
		.sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** Removes all but the newest `keep` backups, each with its `.files` folder; returns the removed file names. */
export function pruneBackups(dir: string, keep: number): string[] {
	const old = listBackups(dir).slice(keep);
	for (const b of old) {
		// The database first: a backup whose folder went first would look whole but lack its files.
		rmSync(b.path, { force: true });
		rmSync(filesFolderOf(b.path), { recursive: true, force: true });
	}
	return old.map((b) => b.file);
}

/**
 * What a backup cut short by a crash or a stop left in `dir` (it never counted): `<name>.partial`,
 * `<name>.files.partial/`, and a `<name>.files/` whose `<name>` is not there (renamed before it).
 */
function leftovers(dir: string): string[] {
	const files = new Set(readdirSync(dir));
	return [...files].filter((file) => {
		const base = file.replace(/\.partial$/, '').replace(/\.files$/, '');
		if (!NAME.test(base)) return false;
		if (file.endsWith('.partial')) return true;
		return file.endsWith('.files') && !files.has(base);
	});
}

type Log = Pick<Console, 'log' | 'error'>;

export class BackupScheduler {
	private timer: ReturnType<typeof setTimeout> | undefined;
	private running: Promise<BackupReport | null> | undefined;
	private lastGood: GoodBackup | null = null;
	private lastFailure: { at: Date; message: string } | null = null;
	private startedAt: Date | null = null;

	constructor(
		readonly plan: BackupPlan,
		private readonly options: { log?: Log; now?: () => Date } = {}
	) {}

	private now() {
		return this.options.now?.() ?? new Date();
	}
	private get log(): Log {
		return this.options.log ?? console;
	}

	/** Finds the last good backup on disk, clears half-written ones and plans the next backup. */
	start() {
		if (this.startedAt) return;
		this.startedAt = this.now();
		mkdirSync(this.plan.dir, { recursive: true });
		for (const file of leftovers(this.plan.dir)) rmSync(join(this.plan.dir, file), { recursive: true, force: true });
		const newest = listBackups(this.plan.dir)[0];
		if (newest) this.lastGood = { at: newest.at, file: newest.path, bytes: newest.bytes, durationMs: null };
		const due = this.lastGood ? this.lastGood.at.getTime() + this.plan.everyMs - this.now().getTime() : 0;
		this.wait(Math.max(0, due));
	}

	stop() {
		clearTimeout(this.timer);
		this.timer = undefined;
		this.startedAt = null;
	}

	private wait(ms: number) {
		clearTimeout(this.timer);
		const step = Math.min(ms, MAX_TIMER_MS);
		this.timer = setTimeout(() => {
			if (step < ms) return this.wait(ms - step);
			void this.runNow();
		}, step);
		this.timer.unref?.();
	}

	/** Takes a backup now (or joins the one under way), prunes old ones and plans the next. */
	runNow(): Promise<BackupReport | null> {
		this.running ??= this.attempt().finally(() => (this.running = undefined));
		return this.running;
	}

	private async attempt(): Promise<BackupReport | null> {
		const at = this.now();
		try {
			mkdirSync(this.plan.dir, { recursive: true });
			const report = await takeBackup(this.plan.source, join(this.plan.dir, backupFileName(at)), { filesDir: this.plan.filesDir });
			this.lastGood = { at, file: report.path, bytes: report.bytes, durationMs: report.durationMs };
			this.lastFailure = null;
			const removed = pruneBackups(this.plan.dir, this.plan.keep);
			const line = `Minvej: backup ${describeBackup(report)}${removed.length ? `; removed ${removed.length} older` : ''}`;
			// Kept (the database and the other files are good), but someone must look.
			if (report.missingFiles.length) this.log.error(line);
			else this.log.log(line);
			if (this.startedAt) this.wait(this.plan.everyMs);
			return report;
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			this.lastFailure = { at, message };
			this.log.error(`Minvej: the scheduled backup to ${this.plan.dir} FAILED: ${message}`);
			if (this.startedAt) this.wait(Math.min(this.plan.everyMs, RETRY_AFTER_MS));
			return null;
		}
	}

	status(): BackupStatus {
		const since = this.lastGood?.at ?? this.startedAt ?? this.now();
		return {
			configured: true,
			everyMs: this.plan.everyMs,
			keep: this.plan.keep,
			lastGood: this.lastGood,
			lastFailure: this.lastFailure,
			overdue: this.now().getTime() - since.getTime() > 2 * this.plan.everyMs
		};
	}
}

export class BackupConfigError extends Error {
	override name = 'BackupConfigError';
}

/**
 * The schedule from BACKUP_DIR, BACKUP_EVERY and BACKUP_KEEP; null when neither of the first two is
 * set. Half a configuration or a value that cannot be read is an error: the server must not run
 * believing it takes backups when it does not.
 */
export function backupPlanFrom(env: {
	databasePath: string;
	filesDir?: string;
	backupDir?: string;
	backupEvery?: string;
	backupKeep?: string;
}): BackupPlan | null {
	const { backupDir, backupEvery, backupKeep } = env;
	if (!backupDir && !backupEvery) return null;
	if (!backupDir) throw new BackupConfigError('BACKUP_EVERY is set but BACKUP_DIR is not: set both to take backups, or neither.');
	if (!backupEvery) throw new BackupConfigError('BACKUP_DIR is set but BACKUP_EVERY is not: set it to e.g. 6h (or 30m, 1d).');
	const everyMs = parseInterval(backupEvery);
	if (everyMs === null) throw new BackupConfigError(`BACKUP_EVERY=${backupEvery} is not an interval like 30m, 6h or 1d.`);
	const keep = backupKeep === undefined ? DEFAULT_KEEP : Number(backupKeep);
	if (!Number.isInteger(keep) || keep < 1) throw new BackupConfigError(`BACKUP_KEEP=${backupKeep} must be a whole number of 1 or more.`);
	const plan: BackupPlan = { source: resolve(env.databasePath), dir: resolve(backupDir), everyMs, keep };
	if (env.filesDir) plan.filesDir = resolve(env.filesDir);
	return plan;
}

export const DEFAULT_KEEP = 7;
