/**
 * Accepting an invite at /invite/<code>: the person chooses a username and password and the
 * account is made as the invite says (a parent linked to their child, an invited guide taking up
 * the young person who proposed them). Single use.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { db } from '../db';
import { guideProfiles, invites, parentLinks, users } from '../db/schema';
import { checkNewPassword, findOpenInvite, hashPassword, normalizeUsername, type PasswordProblem } from '../auth';
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
	if (!invite) return { ok: false, problem: 'invalid_invite' };
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
		tx.update(invites).set({ usedAt: now, acceptedUserId: userId }).where(eq(invites.id, fresh.id)).run();
		return { ok: true as const, userId };
	});
}
