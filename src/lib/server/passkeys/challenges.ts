/**
 * Passkey challenges: each one is stored in `sign_in_requests` (kind 'passkey-register' with the
 * person adding a passkey, or 'passkey-sign-in'), lives a few minutes and is used once. Taking one
 * marks it used in the same statement that finds it, so two answers to one challenge cannot both
 * get through.
 */
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { db } from '../db';
import { signInRequests } from '../db/schema';

/** How long a challenge may be answered. */
export const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;

type ChallengeKind = 'passkey-register' | 'passkey-sign-in';

/** Stores a challenge (the library's random 32 bytes, base64url) for one use. */
export function storeChallenge(kind: ChallengeKind, challenge: string, userId: string | null, now = new Date()): void {
	// Old ones go on the way: nobody can answer them any more.
	db()
		.delete(signInRequests)
		.where(lt(signInRequests.expiresAt, new Date(now.getTime() - CHALLENGE_LIFETIME_MS)))
		.run();
	db()
		.insert(signInRequests)
		.values({ id: challenge, kind, userId, createdAt: now, expiresAt: new Date(now.getTime() + CHALLENGE_LIFETIME_MS) })
		.run();
}

/**
 * Takes a challenge: true when it is of this kind (and, for a registration, this person's), not
 * expired and not used before; it is marked used whatever follows.
 */
export function takeChallenge(kind: ChallengeKind, challenge: string, userId: string | null, now = new Date()): boolean {
	if (!challenge || challenge.length > 128) return false;
	const taken = db()
		.update(signInRequests)
		.set({ usedAt: now })
		.where(
			and(
				eq(signInRequests.id, challenge),
				eq(signInRequests.kind, kind),
				isNull(signInRequests.usedAt),
				gt(signInRequests.expiresAt, now),
				userId === null ? isNull(signInRequests.userId) : eq(signInRequests.userId, userId)
			)
		)
		.run();
	return taken.changes === 1;
}

/** The challenge an authenticator's answer signed (from its clientDataJSON), or null. */
export function challengeOf(clientDataJSON: unknown): string | null {
	if (typeof clientDataJSON !== 'string' || clientDataJSON.length > 4000) return null;
	try {
		const text = Buffer.from(clientDataJSON, 'base64url').toString('utf8');
		const data: unknown = JSON.parse(text);
		const challenge = data && typeof data === 'object' ? (data as { challenge?: unknown }).challenge : null;
		return typeof challenge === 'string' ? challenge : null;
	} catch {
		return null;
	}
}
