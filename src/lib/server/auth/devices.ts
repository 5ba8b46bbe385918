/**
 * Devices a person has signed in on before: after a successful login the browser keeps a random
 * token in a long-lived httpOnly cookie, and the database keeps only its SHA-256 for that person.
 * Login throttling (throttle.ts) lets such a device through while strangers' failures hold the
 * account back elsewhere.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq } from 'drizzle-orm';
import { db } from '../db';
import { knownDevices } from '../db/schema';
import { newId } from '../ids';

export const DEVICE_COOKIE = 'minvej_device';
/** How long a device is remembered without a login on it. */
export const DEVICE_LIFETIME_MS = 400 * 24 * 60 * 60 * 1000;

const hashOf = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

/** The id of the known device this token is for this person, or null. */
export function knownDeviceId(userId: string | undefined, token: string | undefined, now = new Date()): string | null {
	if (!userId || !token || !TOKEN_PATTERN.test(token)) return null;
	const row = db()
		.select({ id: knownDevices.id, lastUsedAt: knownDevices.lastUsedAt })
		.from(knownDevices)
		.where(and(eq(knownDevices.tokenHash, hashOf(token)), eq(knownDevices.userId, userId)))
		.get();
	if (!row || now.getTime() - row.lastUsedAt.getTime() > DEVICE_LIFETIME_MS) return null;
	return row.id;
}

/**
 * After a successful login: remembers this device for the person (keeping the device's token if
 * it has one, so a shared family tablet is known to each of its people) and returns the token the
 * cookie should hold.
 */
export function rememberDevice(userId: string, token: string | undefined, now = new Date()): string {
	const kept = token && TOKEN_PATTERN.test(token) ? token : undefined;
	const fresh = kept ?? newToken();
	const tokenHash = hashOf(fresh);
	db()
		.insert(knownDevices)
		.values({ id: newId(), userId, tokenHash, createdAt: now, lastUsedAt: now })
		.onConflictDoUpdate({ target: [knownDevices.tokenHash, knownDevices.userId], set: { lastUsedAt: now } })
		.run();
	return fresh;
}

function newToken(): string {
	const bytes = new Uint8Array(20); // 160 bits
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}
