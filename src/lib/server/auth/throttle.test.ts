import { beforeEach, describe, expect, it } from 'vitest';
import { createLoginThrottle, DEFAULT_THROTTLE, type ThrottleOptions } from './throttle';
import { logIn } from './login';
import { freshDemoDatabase } from '../testing';

const small: ThrottleOptions = {
	perAccountAndAddress: { points: 3, duration: 60, blockDuration: 60 },
	perAccountFromUnknownDevices: { points: 8, duration: 600, blockDuration: 600 },
	perAddress: { points: 6, duration: 60, blockDuration: 60 }
};
const attempt = (username: string, address: string, deviceId: string | null = null) => ({ username, address, deviceId });

describe('login throttling', () => {
	beforeEach(async () => {
		await freshDemoDatabase();
	});

	it('holds an account back from one address after repeated attempts, not from another', async () => {
		const t = createLoginThrottle(small);
		for (let i = 0; i < 3; i++) expect(await t.take(attempt('freja', '10.0.0.1'))).toBe(0);
		expect(await t.take(attempt('freja', '10.0.0.1'))).toBeGreaterThan(0);
		expect(await t.take(attempt('freja', '10.0.0.2'))).toBe(0);
		expect(await t.take(attempt('noah', '10.0.0.1'))).toBe(0);
	});

	it('holds an address back after repeated attempts, for any account', async () => {
		const t = createLoginThrottle(small);
		for (let i = 0; i < 6; i++) expect(await t.take(attempt(`user${i}`, '10.0.0.1'))).toBe(0);
		expect(await t.take(attempt('someone-else', '10.0.0.1'))).toBeGreaterThan(0);
		expect(await t.take(attempt('someone-else', '10.0.0.2'))).toBe(0);
	});

	it('holds an account back from devices it does not know after many failures from many addresses, but not its own devices', async () => {
		const t = createLoginThrottle(small);
		for (let i = 0; i < 8; i++) expect(await t.take(attempt('freja', `10.0.1.${i}`))).toBe(0);
		expect(await t.take(attempt('freja', '10.0.1.99'))).toBeGreaterThan(0);
		expect(await t.take(attempt('freja', '10.0.1.99', 'frejas-phone'))).toBe(0);
	});

	it('counts every parallel attempt before any password is checked (16 at once: 5 are checked)', async () => {
		const results = await Promise.all(
			Array.from({ length: 16 }, () => logIn('freja', 'forkert-kode', '10.3.3.3', undefined, createSharedThrottle()))
		);
		expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(DEFAULT_THROTTLE.perAccountAndAddress.points);
		expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(16 - DEFAULT_THROTTLE.perAccountAndAddress.points);
		const right = await logIn('freja', 'minvej-demo', '10.3.3.3', undefined, createSharedThrottle());
		expect(right.ok).toBe(false);
		expect(!right.ok && right.reason).toBe('throttled');
	});

	it('counts parallel failures from one address before checking (80 at once: 50 are checked)', async () => {
		const t = createSharedThrottle();
		const results = await Promise.all(Array.from({ length: 80 }, (_, i) => logIn(`ukendt${i}`, 'forkert-kode', '10.4.4.4', undefined, t)));
		expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(DEFAULT_THROTTLE.perAddress.points);
	});

	it('treats unknown and known usernames alike, and refuses even the right password while held back', async () => {
		const t = createLoginThrottle(small);
		expect(await logIn('findes-ikke', 'forkert', '10.1.1.1', undefined, t)).toEqual({ ok: false, reason: 'invalid' });
		expect(await logIn('freja', 'forkert', '10.1.1.1', undefined, t)).toEqual({ ok: false, reason: 'invalid' });
		await logIn('freja', 'forkert', '10.1.1.1', undefined, t);
		await logIn('freja', 'forkert', '10.1.1.1', undefined, t);
		const held = await logIn('freja', 'minvej-demo', '10.1.1.1', undefined, t);
		expect(!held.ok && held.reason).toBe('throttled');
	});

	it('one spelling of a username: failures as OLIVER or " oliver" from a stranger never lock oliver out', async () => {
		const t = createLoginThrottle();
		// The real oliver signed in on his phone before.
		const first = await logIn('oliver', 'minvej-demo', '10.5.5.5', undefined, t);
		expect(first.ok).toBe(true);
		const phone = first.ok ? first.deviceToken : '';
		// A stranger on another address tries every spelling, many times.
		for (const spelling of ['OLIVER', ' oliver', 'Oliver ', 'ｏｌｉｖｅｒ', 'oliver']) {
			for (let i = 0; i < 3; i++) await logIn(spelling, 'gæt-' + i, '10.6.6.6', undefined, t);
		}
		expect((await logIn('oliver', 'minvej-demo', '10.6.6.6', undefined, t)).ok).toBe(false);
		// oliver himself, on his phone or from his own address, gets in.
		expect((await logIn('oliver', 'minvej-demo', '10.6.6.6', phone, t)).ok).toBe(true);
		expect((await logIn('Oliver', 'minvej-demo', '10.5.5.5', undefined, t)).ok).toBe(true);
	});

	it('logs in with the right password in any spelling of the username, and remembers the device', async () => {
		const result = await logIn(' Freja ', 'minvej-demo', '10.2.2.2', undefined, createLoginThrottle(small));
		expect(result.ok).toBe(true);
		const again = await logIn('FREJA', 'minvej-demo', '10.2.2.2', result.ok ? result.deviceToken : undefined, createLoginThrottle(small));
		expect(again.ok && again.deviceToken).toBe(result.ok && result.deviceToken);
	});
});

let shared: ReturnType<typeof createLoginThrottle> | undefined;
/** The production limits, one throttle for a whole test (as the server has one). */
function createSharedThrottle() {
	shared ??= createLoginThrottle();
	return shared;
}
beforeEach(() => {
	shared = undefined;
});
