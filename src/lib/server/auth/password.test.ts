import { describe, expect, it } from 'vitest';
import { checkNewPassword, hashPassword, verifyPassword } from './password';

describe('passwords', () => {
	it('hashes with argon2id m=19456 t=2 p=1 and verifies', async () => {
		const h = await hashPassword('en lang sætning');
		expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(h, 'en lang sætning')).toBe(true);
		expect(await verifyPassword(h, 'en lang saetning')).toBe(false);
	});

	it('salts: the same password hashes differently', async () => {
		expect(await hashPassword('samme-kode-123')).not.toBe(await hashPassword('samme-kode-123'));
	});

	it('never throws on a malformed hash', async () => {
		expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
	});

	it('asks for at least 10 characters and not the username', () => {
		expect(checkNewPassword('kort', 'freja')).toBe('too_short');
		expect(checkNewPassword('freja-er-sej-1', 'freja')).toBe('username');
		expect(checkNewPassword('x'.repeat(201), 'freja')).toBe('too_long');
		expect(checkNewPassword('hest batteri hæfteklamme', 'freja')).toBeNull();
	});
});
