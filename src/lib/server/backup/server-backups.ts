/** The running server's one backup schedule (started by app/startup.ts), and what it reports. */
import { config } from '../config';
import { BackupScheduler, backupPlanFrom, type BackupPlan, type BackupStatus } from './schedule';

let scheduler: BackupScheduler | undefined;

/** The schedule the environment asks for (null: none); throws on a half or unreadable configuration. */
export function backupPlanFromConfig(): BackupPlan | null {
	return backupPlanFrom({
		databasePath: config.databasePath,
		filesDir: config.filesDir,
		backupDir: config.backupDir,
		backupEvery: config.backupEvery,
		backupKeep: config.backupKeep
	});
}

/** Starts the server's backup schedule, if there is one. */
export function scheduleBackups(plan = backupPlanFromConfig()) {
	if (!plan) return;
	scheduler ??= new BackupScheduler(plan);
	scheduler.start();
}

const OFF: BackupStatus = { configured: false, everyMs: null, keep: null, lastGood: null, lastFailure: null, overdue: false };

/** Where the backups stand; cheap (kept in memory), so /healthz may ask on every request. */
export function backupStatus(): BackupStatus {
	return scheduler?.status() ?? OFF;
}
