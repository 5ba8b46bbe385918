/**
 * The linking core, the same for every protocol (OIDC now, SAML later): what happens once a
 * provider has vouched for a person. A citizen (young person or parent) whose identity is linked
 * goes straight in; one whose identity is not linked yet is held as a pending link while they
 * type their invite or sign-in code once (nobody is matched by name). Staff are matched by the
 * value the municipality chose (e.g. the e-mail) to an existing, enabled staff account; an
 * unknown identity is refused, never created on the fly.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { db, type Tx } from '../db';
import { linkedSignIns, pendingLinks, users, type Role, type SignInAudience, type SignInProtocol, type User } from '../db/schema';
import { newId } from '../ids';
import { claimWithCode } from '../people';

/** A person an identity provider has vouched for (its checks done by the protocol's library). */
export interface VerifiedIdentity {
	protocol: SignInProtocol;
	audience: SignInAudience;
	/** The provider's issuer (OIDC) or entity id (SAML). */
	issuer: string;
	/** The provider's stable identifier of the person (never a CPR number). */
	subject: string;
	/** What the person sees in their list of linked sign-ins (the provider's button text). */
	label: string;
	/** What the provider's logout needs (OIDC: the id_token). */
	logoutHint: string | null;
	/** Staff: the value matched to a staff account's external login (e.g. the e-mail). */
	matchValue?: string | null;
}

export const CITIZEN_ROLES: Role[] = ['youth', 'parent'];
export const STAFF_ROLES: Role[] = ['guide', 'caseworker', 'coordinator'];
export const PENDING_LINK_LIFETIME_MS = 15 * 60_000;

/** The pending link's token: httpOnly, only for the link page, gone with the pending link. */
export const LINK_COOKIE = 'minvej_link';
export function linkCookieOptions(expiresAt: Date) {
	return { path: '/login/link', httpOnly: true, sameSite: 'lax' as const, expires: expiresAt };
}

export type Refusal = 'staff_unknown' | 'disabled';

export type IdentityOutcome =
	| { kind: 'user'; user: Pick<User, 'id' | 'role'> }
	/** A citizen not linked yet: the token goes into the link cookie. */
	| { kind: 'link'; token: string; expiresAt: Date }
	| { kind: 'refused'; reason: Refusal };

const hashOf = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

/** The session's provider key, e.g. `oidc-citizen`: logout finds the provider again by it. */
export function providerKey(protocol: SignInProtocol, audience: SignInAudience) {
	return `${protocol}-${audience}`;
}

/** Decides who a verified identity is. Stores nothing but a pending link for an unlinked citizen. */
export function resolveIdentity(identity: VerifiedIdentity, now = new Date()): IdentityOutcome {
	return identity.audience === 'staff' ? matchStaff(identity) : findCitizen(identity, now);
}

function matchStaff(identity: VerifiedIdentity): IdentityOutcome {
	const value = identity.matchValue?.trim().toLowerCase();
	if (!value || value.length > 320) return { kind: 'refused', reason: 'staff_unknown' };
	const user = db()
		.select({ id: users.id, role: users.role, disabledAt: users.disabledAt })
		.from(users)
		.where(and(sql`lower(${users.externalLogin}) = ${value}`, inArray(users.role, STAFF_ROLES)))
		.get();
	if (!user) return { kind: 'refused', reason: 'staff_unknown' };
	if (user.disabledAt) return { kind: 'refused', reason: 'disabled' };
	return { kind: 'user', user: { id: user.id, role: user.role } };
}

function findCitizen(identity: VerifiedIdentity, now: Date): IdentityOutcome {
	const linked = db()
		.select({ linkId: linkedSignIns.id, id: users.id, role: users.role, disabledAt: users.disabledAt })
		.from(linkedSignIns)
		.innerJoin(users, eq(users.id, linkedSignIns.userId))
		.where(and(eq(linkedSignIns.issuer, identity.issuer), eq(linkedSignIns.subject, identity.subject)))
		.get();
	if (linked) {
		if (linked.disabledAt || !CITIZEN_ROLES.includes(linked.role)) return { kind: 'refused', reason: 'disabled' };
		db().update(linkedSignIns).set({ lastUsedAt: now }).where(eq(linkedSignIns.id, linked.linkId)).run();
		return { kind: 'user', user: { id: linked.id, role: linked.role } };
	}
	const token = newId(20);
	const expiresAt = new Date(now.getTime() + PENDING_LINK_LIFETIME_MS);
	purgePendingLinks(now);
	db()
		.insert(pendingLinks)
		.values({
			id: newId(),
			tokenHash: hashOf(token),
			protocol: identity.protocol,
			issuer: identity.issuer,
			subject: identity.subject,
			label: identity.label,
			logoutHint: identity.logoutHint,
			createdAt: now,
			expiresAt
		})
		.run();
	return { kind: 'link', token, expiresAt };
}

