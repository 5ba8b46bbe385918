/**
 * Sessions the Lucia way: the cookie holds `<id>.<secret>`; the database holds the id and only
 * the SHA-256 of the secret, compared in constant time. Sliding idle expiry plus an absolute
 * lifetime, shorter for staff (OWASP ASVS level 2), who see many young people's data.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { sessions, users, type Role, type User } from '../db/schema';
import { newId } from '../ids';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface SessionLimits {
	/** Ends after this long without a request. */
	idle: number;
	/** Ends this long after login, however active. */
	absolute: number;
}

/** Documented in README.md ("Sessions"). */
export const SESSION_LIMITS: Record<'staff' | 'personal', SessionLimits> = {
	staff: { idle: 30 * MINUTE, absolute: 12 * HOUR },
	personal: { idle: 14 * DAY, absolute: 60 * DAY }
};

export function limitsFor(role: Role): SessionLimits {
	return role === 'youth' || role === 'parent' ? SESSION_LIMITS.personal : SESSION_LIMITS.staff;
}

export const SESSION_COOKIE = 'minvej_session';

export type SessionUser = Pick<User, 'id' | 'username' | 'displayName' | 'role' | 'department' | 'birthDate'>;

export interface ValidSession {
	id: string;
	user: SessionUser;
	/** When the cookie should expire (the earlier of idle and absolute end). */
	expiresAt: Date;
}

function hashSecret(secret: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

/** Starts a new session (every login gets a fresh one) and returns the cookie token. */
export function createSession(user: Pick<User, 'id' | 'role'>, now = new Date()) {
	const id = newId(16); // 128 bits
	const secret = newId(20); // 160 bits
	db()
		.insert(sessions)
		.values({
			id,
			secretHash: hashSecret(secret),
			userId: user.id,
			createdAt: now,
			lastUsedAt: now
		})
		.run();
	const limits = limitsFor(user.role);
	return {
		token: `${id}.${secret}`,
		expiresAt: new Date(now.getTime() + Math.min(limits.idle, limits.absolute))
	};
}

/** Checks a cookie token; touches the session at most once per `idle / 30` to slide it. */
export function validateSession(token: string, now = new Date()): ValidSession | null {
	const [id, secret, ...rest] = token.split('.');
	if (!id || !secret || rest.length || id.length > 64 || secret.length > 64) return null;
	const row = db()
		.select({ session: sessions, user: users })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, id))
		.get();
	if (!row) return null;
	const expected = new TextEncoder().encode(row.session.secretHash);
	const given = new TextEncoder().encode(hashSecret(secret));
	if (!constantTimeEqual(expected, given)) return null;

	const limits = limitsFor(row.user.role);
	const t = now.getTime();
	const absoluteEnd = row.session.createdAt.getTime() + limits.absolute;
	const idleEnd = row.session.lastUsedAt.getTime() + limits.idle;
	if (row.user.disabledAt || t >= absoluteEnd || t >= idleEnd) {
		invalidateSession(id);
		return null;
	}
	let lastUsed = row.session.lastUsedAt.getTime();
	if (t - lastUsed >= limits.idle / 30) {
		db().update(sessions).set({ lastUsedAt: now }).where(eq(sessions.id, id)).run();
		lastUsed = t;
	}
	const { id: userId, username, displayName, role, department, birthDate } = row.user;
	return {
		id,
		user: { id: userId, username, displayName, role, department, birthDate },
		expiresAt: new Date(Math.min(absoluteEnd, lastUsed + limits.idle))
	};
}

export function invalidateSession(sessionId: string) {
	db().delete(sessions).where(eq(sessions.id, sessionId)).run();
}

export function invalidateUserSessions(userId: string) {
	db().delete(sessions).where(eq(sessions.userId, userId)).run();
}
