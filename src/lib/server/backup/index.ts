/**
 * Backups of the live database and the attachment files it refers to (beside it in
 * `<backup>.files/`): one consistent, checked copy on demand (`npm run backup`), the server's own
 * schedule (BACKUP_DIR, BACKUP_EVERY, BACKUP_KEEP) and restore (`npm run restore`).
 */
export { takeBackup, describeBackup, formatBytes, BackupError, type BackupReport } from './take-backup';
export { restoreBackup, serverUsing, RestoreError, type RestoreReport } from './restore';
export { checkDatabaseFile, attachmentFilesOf, type CheckResult, type AttachmentFileRef } from './sqlite-worker';
export { filesFolderOf } from './attachment-files';
export { parseInterval } from './interval';
export {
	BackupScheduler,
	backupPlanFrom,
	backupFileName,
	listBackups,
	pruneBackups,
	BackupConfigError,
	DEFAULT_KEEP,
	RETRY_AFTER_MS,
	type BackupPlan,
	type BackupStatus,
	type GoodBackup
} from './schedule';
export { scheduleBackups, backupPlanFromConfig, backupStatus } from './server-backups';
