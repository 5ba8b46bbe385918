import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
	createSession,
	endAllSessions,
	endOtherSessions,
	endSessionByHandle,
	invalidateSession,
	listSessions,
	purgeExpiredSessions,
	recordSessionDevice,
	SESSION_LIMITS,
	validateSession
} from './session';
import { describeDevice } from './device';
import { sessions, users } from '../db/schema';
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

describe('expired sessions are purged', () => {
	it('deletes sessions past their idle or absolute limit, per role, and keeps the rest', () => {
		const t0 = new Date('2026-11-23T08:00:00Z');
		const at = (ms: number) => new Date(t0.getTime() + ms);
		const mette = demoUser(db, 'mette');
		const freja = demoUser(db, 'freja');
		const staffIdle = createSession(mette, t0).token.split('.')[0]!;
		const staffFresh = createSession(mette, at(20 * 60_000)).token.split('.')[0]!;
		const youthIdle = createSession(freja, t0).token.split('.')[0]!;
		const youthFresh = createSession(freja, at(14 * 86_400_000 - 60_000)).token.split('.')[0]!;
		// Used every day, but past the absolute limit of 60 days.
		const youthOld = createSession(freja, at(-61 * 86_400_000)).token.split('.')[0]!;
		db.update(sessions)
			.set({ lastUsedAt: at(-60_000) })
			.where(eq(sessions.id, youthOld))
			.run();

		const ids = () =>
			db
				.select({ id: sessions.id })
				.from(sessions)
				.all()
				.map((r) => r.id)
				.sort();
		// 31 minutes on: the staff session idle since t0 is gone, the young person's is not.
		expect(purgeExpiredSessions(at(31 * 60_000))).toBe(2);
		expect(ids()).toEqual([staffFresh, youthIdle, youthFresh].sort());
		// 14 days on: the young person's idle session goes too.
		expect(purgeExpiredSessions(at(14 * 86_400_000))).toBe(2);
		expect(ids()).toEqual([youthFresh]);
		expect(ids()).not.toContain(staffIdle);
	});

	it('deletes the sessions of a disabled account', () => {
		const freja = demoUser(db, 'freja');
		createSession(freja);
		db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, freja.id)).run();
		expect(purgeExpiredSessions()).toBe(1);
	});
});

describe('signed in on these devices', () => {
	const CHROME_ANDROID =
		'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
	const SAFARI_IPHONE =
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

	it('describes the device briefly from its User-Agent, never keeping the header itself', () => {
		expect(describeDevice(CHROME_ANDROID)).toBe('Chrome|Android');
		expect(describeDevice(SAFARI_IPHONE)).toBe('Safari|iPhone');
		expect(
			describeDevice(
				'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1'
			)
		).toBe('Chrome|iPad');
		expect(
			describeDevice(
				'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0'
			)
		).toBe('Edge|Windows');
		expect(describeDevice('Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('Firefox|Mac');
		expect(
			describeDevice(
				'Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36'
			)
		).toBe('Samsung Internet|Android');
		expect(describeDevice('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36')).toBe(
			'Chrome|Linux'
		);
		expect(describeDevice('curl/8.5.0')).toBeNull();
		expect(describeDevice('')).toBeNull();
		expect(describeDevice(null)).toBeNull();
		// A long or hostile header yields one of the known names or nothing, never its own text.
		const hostile = `<script>alert(1)</script> Firefox/1 ${'x'.repeat(20_000)} Windows`;
		expect(describeDevice(hostile)).toBe('Firefox|');
		expect(describeDevice(`${'A'.repeat(5000)} Android`)).toBeNull();
	});

	it('lists the person’s own live sessions, this one first, then by the latest use, without ids or secrets', () => {
		const t0 = new Date('2026-11-23T08:00:00Z');
		const freja = demoUser(db, 'freja');
		const phone = createSession(freja, t0).token.split('.')[0]!;
		recordSessionDevice(phone, CHROME_ANDROID);
		const laptop = createSession(freja, new Date(t0.getTime() + 60_000)).token.split('.')[0]!;
		createSession(demoUser(db, 'amina'), t0);
		// An expired one of hers is not listed.
		createSession(freja, new Date(t0.getTime() - 30 * 86_400_000));

		const list = listSessions(freja.id, phone, new Date(t0.getTime() + 120_000));
		expect(list.map((s) => [s.browser, s.system, s.current])).toEqual([
			['Chrome', 'Android', true],
			[null, null, false]
		]);
		expect(list[0]!.createdAt).toEqual(t0);
		expect(JSON.stringify(list)).not.toContain(phone);
		expect(JSON.stringify(list)).not.toContain(laptop);
		expect(list.every((s) => /^[0-9a-f]{32}$/.test(s.handle))).toBe(true);
	});

	it('ends one other device, all others, or all, and only the person’s own', () => {
		const freja = demoUser(db, 'freja');
		const amina = demoUser(db, 'amina');
		const here = createSession(freja);
		const other1 = createSession(freja);
		const other2 = createSession(freja);
		const hers = createSession(amina);
		const sid = (t: { token: string }) => t.token.split('.')[0]!;
		const handleOf = (userId: string, t: { token: string }) => listSessions(userId, sid(t)).find((s) => s.current)!.handle;

		// Another person's session, or this one, cannot be ended by its handle.
		expect(endSessionByHandle(freja.id, sid(here), handleOf(amina.id, hers))).toBe(false);
		expect(endSessionByHandle(freja.id, sid(here), handleOf(freja.id, here))).toBe(false);
		expect(validateSession(hers.token)).not.toBeNull();
		expect(endSessionByHandle(freja.id, sid(here), handleOf(freja.id, other1))).toBe(true);
		expect(validateSession(other1.token)).toBeNull();
		expect(validateSession(here.token)).not.toBeNull();

		expect(endOtherSessions(freja.id, sid(here))).toBe(1);
		expect(validateSession(other2.token)).toBeNull();
		expect(validateSession(here.token)).not.toBeNull();

		createSession(freja);
		expect(endAllSessions(freja.id)).toBe(2);
		expect(validateSession(here.token)).toBeNull();
		expect(validateSession(hers.token)).not.toBeNull();
	});
});
