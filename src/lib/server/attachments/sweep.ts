import { db } from '../db';
import { messageAttachments } from '../db/schema';
import { storedIds, sweepFiles } from './files';

/** Removes attachment files whose row is gone (see files.ts, sweepFiles). */
export function sweepAttachmentFiles(now = Date.now()): number {
	if (!storedIds().length) return 0;
	const known = new Set(
		db()
			.select({ id: messageAttachments.id })
			.from(messageAttachments)
			.all()
			.map((r) => r.id)
	);
	return sweepFiles((id) => known.has(id), now);
}

let timer: ReturnType<typeof setInterval> | undefined;

/** Sweeps now and then every six hours while the server runs. */
export function scheduleAttachmentSweep() {
	const sweep = () => {
		try {
			sweepAttachmentFiles();
		} catch (e) {
			console.error('Minvej: sweeping attachment files failed', e);
		}
	};
	sweep();
	timer ??= setInterval(sweep, 6 * 60 * 60 * 1000);
	timer.unref();
}
