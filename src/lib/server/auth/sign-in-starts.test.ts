import { describe, expect, it } from 'vitest';
import { BUSY_LOGIN_PAGE, createSignInStartThrottle, SIGN_IN_STARTS } from './sign-in-starts';

describe('sign-in starts per address', () => {
	it('lets 60 a minute through from one address, then asks the 61st to wait, and holds nobody else back', async () => {
		const take = createSignInStartThrottle();
		expect(SIGN_IN_STARTS.points).toBe(60);
		for (let i = 0; i < 60; i++) expect(await take('203.0.113.7')).toBe(0);
		const wait = await take('203.0.113.7');
		expect(wait).toBeGreaterThanOrEqual(1);
		expect(wait).toBeLessThanOrEqual(60);
		expect(await take('203.0.113.7')).toBeGreaterThanOrEqual(1);
		expect(await take('198.51.100.2')).toBe(0);
	});

	it('lets starts through again once the wait is over', async () => {
		const take = createSignInStartThrottle({ points: 2, duration: 1, blockDuration: 1 });
		expect(await take('203.0.113.7')).toBe(0);
		expect(await take('203.0.113.7')).toBe(0);
		expect(await take('203.0.113.7')).toBe(1);
		await new Promise((resolve) => setTimeout(resolve, 1_100));
		expect(await take('203.0.113.7')).toBe(0);
	});

	it('asks a start that must wait to wait no longer than the minute the login page says', async () => {
		const take = createSignInStartThrottle();
		for (let i = 0; i < 60; i++) await take('203.0.113.9');
		expect(await take('203.0.113.9')).toBeLessThanOrEqual(60);
		expect(BUSY_LOGIN_PAGE).toBe('/login?busy');
	});
});
