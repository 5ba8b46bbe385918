/**
 * Adding a passkey ("use this phone's screen lock next time"): the options the browser hands the
 * phone, and the check of what the phone answers (@simplewebauthn/server does the WebAuthn
 * checks: challenge, origin, RP id, user verification, signature). The passkey is discoverable,
 * so signing in later needs no username.
 */
import { generateRegistrationOptions, verifyRegistrationResponse, type RegistrationResponseJSON } from '@simplewebauthn/server';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { passkeys } from '../db/schema';
import { authorizeGlobal, type Actor } from '../access';
import { challengeOf, storeChallenge, takeChallenge } from './challenges';
import { deviceLabel, type Site } from './site';

/** The most passkeys one person keeps (a phone or two, a tablet). */
export const MAX_PASSKEYS = 10;

/** The options for navigator.credentials.create (JSON), with a new single-use challenge. */
export async function startPasskeyRegistration(actor: Actor, site: Site, now = new Date()) {
	authorizeGlobal(actor, 'passkeys.own');
	const existing = db()
		.select({ id: passkeys.id, transports: passkeys.transports })
		.from(passkeys)
		.where(eq(passkeys.userId, actor.id))
		.all();
	const options = await generateRegistrationOptions({
		rpName: site.name,
		rpID: site.rpID,
		userName: actor.username,
		userDisplayName: actor.displayName,
		userID: new TextEncoder().encode(actor.id),
		attestationType: 'none',
		// The same phone is not added twice.
		excludeCredentials: existing.map((p) => ({ id: p.id, transports: parseTransports(p.transports) })),
		authenticatorSelection: { residentKey: 'required', userVerification: 'required' }
	});
	storeChallenge('passkey-register', options.challenge, actor.id, now);
	return options;
}

export type RegistrationProblem = 'invalid' | 'too_many';

/** Checks the phone's answer and keeps the passkey; the challenge is used up either way. */
export async function finishPasskeyRegistration(
	actor: Actor,
	site: Site,
	response: unknown,
	userAgent: string | null,
	now = new Date()
): Promise<{ ok: true; id: string } | { ok: false; problem: RegistrationProblem }> {
	authorizeGlobal(actor, 'passkeys.own');
	if (!isCredentialJson(response)) return { ok: false, problem: 'invalid' };
	const challenge = challengeOf(response.response.clientDataJSON);
	if (!challenge || !takeChallenge('passkey-register', challenge, actor.id, now)) return { ok: false, problem: 'invalid' };
	let verification;
	try {
		verification = await verifyRegistrationResponse({
			response: response as RegistrationResponseJSON,
			expectedChallenge: challenge,
			expectedOrigin: site.origin,
			expectedRPID: site.rpID,
			requireUserVerification: true
		});
	} catch {
		return { ok: false, problem: 'invalid' };
	}
	if (!verification.verified) return { ok: false, problem: 'invalid' };
	const { credential } = verification.registrationInfo;
	return db().transaction((tx) => {
		const count = tx.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, actor.id)).all().length;
		if (count >= MAX_PASSKEYS) return { ok: false as const, problem: 'too_many' as const };
		if (tx.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.id, credential.id)).get()) {
			return { ok: false as const, problem: 'invalid' as const };
		}
		tx.insert(passkeys)
			.values({
				id: credential.id,
				userId: actor.id,
				publicKey: Buffer.from(credential.publicKey),
				counter: credential.counter,
				transports: credential.transports ? JSON.stringify(credential.transports.slice(0, 8)) : null,
				label: deviceLabel(userAgent),
				createdAt: now
			})
			.run();
		return { ok: true as const, id: credential.id };
	});
}

/** The shape of a WebAuthn credential as @simplewebauthn/browser sends it (checked before use). */
export function isCredentialJson(
	value: unknown
): value is { id: string; rawId: string; type: string; response: { clientDataJSON: string } } {
	if (!value || typeof value !== 'object') return false;
	const v = value as Record<string, unknown>;
	const response = v.response as Record<string, unknown> | undefined;
	return (
		typeof v.id === 'string' &&
		v.id.length > 0 &&
		v.id.length <= 1024 &&
		typeof v.rawId === 'string' &&
		v.type === 'public-key' &&
		!!response &&
		typeof response === 'object' &&
		typeof response.clientDataJSON === 'string'
	);
}

export function parseTransports(stored: string | null) {
	if (!stored) return undefined;
	try {
		const list: unknown = JSON.parse(stored);
		return Array.isArray(list)
			? (list.filter((t) => typeof t === 'string') as NonNullable<RegistrationResponseJSON['response']['transports']>)
			: undefined;
	} catch {
		return undefined;
	}
}
