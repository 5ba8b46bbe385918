/**
 * Starting a sign-in stores a request before anyone has shown who they are, so one address may
 * start 60 a minute (src/lib/server/auth/sign-in-starts.ts). This file has a server of its own
 * (tests/story.ts): using up the address's starts here holds back no other file's tests. The
 * demo has no provider configured, so a start that goes ahead is told the provider is unavailable;
 * one that must wait is sent to the login page, which asks to wait a minute.
 */
import { expect, test } from './story';
import { expectAccessible } from './helpers';

test('the 61st sign-in started from one address in a minute waits, a provider’s button, its link and a passkey alike', async ({
	page,
	request,
	baseURL
}) => {
	const start = (path: string) => request.post(path, { headers: { origin: baseURL!, accept: 'text/html' }, form: {}, maxRedirects: 0 });
	for (let i = 0; i < 60; i++) {
		const answer = await start(i % 2 ? '/login/oidc/citizen' : '/login/saml/citizen');
		expect(answer.status()).toBe(303);
		expect(answer.headers()['location'], `start ${i + 1}`).toMatch(/problem=unavailable$/);
	}
	for (const path of ['/login/oidc/citizen', '/login/oidc/staff', '/login/saml/citizen']) {
		const answer = await start(path);
		expect(answer.status(), path).toBe(303);
		expect(answer.headers()['location'], path).toBe('/login?busy');
	}
	const link = await request.get('/login/saml/staff', { maxRedirects: 0 });
	expect(link.headers()['location']).toBe('/login?busy');
	const passkey = await request.post('/login/passkey', { headers: { origin: baseURL! }, data: { start: true } });
	expect(passkey.status()).toBe(429);
	expect(Number(passkey.headers()['retry-after'])).toBeGreaterThanOrEqual(1);

	// The page the person lands on says what happened and what to do, and the password login still works.
	await page.goto('/login?busy');
	await expect(page.getByRole('alert')).toHaveText('For mange forsøg herfra. Vent et minut, og prøv så igen.');
	await expect(page.getByLabel('Brugernavn')).not.toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page);
	await page.goto('/login');
	await expect(page.getByRole('alert')).toHaveText('');
});
