import { eq } from 'drizzle-orm';
import { db } from '../db';
import { users } from '../db/schema';
import { verifyAgainstNothing, verifyPassword } from './password';
import { createSession } from './session';
import { loginThrottle, type LoginThrottle } from './throttle';

export type LoginResult =
	| {
			ok: true;
			token: string;
			expiresAt: Date;
			role: (typeof users.$inferSelect)['role'];
	  }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export function normalizeUsername(username: string) {
	return username.trim().toLowerCase();
}

/**
 * Checks a username and password and starts a new session. The answer for an unknown username
 * is the same as for a wrong password, in content and in time.
 */
export async function logIn(
	username: string,
	password: string,
	clientAddress: string,
	throttle: LoginThrottle = loginThrottle
): Promise<LoginResult> {
	const name = normalizeUsername(username);
	const wait = await throttle.retryAfter(name, clientAddress);
	if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait };

	const user = name.length <= 100 ? db().select().from(users).where(eq(users.username, name)).get() : undefined;
	const valid =
		user?.passwordHash && !user.disabledAt ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password);
	if (!user || !valid) {
		await throttle.recordFailure(name, clientAddress);
		return { ok: false, reason: 'invalid' };
	}
	await throttle.recordSuccess(name);
	const { token, expiresAt } = createSession(user);
	return { ok: true, token, expiresAt, role: user.role };
}
