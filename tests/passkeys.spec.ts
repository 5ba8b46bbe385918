import { expect, test, type Page } from './story';
import { DEMO_PASSWORD, expectAccessible, login, logout, secondPhone, userIdOf } from './helpers';
import { storyBaseURL } from './story';

/**
 * Passkeys and losing access (issue 19). Chromium's virtual authenticator stands in for the
 * phone's screen lock: a platform authenticator that keeps discoverable credentials and verifies
 * the user. The tests run in order: the second changes freja's password.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

/** The phone's screen lock, in this page's browser. */
async function screenLock(page: Page) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('WebAuthn.enable');
	const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
		options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true }
	});
	return { cdp, authenticatorId };
}

/** The login page, once it runs: the screen-lock button shows only then. */
async function signInWithScreenLock(page: Page) {
	await page.goto('/login');
	const button = page.getByRole('button', { name: 'Brug din skærmlås' });
	await expect(button).toBeVisible();
	await button.click();
}

test('freja turns on her screen lock, signs in with it without a password, and turns it off again', async ({ page }) => {
	const { cdp, authenticatorId } = await screenLock(page);
	await login(page, 'freja');
	await page.getByRole('banner').getByRole('link', { name: 'Min profil' }).click();
	await page.getByRole('link', { name: 'Log ind med skærmlås' }).click();
	await expect(page).toHaveURL('/settings/passkeys');
	await expect(page.getByTestId('no-passkeys')).toBeVisible();
	await page.getByRole('button', { name: 'Brug denne telefons skærmlås næste gang' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Klar.' })).toBeVisible();
	await expect(page.getByTestId('passkeys').getByRole('listitem')).toHaveCount(1);
	await expectAccessible(page);
	const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
	expect(credentials).toHaveLength(1);
	expect(credentials[0]!.isResidentCredential).toBe(true);

	// Out, and in again with the screen lock alone: no username, no password.
	await page.goto('/');
	await logout(page);
	await signInWithScreenLock(page);
	await expect(page).toHaveURL('/');
	await expect(page.getByRole('banner').getByRole('link', { name: 'Min profil' })).toBeVisible();
	// The counter rose with the use.
	const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
	expect(after.credentials[0]!.signCount).toBeGreaterThan(0);

	// Turned off: the phone still holds the passkey, but Minvej no longer takes it.
	await page.goto('/settings/passkeys');
	await expect(page.getByText('Sidst brugt:')).toBeVisible();
	await page.getByRole('button', { name: /^Slå fra/ }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Slået fra.' })).toBeVisible();
	await expect(page.getByTestId('no-passkeys')).toBeVisible();
	await page.goto('/');
	await logout(page);
	await signInWithScreenLock(page);
	await expect(page.getByRole('alert').filter({ hasText: 'Det virkede ikke' })).toBeVisible();
	await expect(page).toHaveURL(/\/login/);
	await expect(page.getByText('Bed din guide om en ny kode til at logge ind')).toBeVisible();
});

test('a passkey answer sent twice is refused the second time', async ({ page }) => {
	const { cdp } = await screenLock(page);
	await login(page, 'karen');
	await page.goto('/settings/passkeys');
	await page.getByRole('button', { name: 'Brug denne telefons skærmlås næste gang' }).click();
	await expect(page.getByTestId('passkeys').getByRole('listitem')).toHaveCount(1);
	await page.goto('/parent');
	await logout(page);
	// Keep the answer the phone gives to the login page, then send it again.
	let sent: string | null = null;
	page.on('request', (r) => {
		if (r.url().endsWith('/login/passkey') && r.postData()?.includes('"response"')) sent = r.postData();
	});
	await signInWithScreenLock(page);
	await expect(page).toHaveURL('/parent');
	expect(sent).not.toBeNull();
	const origin = storyBaseURL();
	const again = await page.request.post(`${origin}/login/passkey`, {
		data: JSON.parse(sent!),
		headers: { origin, 'content-type': 'application/json' }
	});
	expect(again.status()).toBe(400);
	await cdp.detach();
});

test.describe('losing access', () => {
	test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });

	test('mette gives freja a new sign-in code: her old session ends, she sets a new password, the old one no longer works', async ({
		page,
		browser
	}, info) => {
		const oldPhone = await secondPhone(browser, info);
		await login(oldPhone, 'freja');
		await expect(oldPhone).toHaveURL('/');

		await login(page, 'mette');
		await page.goto(`/staff/youth/${userIdOf('freja')}`);
		await page.getByRole('link', { name: 'Ny kode til at logge ind' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Ny kode til at logge ind' })).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: /Lav ny kode \(Freja/ }).click();
		const notice = page.getByTestId('new-sign-in-code');
		await expect(notice).toContainText('Ny kode til Freja');
		const link = (await notice.textContent())?.match(/https?:\/\/\S+\/invite\/[a-z2-7]+/)?.[0];
		expect(link).toBeTruthy();

		// The old phone is signed out at once.
		await oldPhone.goto('/');
		await expect(oldPhone).toHaveURL(/\/login/);

		// Freja chooses a new password with the code.
		const fresh = await secondPhone(browser, info);
		await fresh.goto(link!);
		const password = 'min nye lange sætning';
		await fresh.getByLabel(/^Brugernavn/).fill('freja');
		await fresh.getByLabel(/^Adgangskode/).fill(password);
		await fresh.getByLabel('Gentag adgangskoden').fill(password);
		await fresh.getByRole('button', { name: 'Opret adgang' }).click();
		await expect(fresh.getByRole('status')).toContainText('Din adgang er oprettet');
		await login(fresh, 'freja', password);
		await expect(fresh).toHaveURL('/');

		// The old password no longer lets her in (asked from the old phone, signed out), and the code works only once.
		const origin = storyBaseURL();
		const old = await oldPhone.request.post(`${origin}/login`, {
			form: { username: 'freja', password: DEMO_PASSWORD },
			headers: { origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(old.status()).toBe(400);
		await fresh.goto(link!);
		await expect(fresh.getByText('Invitationen findes ikke, er brugt eller er udløbet')).toBeVisible();
	});
});
