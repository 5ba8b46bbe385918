/**
 * Keeps the access log no longer than the municipality's retention period (settings,
 * default 183 days ≈ six months). The database itself refuses to delete younger entries.
 */
import { lt } from 'drizzle-orm';
import { db } from '../db';
import { accessLog } from '../db/schema';
import { getSettings } from '../settings';

const DAY = 86_400_000;

/** Deletes access-log entries older than the retention period; returns how many went. */
export function purgeExpiredAccessLog(now = new Date()): number {
	const { accessLogRetentionDays } = getSettings();
	// One minute of margin so the database trigger, which uses its own clock, never objects.
	const cutoff = new Date(now.getTime() - accessLogRetentionDays * DAY - 60_000);
	return db().delete(accessLog).where(lt(accessLog.createdAt, cutoff)).run().changes;
}

let timer: ReturnType<typeof setInterval> | undefined;

/** Purges now and then every six hours while the server runs. */
export function scheduleRetention() {
	purgeExpiredAccessLog();
	timer ??= setInterval(() => purgeExpiredAccessLog(), 6 * 60 * 60 * 1000);
	timer.unref();
}
