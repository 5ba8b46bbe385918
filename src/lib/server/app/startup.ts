import { config } from '../config';
import { db } from '../db';
import { verifyPragmas } from '../db/client';
import { REQUEST_PATH_CHECKPOINT_PAGES, startCheckpointer } from '../db/checkpointer';
import { seedDemoIfEmpty } from './seed';
import { scheduleRetention } from '../access';
import { scheduleCheckins } from '../followup';
import { scheduleDeadlineNotices } from '../deadlines';
import { scheduleMeetingReminders } from '../plan';
import { writePidFile } from './pidfile';
import { ensureVapidKeys } from '../push';
import { scheduleSessionPurge } from '../auth';
import { backupPlanFromConfig, scheduleBackups } from '../backup';
import { scheduleAttachmentSweep } from '../attachments';
import { scheduleSignInPurge } from '../sign-in';

let started: Promise<void> | undefined;

/**
 * Runs once when the server starts: opens and migrates the database, refuses to go on unless
 * the required pragmas are in force, moves WAL checkpoints to a thread of their own, seeds the
 * demo municipality into an empty database and starts the timers (access-log retention, check-ins, meeting reminders, backups when BACKUP_DIR is set, attachment files no message refers to,
 * sign-ins begun and never finished).
 */
export function startServer(): Promise<void> {
	started ??= (async () => {
		const backups = backupPlanFromConfig(); // a backup configuration that cannot be read stops the start
		const database = db();
		verifyPragmas(database.$client);
		// WAL checkpoints on a thread of their own, not inside whichever request commits (db/checkpointer.ts).
		startCheckpointer(config.databasePath);
		database.$client.pragma(`wal_autocheckpoint = ${REQUEST_PATH_CHECKPOINT_PAGES}`);
		writePidFile(config.databasePath);
		if (config.demoSeed && (await seedDemoIfEmpty(database))) {
			console.log('Minvej: seeded the demo municipality (Eksempel Kommune)');
		}
		scheduleRetention();
		scheduleSessionPurge();
		scheduleSignInPurge();
		ensureVapidKeys();
		scheduleCheckins();
		scheduleDeadlineNotices();
		scheduleMeetingReminders();
		scheduleBackups(backups);
		scheduleAttachmentSweep();
	})();
	return started;
}
