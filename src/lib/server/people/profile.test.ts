import { beforeEach, describe, expect, it } from 'vitest';
import { myProfile, saveMyContact, youthContact } from './profile';
import { changePassword, createSession, validateSession } from '../auth';
import { verify } from '@node-rs/argon2';
import { demoUser, freshDemoDatabase } from '../testing';
import { users } from '../db/schema';
import { eq } from 'drizzle-orm';
import type { Db } from '../db';

/** Every demo account's password (src/lib/server/app/seed.ts). */
const DEMO_PASSWORD = 'minvej-demo';
const sessionIdOf = (token: string) => token.split('.')[0]!;
const verifyPassword = (hash: string, password: string) => verify(hash, password);

let db: Db;
const who = (u: string) => demoUser(db, u);
beforeEach(async () => {
	db = await freshDemoDatabase();
});

describe('a young person keeps their own contact details', () => {
	it('saves a phone and e-mail, which their guide then reads and nobody else', () => {
		expect(saveMyContact(who('freja'), { phone: ' 20 30 40 50 ', email: 'freja@example.dk' })).toEqual({ ok: true });
		expect(myProfile(who('freja'))).toMatchObject({
			displayName: 'Freja Nielsen',
			phone: '20 30 40 50',
			email: 'freja@example.dk',
			role: 'youth'
		});
		expect(youthContact(who('mette'), who('freja').id)).toEqual({ phone: '20 30 40 50', email: 'freja@example.dk' });
		// Another guide, a parent and a caseworker do not get her contact this way.
		expect(youthContact(who('jonas'), who('freja').id)).toBeNull();
		expect(youthContact(who('karen'), who('freja').id)).toBeNull();
		expect(youthContact(who('lone'), who('freja').id)).toBeNull();
	});

	it('names what is wrong and saves nothing of a half-right form; empty clears', () => {
		saveMyContact(who('freja'), { phone: '20304050', email: '' });
		expect(saveMyContact(who('freja'), { phone: 'ring mig', email: 'ikke en mail' })).toEqual({ ok: false, errors: ['phone', 'email'] });
		expect(saveMyContact(who('freja'), { phone: '+45 20 30 40 51', email: 'nope' })).toEqual({ ok: false, errors: ['email'] });
		expect(myProfile(who('freja')).phone).toBe('20304050');
		expect(saveMyContact(who('freja'), { phone: '', email: '' })).toEqual({ ok: true });
		expect(myProfile(who('freja'))).toMatchObject({ phone: null, email: null });
	});

	it('is for young people and parents only', () => {
		expect(myProfile(who('karen')).role).toBe('parent');
		expect(() => myProfile(who('mette'))).toThrow();
		expect(() => saveMyContact(who('lone'), { phone: '', email: '' })).toThrow();
		expect(() => myProfile(null)).toThrow();
	});
});

describe('changing one’s password', () => {
	const hashOf = (username: string) => db.select({ h: users.passwordHash }).from(users).where(eq(users.username, username)).get()!.h!;

	it('asks for the current password and signs every other device out', async () => {
		const freja = who('freja');
		const here = createSession(freja);
		const elsewhere = createSession(freja);
		const hereId = sessionIdOf(here.token);
		expect(await changePassword(freja, hereId, { current: 'forkert kode', next: 'en ny lang kode', repeat: 'en ny lang kode' })).toEqual({
			ok: false,
			problem: 'wrong_current'
		});
		expect(validateSession(elsewhere.token)).not.toBeNull();
		expect(await changePassword(freja, hereId, { current: DEMO_PASSWORD, next: 'en ny lang kode', repeat: 'en ny lang kode' })).toEqual({
			ok: true,
			endedSessions: 1
		});
		expect(await verifyPassword(hashOf('freja'), 'en ny lang kode')).toBe(true);
		expect(validateSession(here.token)).not.toBeNull();
		expect(validateSession(elsewhere.token)).toBeNull();
	});

	it('keeps the old password when the new one breaks a rule or is not repeated the same', async () => {
		const freja = who('freja');
		const id = sessionIdOf(createSession(freja).token);
		const attempt = (next: string, repeat = next) => changePassword(freja, id, { current: DEMO_PASSWORD, next, repeat });
		expect(await attempt('kort')).toEqual({ ok: false, problem: 'too_short' });
		expect(await attempt('freja-er-min-kode')).toEqual({ ok: false, problem: 'username' });
		expect(await attempt('en ny lang kode', 'en anden lang kode')).toEqual({ ok: false, problem: 'mismatch' });
		expect(await verifyPassword(hashOf('freja'), DEMO_PASSWORD)).toBe(true);
	});
});

describe('guessing the current password', () => {
	it('stops after five wrong tries, also for the right one', async () => {
		const ida = who('ida');
		const id = sessionIdOf(createSession(ida).token);
		const attempt = (current: string) => changePassword(ida, id, { current, next: 'en ny lang kode', repeat: 'en ny lang kode' });
		for (let i = 0; i < 5; i++) expect(await attempt(`gæt nummer ${i}`)).toEqual({ ok: false, problem: 'wrong_current' });
		expect(await attempt(DEMO_PASSWORD)).toEqual({ ok: false, problem: 'throttled' });
	});
});
