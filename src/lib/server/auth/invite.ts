/**
 * Invite codes: staff make a single-use code for a new young person or parent (and the coordinator
 * for a guide someone proposed). Only the SHA-256 of the code is stored. Accepting one (choosing a
 * username and password at /invite/<code>) is `people/accept-invite.ts`.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, isNull } from 'drizzle-orm';
import { db } from '../db';
import { invites, type Invite } from '../db/schema';
import { newId } from '../ids';

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