/**
 * Forgets pending links that are used or past their time: each holds a provider's subject for a
 * person, kept no longer than the link can be used (each new pending link tidies up, and
 * scheduleSignInPurge every quarter of an hour). Returns how many went.
 */
export function purgePendingLinks(now = new Date()): number {
	return db()
		.delete(pendingLinks)
		.where(or(isNotNull(pendingLinks.usedAt), lte(pendingLinks.expiresAt, now)))
		.run().changes;
}

/** The pending link behind a cookie token, if it is still open (for the link page). */
export function findPendingLink(token: string | undefined, now = new Date()) {
	if (!token || token.length > 64) return null;
	const row = db()
		.select({ id: pendingLinks.id, label: pendingLinks.label })
		.from(pendingLinks)
		.where(and(eq(pendingLinks.tokenHash, hashOf(token)), isNull(pendingLinks.usedAt), gt(pendingLinks.expiresAt, now)))
		.get();
	return row ?? null;
}

export type LinkOutcome =
	| { ok: true; user: Pick<User, 'id' | 'role'>; origin: { signInProvider: string; logoutHint: string | null } }
	| { ok: false; problem: 'expired' | 'invalid_code' };

/**
 * The person behind a pending link gave their code: a valid invite makes their account, a valid
 * sign-in code names it; either way the identity is linked and the code and the pending link are
 * used up, all in one transaction. A mistyped code leaves the pending link open to try again
 * (codes carry 80 bits: guessing is no way in).
 */
export function linkWithCode(token: string | undefined, code: string, now = new Date()): LinkOutcome {
	if (!token || token.length > 64) return { ok: false, problem: 'expired' };
	const open = and(eq(pendingLinks.tokenHash, hashOf(token)), isNull(pendingLinks.usedAt), gt(pendingLinks.expiresAt, now));
	const pending = db().select().from(pendingLinks).where(open).get();
	if (!pending) return { ok: false, problem: 'expired' };
	const link = (tx: Tx, userId: string) => {
		// An identity already linked (to anyone) is not linked twice: the unique index would refuse it.
		const taken = tx
			.select({ id: linkedSignIns.id })
			.from(linkedSignIns)
			.where(and(eq(linkedSignIns.issuer, pending.issuer), eq(linkedSignIns.subject, pending.subject)))
			.get();
		if (taken) throw new LinkGone();
		// Used once: a second tab posting the same pending link finds it gone.
		if (
			tx
				.update(pendingLinks)
				.set({ usedAt: now })
				.where(and(eq(pendingLinks.id, pending.id), open))
				.run().changes !== 1
		)
			throw new LinkGone();
		tx.insert(linkedSignIns)
			.values({
				id: newId(),
				userId,
				protocol: pending.protocol,
				audience: 'citizen',
				issuer: pending.issuer,
				subject: pending.subject,
				label: pending.label,
				createdAt: now,
				lastUsedAt: now
			})
			.run();
	};
	let result: ReturnType<typeof claimWithCode>;
	try {
		result = claimWithCode(code, link, now);
	} catch (error) {
		if (error instanceof LinkGone) return { ok: false, problem: 'expired' };
		throw error;
	}
	if (!result.ok) return { ok: false, problem: 'invalid_code' };
	const user = db().select({ id: users.id, role: users.role }).from(users).where(eq(users.id, result.userId)).get()!;
	return { ok: true, user, origin: { signInProvider: providerKey(pending.protocol, 'citizen'), logoutHint: pending.logoutHint } };
}

/** Rolls the code's transaction back: the pending link was used meanwhile, or its identity linked. */
class LinkGone extends Error {}
