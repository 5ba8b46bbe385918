/**
 * Invites: staff make a single-use code for a new young person or parent (and the coordinator
 * for a guide someone proposed); the person opens /invite/<code> and chooses a username and
 * password. Only the SHA-256 of the code is stored.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, isNull } from 'drizzle-orm';
import { db } from '../db';
import { guideProfiles, invites, parentLinks, users, type Invite } from '../db/schema';
import { startInvitedGuide } from '../guides/directory';
import { newId } from '../ids';
import { normalizeUsername } from './login';
import { checkNewPassword, hashPassword, type PasswordProblem } from './password';

export const INVITE_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

function hashCode(code: string) {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(code.trim().toLowerCase())));
}

export type NewInvite =
	| { role: 'youth'; displayName: string; birthDate: string }
	| {
			role: 'parent';
			displayName: string;
			linkYouthId: string;
			custody: boolean;
	  }
	| { role: 'guide'; displayName: string; title: string; workplace: string };

/** Creates an invite and returns its code. The caller has checked the actor may do this. */
export function createInvite(createdBy: string, invite: NewInvite, now = new Date()) {
	const bytes = new Uint8Array(10); // 80 bits, 16 characters
	crypto.getRandomValues(bytes);
	const code = encodeBase32LowerCaseNoPadding(bytes);
	const id = newId();
	db()
		.insert(invites)
		.values({
			id,
			codeHash: hashCode(code),
			role: invite.role,
			displayName: invite.displayName,
			birthDate: invite.role === 'youth' ? invite.birthDate : null,
			linkYouthId: invite.role === 'parent' ? invite.linkYouthId : null,
			custody: invite.role === 'parent' ? invite.custody : false,
			title: invite.role === 'guide' ? invite.title : null,
			workplace: invite.role === 'guide' ? invite.workplace : null,
			createdBy,
			createdAt: now,
			expiresAt: new Date(now.getTime() + INVITE_LIFETIME_MS)
		})
		.run();
	return { id, code, expiresAt: new Date(now.getTime() + INVITE_LIFETIME_MS) };
}

/** The open invite for a code, or null when unknown, used or expired (indistinguishably). */
export function findOpenInvite(code: string, now = new Date()): Invite | null {
	if (code.length > 64) return null;
	const invite = db()
		.select()
		.from(invites)
		.where(and(eq(invites.codeHash, hashCode(code)), isNull(invites.usedAt)))
		.get();
	if (!invite || invite.expiresAt.getTime() <= now.getTime()) return null;
	return invite;
}

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
			tx.insert(parentLinks)
				.values({
					id: newId(),
					parentId: userId,
					youthId: fresh.linkYouthId,
					custody: fresh.custody,
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
