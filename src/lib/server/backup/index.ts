/**
 * Backups of the live database: one consistent, checked copy on demand (`npm run backup`) and
 * restore (`npm run restore`).
 */
export { takeBackup, describeBackup, formatBytes, BackupError, type BackupReport } from './take-backup';
export { restoreBackup, serverUsing, RestoreError, type RestoreReport } from './restore';
export { checkDatabaseFile, type CheckResult } from './sqlite-worker';
