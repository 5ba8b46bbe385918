/**
 * Invite codes: staff make a single-use code for a new young person or parent (and the coordinator
 * for a guide someone proposed); sign-in codes do the same for an account that exists already
 * (made by the coordinator or an import). Only the SHA-256 of a code is stored. Accepting one (choosing a
 * username and password at /invite/<code>) is `people/accept-invite.ts`.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, isNull } from 'drizzle-orm';
import { db, type Db, type Tx } from '../db';
import { invites, signInCodes, type Invite, type SignInCode } from '../db/schema';
import { newId } from '../ids';

export const INVITE_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

function hashCode(code: string) {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(code.trim().toLowerCase())));
}

/** A new random code (80 bits, 16 characters) and the hash that is stored. */
function newCode() {
	const bytes = new Uint8Array(10);
	crypto.getRandomValues(bytes);
	const code = encodeBase32LowerCaseNoPadding(bytes);
	return { code, codeHash: hashCode(code) };
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
	const { code, codeHash } = newCode();
	const id = newId();
	db()
		.insert(invites)
		.values({
			id,
			codeHash,
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

/**
 * A sign-in code for an account that exists already (made by the coordinator or an import): the
 * person chooses a username and password with it at /invite/<code>. Earlier unused codes of the
 * account stop working. The caller has checked the actor may do this (and passes its transaction).
 */
export function createSignInCode(userId: string, createdBy: string | null, now = new Date(), tx: Tx | Db = db()) {
	const { code, codeHash } = newCode();
	tx.update(signInCodes).set({ usedAt: now }).where(and(eq(signInCodes.userId, userId), isNull(signInCodes.usedAt))).run();
	const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_MS);
	tx.insert(signInCodes).values({ id: newId(), userId, codeHash, createdBy, createdAt: now, expiresAt }).run();
	return { code, expiresAt };
}

/** The open sign-in code for a code, or null when unknown, used or expired (indistinguishably). */
export function findOpenSignInCode(code: string, now = new Date(), tx: Tx | Db = db()): SignInCode | null {
	if (code.length > 64) return null;
	const row = tx
		.select()
		.from(signInCodes)
		.where(and(eq(signInCodes.codeHash, hashCode(code)), isNull(signInCodes.usedAt)))
		.get();
	if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
	return row;
}
