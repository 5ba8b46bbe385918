/**
 * Sign-ins that were begun but never finished leave rows behind: a request's state and verifier
 * (sign_in_requests) and a verified identity waiting for its code (pending_links, with the
 * provider's subject for the person). Each new one tidies up its own table; this timer does both
 * every quarter of an hour, so nothing stays long after its time on a quiet day either.
 */
import { purgePendingLinks } from './link';
import { purgeSignInRequests } from './requests';

const QUARTER_HOUR_MS = 15 * 60_000;
let timer: ReturnType<typeof setInterval> | undefined;

/** Both purges now; returns how many rows went from each table. */
export function purgeUnfinishedSignIns(now = new Date()) {
	return { requests: purgeSignInRequests(now), pendingLinks: purgePendingLinks(now) };
}

/** Purges now and then every quarter of an hour while the server runs. */
export function scheduleSignInPurge() {
	purgeUnfinishedSignIns();
	timer ??= setInterval(() => purgeUnfinishedSignIns(), QUARTER_HOUR_MS);
	timer.unref();
}
