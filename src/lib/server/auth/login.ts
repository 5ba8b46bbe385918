import { eq } from 'drizzle-orm';
import { db } from '../db';
import { users } from '../db/schema';
import { knownDeviceId, rememberDevice } from './devices';
import { verifyAgainstNothing, verifyPassword } from './password';
import { createSession } from './session';
import { loginThrottle, type LoginThrottle } from './throttle';

export type LoginResult =
	| {
			ok: true;
			token: string;
			expiresAt: Date;
			role: (typeof users.$inferSelect)['role'];
			/** The known-device token for the cookie (kept or new). */
			deviceToken: string;
	  }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * The one spelling of a username: Unicode-normalised (NFKC), trimmed and lower-case. Used for
 * the lookup, the throttle's buckets and new accounts alike, so ' OLIVER' and 'oliver' are one
 * account everywhere.
 */
export function normalizeUsername(username: string) {
	return username.normalize('NFKC').trim().toLowerCase();
}

/**
 * Checks a username and password and starts a new session. The attempt is counted before the
 * password is checked (throttle.ts). The answer for an unknown username is the same as for a
 * wrong password, in content and in time.
 */
export async function logIn(
	username: string,
	password: string,
	clientAddress: string,
	deviceToken?: string,
	throttle: LoginThrottle = loginThrottle
): Promise<LoginResult> {
	const name = normalizeUsername(username);
	const user = name.length <= 100 ? db().select().from(users).where(eq(users.username, name)).get() : undefined;
	const attempt = { username: name.slice(0, 100), address: clientAddress, deviceId: knownDeviceId(user?.id, deviceToken) };
	const wait = await throttle.take(attempt);
	if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait };

	const valid =
		user?.passwordHash && !user.disabledAt ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password);
	if (!user || !valid) return { ok: false, reason: 'invalid' };
	await throttle.succeeded(attempt);
	const { token, expiresAt } = createSession(user);
	return { ok: true, token, expiresAt, role: user.role, deviceToken: rememberDevice(user.id, deviceToken) };
}
