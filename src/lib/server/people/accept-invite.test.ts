import { beforeEach, describe, expect, it } from 'vitest';
import { createInvite, findOpenInvite, INVITE_LIFETIME_MS } from '../auth';
import { acceptInvite } from './accept-invite';
import { logIn } from '../auth';
import { createLoginThrottle } from '../auth';
import { can } from '../access';
import { demoUser, freshDemoDatabase } from '../testing';
import type { Db } from '../db';
import { parentLinks, users } from '../db/schema';
import { eq } from 'drizzle-orm';

let db: Db;
beforeEach(async () => {
	db = await freshDemoDatabase();
});

describe('invites', () => {
	it('lets a new parent choose a password once, linked to the young person', async () => {
		const mette = demoUser(db, 'mette');
		const freja = demoUser(db, 'freja');
		const { code } = createInvite(mette.id, {
			role: 'parent',
			displayName: 'Jens Nielsen',
			linkYouthId: freja.id,
			custody: true
		});
		const result = await acceptInvite(code, {
			username: 'jens',
			password: 'en god lang kode'
		});
		expect(result.ok).toBe(true);
		const again = await acceptInvite(code, {
			username: 'jens2',
			password: 'en god lang kode'
		});
		expect(again).toEqual({ ok: false, problem: 'invalid_invite' });
		expect((await logIn('jens', 'en god lang kode', '127.0.0.9', undefined, createLoginThrottle())).ok).toBe(true);
		const jens = demoUser(db, 'jens');
		expect(can(jens, 'profile.read', freja.id)).toBe(true);
		expect(can(jens, 'plan.read', freja.id)).toBe(false); // freja has not shared anything with him
	});

	it('expires', () => {
		const mette = demoUser(db, 'mette');
		const t0 = new Date();
		const { code } = createInvite(mette.id, { role: 'youth', displayName: 'Ny Ung', birthDate: '2010-05-01' }, t0);
		expect(findOpenInvite(code, new Date(t0.getTime() + INVITE_LIFETIME_MS - 1000))).not.toBeNull();
		expect(findOpenInvite(code, new Date(t0.getTime() + INVITE_LIFETIME_MS + 1))).toBeNull();
	});

	it('refuses a taken username, a short password and a bad username', async () => {
		const mette = demoUser(db, 'mette');
		const { code } = createInvite(mette.id, {
			role: 'youth',
			displayName: 'Ny Ung',
			birthDate: '2010-05-01'
		});
		expect(
			await acceptInvite(code, {
				username: 'freja',
				password: 'en god lang kode'
			})
		).toEqual({ ok: false, problem: 'username_taken' });
		expect(await acceptInvite(code, { username: 'nyung', password: 'kort' })).toEqual({ ok: false, problem: 'too_short' });
		expect(
			await acceptInvite(code, {
				username: 'Ny Ung!',
				password: 'en god lang kode'
			})
		).toEqual({ ok: false, problem: 'username_format' });
		// Still usable after the failures.
		expect(
			(
				await acceptInvite(code, {
					username: 'nyung',
					password: 'en god lang kode'
				})
			).ok
		).toBe(true);
	});

	it('gives no custody when the young person has turned 18 by the time a custody invite is accepted', async () => {
		const mette = demoUser(db, 'mette');
		const freja = demoUser(db, 'freja');
		const now = new Date();
		const birthday = new Date(now.getTime() + 3 * 86_400_000);
		const eighteenIn3Days = `${birthday.getUTCFullYear() - 18}-${String(birthday.getUTCMonth() + 1).padStart(2, '0')}-${String(birthday.getUTCDate()).padStart(2, '0')}`;
		db.update(users).set({ birthDate: eighteenIn3Days }).where(eq(users.id, freja.id)).run();
		const { code } = createInvite(mette.id, { role: 'parent', displayName: 'Jens Nielsen', linkYouthId: freja.id, custody: true });
		const accepted = await acceptInvite(code, { username: 'jens', password: 'en god lang kode' }, new Date(now.getTime() + 5 * 86_400_000));
		expect(accepted.ok).toBe(true);
		const jens = demoUser(db, 'jens');
		const link = db.select().from(parentLinks).where(eq(parentLinks.parentId, jens.id)).get();
		// No custody: once she is 18 the link gives him only what she shares (rules.test.ts).
		expect(link).toMatchObject({ youthId: freja.id, custody: false });
	});
});
