import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createSession, logIn, validateSession } from '../auth';
import { passkeys, users } from '../db/schema';
import { demoUser, freshDemoDatabase } from '../testing';
import type { Db } from '../db';
import { acceptInvite } from './accept-invite';
import { issueNewSignInCode, signInHelpTargets } from './lost-access';

let db: Db;
beforeEach(async () => {
	db = await freshDemoDatabase();
});

const noThrottle = { take: async () => 0, succeeded: async () => {} };

describe('losing access: a new sign-in code', () => {
	it('offers the young person and their linked parents to their guide and the coordinator', () => {
		const freja = demoUser(db, 'freja');
		const names = signInHelpTargets(demoUser(db, 'mette'), freja.id).map((t) => t.id);
		expect(names).toEqual([freja.id, demoUser(db, 'karen').id]);
		expect(signInHelpTargets(demoUser(db, 'lone'), freja.id)).toHaveLength(2);
	});

	it('is refused to another guide, a caseworker, a parent and the young person', () => {
		const freja = demoUser(db, 'freja');
		for (const who of ['sofie', 'ali', 'karen', 'freja']) {
			expect(() => issueNewSignInCode(demoUser(db, who), freja.id, freja.id)).toThrow();
		}
	});

	it('is not made for someone who is not the young person or their parent', () => {
		const freja = demoUser(db, 'freja');
		expect(issueNewSignInCode(demoUser(db, 'mette'), freja.id, demoUser(db, 'oliver').id)).toBeNull();
		expect(issueNewSignInCode(demoUser(db, 'mette'), freja.id, demoUser(db, 'lone').id)).toBeNull();
	});

	it('ends every session and passkey when made; the new password replaces the old one', async () => {
		const freja = demoUser(db, 'freja');
		const { token } = createSession(freja);
		db.insert(passkeys)
			.values({ id: 'p1', userId: freja.id, publicKey: Buffer.from([1]), label: '' })
			.run();
		const made = issueNewSignInCode(demoUser(db, 'mette'), freja.id, freja.id);
		expect(made?.code).toMatch(/^[a-z2-7]{16}$/);
		expect(made?.sessionsEnded).toBeGreaterThanOrEqual(1);
		expect(validateSession(token)).toBeNull();
		expect(db.select().from(passkeys).where(eq(passkeys.userId, freja.id)).all()).toEqual([]);

		const oldHash = db.select().from(users).where(eq(users.id, freja.id)).get()!.passwordHash;
		const accepted = await acceptInvite(made!.code, { username: 'freja', password: 'en helt ny adgangskode 42' });
		expect(accepted).toEqual({ ok: true, userId: freja.id });
		expect(db.select().from(users).where(eq(users.id, freja.id)).get()!.passwordHash).not.toBe(oldHash);
		expect((await logIn('freja', 'en helt ny adgangskode 42', '127.0.0.1', undefined, noThrottle)).ok).toBe(true);
		// Single use.
		expect((await acceptInvite(made!.code, { username: 'freja', password: 'endnu en ny kode 4242' })).ok).toBe(false);
	});

	it('for a parent, from the young person’s page', () => {
		const karen = demoUser(db, 'karen');
		const made = issueNewSignInCode(demoUser(db, 'mette'), demoUser(db, 'freja').id, karen.id);
		expect(made?.displayName).toBe(db.select().from(users).where(eq(users.id, karen.id)).get()!.displayName);
	});
});
