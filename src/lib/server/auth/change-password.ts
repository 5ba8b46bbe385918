/**
 * A person changes their own password on their profile: the current one first (a phone left
 * unlocked on a table is not enough), then the new one by the same rules as at the invite. Every
 * other device is signed out, so a password that someone else knew stops working everywhere.
 * Guessing the current password is limited as at the login: 5 wrong in 15 minutes per person,
 * then 15 minutes' wait (rate-limiter-flexible, as throttle.ts).
 */
import { eq } from 'drizzle-orm';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { db } from '../db';
import { users } from '../db/schema';
import { checkNewPassword, hashPassword, verifyPassword, type PasswordProblem } from './password';
import { endOtherSessions } from './session';

export type ChangePasswordProblem = 'wrong_current' | 'throttled' | 'mismatch' | PasswordProblem;

const wrongCurrent = new RateLimiterMemory({ points: 5, duration: 15 * 60, blockDuration: 15 * 60, keyPrefix: 'change-password' });

/** Takes one try from the person's bucket; false when it is empty. */
async function mayTry(userId: string): Promise<boolean> {
	try {
		await wrongCurrent.consume(userId);
		return true;
	} catch (e) {
		if (e instanceof RateLimiterRes) return false;
		throw e;
	}
}

export async function changePassword(
	user: { id: string; username: string },
	currentSessionId: string,
	input: { current: string; next: string; repeat: string }
): Promise<{ ok: true; endedSessions: number } | { ok: false; problem: ChangePasswordProblem }> {
	if (!(await mayTry(user.id))) return { ok: false, problem: 'throttled' };
	const row = db().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
	if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, input.current))) return { ok: false, problem: 'wrong_current' };
	await wrongCurrent.reward(user.id);
	const problem = checkNewPassword(input.next, user.username);
	if (problem) return { ok: false, problem };
	if (input.next !== input.repeat) return { ok: false, problem: 'mismatch' };
	const passwordHash = await hashPassword(input.next);
	const endedSessions = db().transaction((tx) => {
		tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
		return endOtherSessions(user.id, currentSessionId);
	});
	return { ok: true, endedSessions };
}
