/**
 * Sign-ins under way (sign_in_requests): the OIDC `state` with its PKCE verifier and nonce (and,
 * later, a SAML request id). Short-lived and single use: taking one marks it used in the same
 * statement, so a second callback with the same state finds nothing.
 */
import { and, eq, gt, isNull, lte, or, isNotNull } from 'drizzle-orm';
import { db } from '../db';
import { signInRequests, type SignInAudience, type SignInRequest, type SignInRequestKind } from '../db/schema';

export const REQUEST_LIFETIME_MS = 10 * 60_000;

export function saveSignInRequest(
	request: {
		id: string;
		kind: SignInRequestKind;
		audience: SignInAudience;
		codeVerifier?: string;
		nonce?: string;
		returnTo?: string | null;
	},
	now = new Date()
) {
	purgeSignInRequests(now);
	db()
		.insert(signInRequests)
		.values({
			id: request.id,
			kind: request.kind,
			audience: request.audience,
			codeVerifier: request.codeVerifier ?? null,
			nonce: request.nonce ?? null,
			returnTo: request.returnTo ?? null,
			createdAt: now,
			expiresAt: new Date(now.getTime() + REQUEST_LIFETIME_MS)
		})
		.run();
}

/**
 * The request with this id, of this kind and audience, if it is open (not used, not expired); it
 * is used up by this call. Null for anything else, indistinguishably.
 */
export function takeSignInRequest(id: string, kind: SignInRequestKind, audience: SignInAudience, now = new Date()): SignInRequest | null {
	if (!id || id.length > 128) return null;
	const row = db()
		.update(signInRequests)
		.set({ usedAt: now })
		.where(
			and(
				eq(signInRequests.id, id),
				eq(signInRequests.kind, kind),
				eq(signInRequests.audience, audience),
				isNull(signInRequests.usedAt),
				gt(signInRequests.expiresAt, now)
			)
		)
		.returning()
		.get();
	return row ?? null;
}

/** Forgets requests that are used or past their time (each new request tidies up, and scheduleSignInPurge). */
export function purgeSignInRequests(now = new Date()): number {
	return db()
		.delete(signInRequests)
		.where(or(isNotNull(signInRequests.usedAt), lte(signInRequests.expiresAt, now)))
		.run().changes;
}
