import { json } from '@sveltejs/kit';
import { isHealthy } from '$lib/server/app';
import { backupStatus } from '$lib/server/backup';
import type { RequestHandler } from './$types';

/** The backups as monitoring needs them (kept in memory: no file system work per request). */
function backup() {
	const status = backupStatus();
	if (!status.configured) return { configured: false };
	return {
		configured: true,
		lastGoodAt: status.lastGood?.at.toISOString() ?? null,
		lastFailedAt: status.lastFailure?.at.toISOString() ?? null,
		overdue: status.overdue
	};
}

export const GET: RequestHandler = () =>
	isHealthy() ? json({ status: 'ok', backup: backup() }) : json({ status: 'unavailable' }, { status: 503 });
