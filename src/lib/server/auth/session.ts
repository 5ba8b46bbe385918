/**
 * Sessions the Lucia way: the cookie holds `<id>.<secret>`; the database holds the id and only
 * the SHA-256 of the secret, compared in constant time. Sliding idle expiry plus an absolute
 * lifetime, shorter for staff (OWASP ASVS level 2), who see many young people's data.
 *
 * Each session remembers the device it was made on (device.ts), so that a person can see where
 * they are signed in and end any of those sessions, or all (/settings/sessions). Sessions past
 * their limits are deleted at start-up and every half hour (scheduleSessionPurge).
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, desc, eq, inArray, isNotNull, lte, ne, notInArray, or, sql } from 'drizzle-orm';
import { db, prepareOnce } from '../db';
import { sessions, users, type Role, type User } from '../db/schema';
import { newId } from '../ids';
import { describeDevice, deviceParts } from './device';

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

/** Young people and parents keep the longer sessions; everyone else is staff. */
const PERSONAL_ROLES: Role[] = ['youth', 'parent'];

export function limitsFor(role: Role): SessionLimits {
	return PERSONAL_ROLES.includes(role) ? SESSION_LIMITS.personal : SESSION_LIMITS.staff;
}

export const SESSION_COOKIE = 'minvej_session';

export type SessionUser = Pick<User, 'id' | 'username' | 'displayName' | 'role' | 'department' | 'birthDate'>;

export interface ValidSession {
	id: string;
	user: SessionUser;
	/** When the cookie should expire (the earlier of idle and absolute end). */
	expiresAt: Date;
	/** The language stored on the account (issue 16), or null if the person never chose one. */
	locale: string | null;
}

