/**
 * Signing in with a passkey: the options for navigator.credentials.get (no username: the phone
 * offers the passkeys it keeps for this site), and the check of its answer. The challenge is used
 * once; the signature counter must rise when the phone keeps one (a copied passkey shows up as a
 * counter that does not); a disabled account is refused. Success starts a session like a login.
 */
import { generateAuthenticationOptions, verifyAuthenticationResponse, type AuthenticationResponseJSON } from '@simplewebauthn/server';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { passkeys, users } from '../db/schema';
import { createSession, rememberDevice } from '../auth';
import { challengeOf, storeChallenge, takeChallenge } from './challenges';
import { isCredentialJson, parseTransports } from './register';
import type { Site } from './site';

/** Only young people and parents use passkeys (staff sign in with their employer's login). */
const PASSKEY_ROLES = new Set(['youth', 'parent']);

export async function startPasskeySignIn(site: Site, now = new Date()) {
	const options = await generateAuthenticationOptions({ rpID: site.rpID, userVerification: 'required', allowCredentials: [] });
	storeChallenge('passkey-sign-in', options.challenge, null, now);
	return options;
}

export type PasskeySignIn =
	{ ok: true; token: string; expiresAt: Date; role: (typeof users.$inferSelect)['role']; deviceToken: string } | { ok: false };

/** Does the counter the phone reports now follow the stored one? (0 and 0: a phone that keeps none.) */
export function counterRises(stored: number, reported: number): boolean {
	if (stored === 0 && reported === 0) return true;
	return reported > stored;
}

export async function finishPasskeySignIn(site: Site, response: unknown, deviceToken?: string, now = new Date()): Promise<PasskeySignIn> {
	if (!isCredentialJson(response)) return { ok: false };
	const challenge = challengeOf(response.response.clientDataJSON);
	if (!challenge || !takeChallenge('passkey-sign-in', challenge, null, now)) return { ok: false };
	const row = db()
		.select({ passkey: passkeys, user: users })
		.from(passkeys)
		.innerJoin(users, eq(users.id, passkeys.userId))
		.where(eq(passkeys.id, response.id))
		.get();
	if (!row || row.user.disabledAt || !PASSKEY_ROLES.has(row.user.role)) return { ok: false };
	// The phone names the account it made the passkey for: it must be the passkey's.
	const userHandle = (response as AuthenticationResponseJSON).response.userHandle;
	if (userHandle && Buffer.from(userHandle, 'base64url').toString('utf8') !== row.user.id) return { ok: false };
	let verification;
	try {
		verification = await verifyAuthenticationResponse({
			response: response as AuthenticationResponseJSON,
			expectedChallenge: challenge,
			expectedOrigin: site.origin,
			expectedRPID: site.rpID,
			credential: {
				id: row.passkey.id,
				publicKey: new Uint8Array(row.passkey.publicKey),
				counter: row.passkey.counter,
				transports: parseTransports(row.passkey.transports)
			},
			requireUserVerification: true
		});
	} catch {
		return { ok: false };
	}
	const { newCounter } = verification.authenticationInfo;
	if (!verification.verified || !counterRises(row.passkey.counter, newCounter)) return { ok: false };
	db().update(passkeys).set({ counter: newCounter, lastUsedAt: now }).where(eq(passkeys.id, row.passkey.id)).run();
	const { token, expiresAt } = createSession(row.user, now);
	return { ok: true, token, expiresAt, role: row.user.role, deviceToken: rememberDevice(row.user.id, deviceToken, now) };
}
