import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createSession, invalidateSession, SESSION_LIMITS, validateSession } from './session';
import { sessions } from '../db/schema';
import { demoUser, freshDemoDatabase } from '../testing';
import type { Db } from '../db';

let db: Db;
beforeEach(async () => {
	db = await freshDemoDatabase();
});

describe('sessions', () => {
	it('stores only the SHA-256 of the secret, never the token', () => {
		const freja = demoUser(db, 'freja');
		const { token } = createSession(freja);
		const [id, secret] = token.split('.');
		const row = db.select().from(sessions).where(eq(sessions.id, id!)).get()!;
		expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(row)).not.toContain(secret!);
		// 128-bit id and 160-bit secret, base32: 26 and 32 characters.
		expect(id).toHaveLength(26);
		expect(secret).toHaveLength(32);
	});

	it('validates the right token and refuses a tampered one', () => {
		const freja = demoUser(db, 'freja');
		const { token } = createSession(freja);
		expect(validateSession(token)?.user.username).toBe('freja');
		const [id, secret] = token.split('.');
		const flipped = secret!.slice(0, -1) + (secret!.endsWith('a') ? 'b' : 'a');
		expect(validateSession(`${id}.${flipped}`)).toBeNull();
		expect(validateSession('garbage')).toBeNull();
		expect(validateSession(`${id}`)).toBeNull();
	});

	it('gives every login a new session', () => {
		const freja = demoUser(db, 'freja');
		expect(createSession(freja).token).not.toBe(createSession(freja).token);
	});

	it('ends a staff session after 30 idle minutes, and slides while in use', () => {
		const mette = demoUser(db, 'mette');
		const t0 = new Date('2026-11-23T08:00:00Z');
		const { token } = createSession(mette, t0);
		const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
		expect(validateSession(token, at(20))).not.toBeNull();
		expect(validateSession(token, at(45))).not.toBeNull(); // 25 min after the last use
		expect(validateSession(token, at(76))).toBeNull(); // 31 min idle
		expect(validateSession(token, at(77))).toBeNull(); // and it stays gone
	});

	it('ends a session at the absolute limit however active it is', () => {
		const mette = demoUser(db, 'mette');
		const t0 = new Date('2026-11-23T06:00:00Z');
		const { token } = createSession(mette, t0);
		const limitMin = SESSION_LIMITS.staff.absolute / 60_000;
		for (let m = 20; m < limitMin; m += 20) expect(validateSession(token, new Date(t0.getTime() + m * 60_000))).not.toBeNull();
		expect(validateSession(token, new Date(t0.getTime() + limitMin * 60_000 + 1))).toBeNull();
	});

	it('gives young people a longer idle limit than staff', () => {
		const freja = demoUser(db, 'freja');
		const t0 = new Date('2026-11-23T08:00:00Z');
		const { token } = createSession(freja, t0);
		expect(validateSession(token, new Date(t0.getTime() + 2 * 86_400_000))).not.toBeNull();
		expect(validateSession(token, new Date(t0.getTime() + 17 * 86_400_000))).toBeNull();
	});

	it('is gone after logout', () => {
		const freja = demoUser(db, 'freja');
		const { token } = createSession(freja);
		invalidateSession(token.split('.')[0]!);
		expect(validateSession(token)).toBeNull();
	});
});
