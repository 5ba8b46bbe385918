/**
 * A young person's or parent's own profile (issue 20): their name, and the phone and e-mail their
 * guide may use to reach them, which they keep up to date themselves. Staff read a young person's
 * contact on the young person's page while they may write to them.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '../db';
import { users } from '../db/schema';
import { authorizeGlobal, can, type Actor } from '../access';

/** Empty clears the field; a phone is digits and spaces with an optional +, as people write it. */
const contactInput = z.object({
	phone: z.union([
		z.literal(''),
		z
			.string()
			.trim()
			.regex(/^\+?[0-9][0-9 ]{7,19}$/)
	]),
	email: z.union([z.literal(''), z.string().trim().max(200).pipe(z.email())])
});
export type ContactField = keyof z.infer<typeof contactInput>;

export interface MyProfile {
	displayName: string;
	username: string;
	role: 'youth' | 'parent';
	phone: string | null;
	email: string | null;
}

export function myProfile(actor: Actor): MyProfile {
	authorizeGlobal(actor, 'profile.own');
	const row = db()
		.select({ displayName: users.displayName, username: users.username, phone: users.phone, email: users.email })
		.from(users)
		.where(eq(users.id, actor.id))
		.get();
	if (!row) throw new Error('the signed-in person has no row');
	return { ...row, role: actor.role === 'parent' ? 'parent' : 'youth' };
}

export type SaveContactResult = { ok: true } | { ok: false; errors: ContactField[] };

/** Saves the phone and e-mail the guide may use; what fails is named, nothing is half saved. */
export function saveMyContact(actor: Actor, raw: { phone: string; email: string }): SaveContactResult {
	authorizeGlobal(actor, 'profile.own');
	const parsed = contactInput.safeParse({ phone: raw.phone.trim(), email: raw.email.trim() });
	if (!parsed.success) return { ok: false, errors: [...new Set(parsed.error.issues.map((i) => i.path[0] as ContactField))] };
	const phone = parsed.data.phone.replace(/\s+/g, ' ') || null;
	db()
		.update(users)
		.set({ phone, email: parsed.data.email || null })
		.where(eq(users.id, actor.id))
		.run();
	return { ok: true };
}

/** The young person's phone and e-mail, for staff who may write to them; null for anyone else. */
export function youthContact(actor: Actor, youthId: string): { phone: string | null; email: string | null } | null {
	if (!can(actor, 'messages.send', youthId)) return null;
	return db().select({ phone: users.phone, email: users.email }).from(users).where(eq(users.id, youthId)).get() ?? null;
}
