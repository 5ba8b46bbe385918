import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from './throttle';
import { logIn } from './login';
import { freshDemoDatabase } from '../testing';

const small = {
	perAccount: { points: 3, duration: 60, blockDuration: 60 },
	perAddress: { points: 5, duration: 60, blockDuration: 60 }
};

describe('login throttling', () => {
	it('blocks an account after repeated failures, from any address', async () => {
		const t = createLoginThrottle(small);
		for (let i = 0; i < 3; i++) await t.recordFailure('freja', `10.0.0.${i}`);
		expect(await t.retryAfter('freja', '10.9.9.9')).toBeGreaterThan(0);
		expect(await t.retryAfter('noah', '10.9.9.9')).toBe(0);
	});

	it('blocks an address after repeated failures, for any account', async () => {
		const t = createLoginThrottle(small);
		for (let i = 0; i < 5; i++) await t.recordFailure(`user${i}`, '10.0.0.1');
		expect(await t.retryAfter('someone-else', '10.0.0.1')).toBeGreaterThan(0);
		expect(await t.retryAfter('someone-else', '10.0.0.2')).toBe(0);
	});

	it('treats unknown and known usernames alike, and refuses even the right password while blocked', async () => {
		await freshDemoDatabase();
		const t = createLoginThrottle(small);
		const unknown = await logIn('findes-ikke', 'forkert', '10.1.1.1', t);
		const wrong = await logIn('freja', 'forkert', '10.1.1.1', t);
		expect(unknown).toEqual({ ok: false, reason: 'invalid' });
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		await logIn('freja', 'forkert', '10.1.1.2', t);
		await logIn('freja', 'forkert', '10.1.1.3', t);
		const blocked = await logIn('freja', 'minvej-demo', '10.1.1.4', t);
		expect(blocked.ok).toBe(false);
		expect(!blocked.ok && blocked.reason).toBe('throttled');
	});

	it('logs in with the right password', async () => {
		await freshDemoDatabase();
		const result = await logIn(' Freja ', 'minvej-demo', '10.2.2.2', createLoginThrottle(small));
		expect(result.ok).toBe(true);
	});
});