function hashSecret(secret: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

/** An outside provider's sign-in (issue 19): its key (e.g. `oidc-citizen`) and what its logout needs. */
export interface SessionOrigin {
	signInProvider: string;
	logoutHint: string | null;
}

/** Starts a new session (every login gets a fresh one) and returns the cookie token. */
export function createSession(user: Pick<User, 'id' | 'role'>, now = new Date(), origin?: SessionOrigin) {
	const id = newId(16); // 128 bits
	const secret = newId(20); // 160 bits
	db()
		.insert(sessions)
		.values({
			id,
			secretHash: hashSecret(secret),
			userId: user.id,
			createdAt: now,
			lastUsedAt: now,
			signInProvider: origin?.signInProvider ?? null,
			logoutHint: origin?.logoutHint ?? null
		})
		.run();
	const limits = limitsFor(user.role);
	return {
		token: `${id}.${secret}`,
		expiresAt: new Date(now.getTime() + Math.min(limits.idle, limits.absolute))
	};
}

/** Every request asks this: built once (issue 23), and only the columns a session needs (no password hash). */
const sessionById = prepareOnce((database) =>
	database
		.select({
			session: { secretHash: sessions.secretHash, createdAt: sessions.createdAt, lastUsedAt: sessions.lastUsedAt },
			user: {
				id: users.id,
				username: users.username,
				displayName: users.displayName,
				role: users.role,
				department: users.department,
				birthDate: users.birthDate,
				locale: users.locale,
				disabledAt: users.disabledAt
			}
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare()
);

const touchSession = prepareOnce((database) =>
	database
		.update(sessions)
		.set({ lastUsedAt: sql`${sql.placeholder('lastUsedAt')}` })
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare()
);

/** Checks a cookie token; touches the session at most once per `idle / 30` to slide it. */
export function validateSession(token: string, now = new Date()): ValidSession | null {
	const [id, secret, ...rest] = token.split('.');
	if (!id || !secret || rest.length || id.length > 64 || secret.length > 64) return null;
	const row = sessionById().get({ id });
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
		touchSession().run({ id, lastUsedAt: now.getTime() });
		lastUsed = t;
	}
	const { id: userId, username, displayName, role, department, birthDate } = row.user;
	return {
		id,
		user: { id: userId, username, displayName, role, department, birthDate },
		locale: row.user.locale,
		expiresAt: new Date(Math.min(absoluteEnd, lastUsed + limits.idle))
	};
}

/** Which outside provider made a session, and its logout hint (null for a password or passkey sign-in). */
export function sessionOrigin(sessionId: string): SessionOrigin | null {
	const row = db()
		.select({ signInProvider: sessions.signInProvider, logoutHint: sessions.logoutHint })
		.from(sessions)
		.where(eq(sessions.id, sessionId))
		.get();
	return row?.signInProvider ? { signInProvider: row.signInProvider, logoutHint: row.logoutHint } : null;
}

export function invalidateSession(sessionId: string) {
	db().delete(sessions).where(eq(sessions.id, sessionId)).run();
}

export function invalidateUserSessions(userId: string) {
	db().delete(sessions).where(eq(sessions.userId, userId)).run();
}

/** Remembers the device a new session was made on (from its User-Agent; see device.ts). */
export function recordSessionDevice(sessionId: string, userAgent: string | null) {
	db()
		.update(sessions)
		.set({ device: describeDevice(userAgent) })
		.where(eq(sessions.id, sessionId))
		.run();
}

/**
 * Deletes every session past its idle or absolute limit (by its person's role), and those of
 * disabled accounts; returns how many went. validateSession refuses them anyway: this keeps the
 * table to sessions that can still be used.
 */
export function purgeExpiredSessions(now = new Date()): number {
	const t = now.getTime();
	const before = (ms: number) => new Date(t - ms);
	const staff = SESSION_LIMITS.staff;
	const personal = SESSION_LIMITS.personal;
	const personalUsers = db().select({ id: users.id }).from(users).where(inArray(users.role, PERSONAL_ROLES));
	const disabledUsers = db().select({ id: users.id }).from(users).where(isNotNull(users.disabledAt));
	return db()
		.delete(sessions)
		.where(
			or(
				// Past the longer limits, whoever it is (the index on last_used_at finds most of them).
				lte(sessions.lastUsedAt, before(personal.idle)),
				lte(sessions.createdAt, before(personal.absolute)),
				// Past the staff limits, for everyone who is not a young person or a parent.
				and(
					notInArray(sessions.userId, personalUsers),
					or(lte(sessions.lastUsedAt, before(staff.idle)), lte(sessions.createdAt, before(staff.absolute)))
				),
				inArray(sessions.userId, disabledUsers)
			)
		)
		.run().changes;
}

let purgeTimer: ReturnType<typeof setInterval> | undefined;

/** Purges now and then every half hour (the staff's idle limit) while the server runs. */
export function scheduleSessionPurge() {
	purgeExpiredSessions();
	purgeTimer ??= setInterval(() => purgeExpiredSessions(), 30 * MINUTE);
	purgeTimer.unref();
}

/** A session as its person sees it in "signed in on these devices": never its id or secret. */
export interface SessionView {
	/** Names the session in a form (a hash of its id): useless for signing in. */
	handle: string;
	browser: string | null;
	system: string | null;
	createdAt: Date;
	lastUsedAt: Date;
	/** The session this request came with. */
	current: boolean;
}

const handleOf = (sessionId: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(`session:${sessionId}`))).slice(0, 32);

/** The person's sessions that are still live, this one first, then by the latest use. */
export function listSessions(userId: string, currentSessionId: string | null, now = new Date()): SessionView[] {
	const row = db().select({ role: users.role }).from(users).where(eq(users.id, userId)).get();
	if (!row) return [];
	const limits = limitsFor(row.role);
	const t = now.getTime();
	return db()
		.select()
		.from(sessions)
		.where(eq(sessions.userId, userId))
		.orderBy(desc(sessions.lastUsedAt))
		.all()
		.filter((s) => t < s.createdAt.getTime() + limits.absolute && t < s.lastUsedAt.getTime() + limits.idle)
		.map((s) => ({
			handle: handleOf(s.id),
			...deviceParts(s.device),
			createdAt: s.createdAt,
			lastUsedAt: s.lastUsedAt,
			current: s.id === currentSessionId
		}))
		.sort((a, b) => Number(b.current) - Number(a.current));
}

/** Ends one of the person's other sessions, named by its handle; false when there is none such. */
export function endSessionByHandle(userId: string, currentSessionId: string, handle: string): boolean {
	const target = db()
		.select({ id: sessions.id })
		.from(sessions)
		.where(and(eq(sessions.userId, userId), ne(sessions.id, currentSessionId)))
		.all()
		.find((s) => handleOf(s.id) === handle);
	if (!target) return false;
	invalidateSession(target.id);
	return true;
}

/** Ends all of the person's sessions but this one ("log out everywhere else"); returns how many. */
export function endOtherSessions(userId: string, currentSessionId: string): number {
	return db()
		.delete(sessions)
		.where(and(eq(sessions.userId, userId), ne(sessions.id, currentSessionId)))
		.run().changes;
}

/** Ends all of the person's sessions, this one too ("log out everywhere"); returns how many. */
export function endAllSessions(userId: string): number {
	return db().delete(sessions).where(eq(sessions.userId, userId)).run().changes;
}
