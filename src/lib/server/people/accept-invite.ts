/**
 * Accepting an invite at /invite/<code>: the person chooses a username and password and the
 * account is made as the invite says (a parent linked to their child, an invited guide taking up
 * the young person who proposed them). A sign-in code (an account the coordinator or an import
 * made) is accepted at the same address: the person chooses the username and password of that
 * account. Single use.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { db, type Tx } from '../db';
import { guideProfiles, invites, parentLinks, signInCodes, users, type Invite } from '../db/schema';
import { checkNewPassword, findOpenInvite, findOpenSignInCode, hashPassword, normalizeUsername, type PasswordProblem } from '../auth';
import { startInvitedGuide } from '../guides';
import { ADULT_AGE } from '../access';
import { ageOn } from '../dates';
import { newId } from '../ids';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,29}$/;

export type AcceptProblem = 'invalid_invite' | 'username_format' | 'username_taken' | PasswordProblem;

/** Creates the account for an invite; single use. */
export async function acceptInvite(
	code: string,
	input: { username: string; password: string },
	now = new Date()
): Promise<{ ok: true; userId: string } | { ok: false; problem: AcceptProblem }> {
	const invite = findOpenInvite(code, now);
	if (!invite) return claimAccount(code, input, now);
	const username = normalizeUsername(input.username);
	if (!USERNAME_PATTERN.test(username)) return { ok: false, problem: 'username_format' };
	const passwordProblem = checkNewPassword(input.password, username);
	if (passwordProblem) return { ok: false, problem: passwordProblem };
	const passwordHash = await hashPassword(input.password);

	// Synchronous transaction: better-sqlite3 does not roll back async bodies.
	return db().transaction((tx) => {
		const fresh = tx
			.select()
			.from(invites)
			.where(and(eq(invites.id, invite.id), isNull(invites.usedAt)))
			.get();
		if (!fresh) return { ok: false as const, problem: 'invalid_invite' as const };
		if (tx.select({ id: users.id }).from(users).where(eq(users.username, username)).get()) {
			return { ok: false as const, problem: 'username_taken' as const };
		}
		const userId = createInvitedAccount(tx, fresh, username, passwordHash, now);
		tx.update(invites).set({ usedAt: now, acceptedUserId: userId }).where(eq(invites.id, fresh.id)).run();
		return { ok: true as const, userId };
	});
}

/** Makes the account an invite is for (a parent linked to their child, an invited guide started). */
function createInvitedAccount(tx: Tx, fresh: Invite, username: string, passwordHash: string | null, now: Date): string {
	const userId = newId();
	tx.insert(users)
		.values({
			id: userId,
			username,
			displayName: fresh.displayName,
			role: fresh.role,
			birthDate: fresh.birthDate,
			passwordHash,
			createdAt: now
		})
		.run();
	if (fresh.role === 'parent' && fresh.linkYouthId) {
		// Custody ends at 18: an invite made before then gives none once the young person is an adult,
		// and the link rests on their own consent (docs/product.md rule 5).
		const youth = tx.select({ birthDate: users.birthDate }).from(users).where(eq(users.id, fresh.linkYouthId)).get();
		const adult = !youth?.birthDate || ageOn(youth.birthDate, now) >= ADULT_AGE;
		tx.insert(parentLinks)
			.values({
				id: newId(),
				parentId: userId,
				youthId: fresh.linkYouthId,
				custody: fresh.custody && !adult,
				createdBy: fresh.createdBy,
				createdAt: now
			})
			.run();
	}
	if (fresh.role === 'guide') {
		tx.insert(guideProfiles)
			.values({
				userId,
				title: fresh.title ?? '',
				workplace: fresh.workplace,
				listed: false,
				capacity: 5
			})
			.run();
		startInvitedGuide(tx, fresh.id, userId, now);
	}
	return userId;
}

/** Whom an invite or a sign-in code is for (its name), or null when it is unknown, used or expired. */
export function inviteFor(code: string, now = new Date()): { displayName: string } | null {
	const invite = findOpenInvite(code, now);
	if (invite) return { displayName: invite.displayName };
	const signIn = findOpenSignInCode(code, now);
	if (!signIn) return null;
	const user = db().select({ displayName: users.displayName, disabledAt: users.disabledAt }).from(users).where(eq(users.id, signIn.userId)).get();
	return user && !user.disabledAt ? { displayName: user.displayName } : null;
}

/** A sign-in code: the existing account gets the username and password the person chooses. */
async function claimAccount(
	code: string,
	input: { username: string; password: string },
	now: Date
): Promise<{ ok: true; userId: string } | { ok: false; problem: AcceptProblem }> {
	const signIn = findOpenSignInCode(code, now);
	if (!signIn) return { ok: false, problem: 'invalid_invite' };
	const username = normalizeUsername(input.username);
	if (!USERNAME_PATTERN.test(username)) return { ok: false, problem: 'username_format' };
	const passwordProblem = checkNewPassword(input.password, username);
	if (passwordProblem) return { ok: false, problem: passwordProblem };
	const passwordHash = await hashPassword(input.password);
	return db().transaction((tx) => {
		const fresh = findOpenSignInCode(code, now, tx);
		const account = fresh ? tx.select().from(users).where(eq(users.id, fresh.userId)).get() : undefined;
		if (!fresh || !account || account.disabledAt) return { ok: false as const, problem: 'invalid_invite' as const };
		const holder = tx.select({ id: users.id }).from(users).where(eq(users.username, username)).get();
		if (holder && holder.id !== account.id) return { ok: false as const, problem: 'username_taken' as const };
		tx.update(users).set({ username, passwordHash }).where(eq(users.id, account.id)).run();
		tx.update(signInCodes).set({ usedAt: now }).where(eq(signInCodes.id, fresh.id)).run();
		return { ok: true as const, userId: account.id };
	});
}

/**
 * An invite or sign-in code given after an outside provider's first sign-in (issue 19): an invite
 * makes its account with no password, a sign-in code names an existing one; either way the code is
 * used up and `link` runs in the same transaction (the sign-in part records the provider's
 * identity there). Young people and parents only: a code for a guide is refused. Single use.
 */
export function claimWithCode(code: string, link: (tx: Tx, userId: string) => void, now = new Date()): { ok: true; userId: string } | { ok: false } {
	const trimmed = code.trim();
	if (!trimmed || trimmed.length > 64) return { ok: false };
	return db().transaction((tx) => {
		const invite = findOpenInvite(trimmed, now);
		if (invite) {
			const fresh = tx
				.select()
				.from(invites)
				.where(and(eq(invites.id, invite.id), isNull(invites.usedAt)))
				.get();
			if (!fresh || (fresh.role !== 'youth' && fresh.role !== 'parent')) return { ok: false as const };
			const userId = createInvitedAccount(tx, fresh, newId(10), null, now);
			tx.update(invites).set({ usedAt: now, acceptedUserId: userId }).where(eq(invites.id, fresh.id)).run();
			link(tx, userId);
			return { ok: true as const, userId };
		}
		const signIn = findOpenSignInCode(trimmed, now, tx);
		const account = signIn ? tx.select().from(users).where(eq(users.id, signIn.userId)).get() : undefined;
		if (!signIn || !account || account.disabledAt || (account.role !== 'youth' && account.role !== 'parent')) return { ok: false as const };
		tx.update(signInCodes).set({ usedAt: now }).where(eq(signInCodes.id, signIn.id)).run();
		link(tx, account.id);
		return { ok: true as const, userId: account.id };
	});
}
