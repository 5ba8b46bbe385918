/**
 * How many consent changes one person may record a minute. Every record is kept for good, so one
 * person records at most CONSENT_CHANGES_PER_MINUTE changes a minute (rate-limiter-flexible, per
 * acting person). A yes (giving, co-signing, a yes to a guide's request) over the limit is refused
 * with the seconds to wait; a withdrawal is never refused (rule 3) but counts, and every withdrawal
 * follows a yes, so the records stay bounded. Only what is recorded counts: a repeated yes or a
 * refused change uses none.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Too many changes this minute: wait this many seconds. */
export type RateLimited = { ok: false; error: 'rate_limited'; retryAfter: number };

/** Documented in README.md ("Limits"). */
export const CONSENT_CHANGES_PER_MINUTE = 20;

const newLimiter = (perMinute: number) => new RateLimiterMemory({ keyPrefix: 'consent', points: perMinute, duration: 60 });
let limiter = newLimiter(CONSENT_CHANGES_PER_MINUTE);

/** For tests: another limit per minute. */
export function setConsentRateLimit(perMinute: number) {
	limiter = newLimiter(perMinute);
}

/**
 * Records a yes within the person's limit: one change is taken first (so that concurrent requests
 * cannot pass it together) and given back when nothing was recorded.
 */
export async function withinLimit<T extends { ok: boolean; changed?: boolean }>(
	actorId: string,
	change: () => T
): Promise<T | RateLimited> {
	try {
		await limiter.consume(actorId);
	} catch (e) {
		if (e instanceof RateLimiterRes) return { ok: false, error: 'rate_limited', retryAfter: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
		throw e;
	}
	let result: T | undefined;
	try {
		result = change();
		return result;
	} finally {
		if (!result?.ok || !result.changed) await limiter.reward(actorId, 1);
	}
}

/** A withdrawal that was recorded counts towards the limit, but is never refused for it. */
export async function countWithdrawal(actorId: string, result: { ok: boolean; changed?: boolean }) {
	if (result.ok && result.changed) await limiter.penalty(actorId, 1);
}
