import { expect, test } from './story';
import { expectAccessible, login, loginWithForm, logout, switchLanguage } from './helpers';

const homes: Array<[string, string, RegExp]> = [
	['freja', '/', /Hej Freja/],
	['karen', '/parent', /Mine børn/],
	['peter', '/parent', /Mine børn/],
	['mette', '/staff', /Mine unge/],
	['lone', '/staff', /Alle unge/],
	['ali', '/staff', /Unge, der deler med/]
];

test.describe('foundation', () => {
	for (const [username, home, heading] of homes) {
		test(`${username} logs in with the form and lands on ${home}`, async ({ page }) => {
			await loginWithForm(page, username);
			await expect(page).toHaveURL(home);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
			await expectAccessible(page);
			await switchLanguage(page, 'en');
			await expectAccessible(page);
			await switchLanguage(page, 'da');
		});
	}

	test('a wrong password shows a clear Danish message and keeps the username', async ({ page }) => {
		await page.goto('/login');
		await expectAccessible(page);
		await page.getByLabel('Brugernavn').fill('amina');
		await page.getByLabel('Adgangskode').fill('forkert-kode');
		await page.getByRole('button', { name: 'Log ind' }).click();
		await expect(page.getByRole('alert')).toContainText('Brugernavn eller adgangskode er forkert');
		await expect(page.getByLabel('Brugernavn')).toHaveValue('amina');
		await expect(page).toHaveURL(/\/login/);
		await expectAccessible(page);
	});

	test('an unknown username gets exactly the same answer', async ({ page }) => {
		await page.goto('/login');
		await page.getByLabel('Brugernavn').fill('findes-ikke');
		await page.getByLabel('Adgangskode').fill('forkert-kode');
		await page.getByRole('button', { name: 'Log ind' }).click();
		await expect(page.getByRole('alert')).toHaveText(/Brugernavn eller adgangskode er forkert/);
	});

	test('an anonymous visit to /plan goes to /login and back after login', async ({ page }) => {
		await page.goto('/plan');
		await expect(page).toHaveURL(/\/login\?next=%2Fplan/);
		await page.getByLabel('Brugernavn').fill('freja');
		await page.getByLabel('Adgangskode').fill('minvej-demo');
		await page.getByRole('button', { name: 'Log ind' }).click();
		await expect(page).toHaveURL('/plan');
	});

	test('logout ends the session on the server', async ({ page, context }) => {
		await login(page, 'freja');
		const before = (await context.cookies()).find((c) => c.name === 'minvej_session');
		expect(before?.httpOnly).toBe(true);
		expect(before?.sameSite).toBe('Lax');
		await logout(page);
		await expect(page.getByRole('status')).toHaveText('Du er logget ud.');
		// Replaying the old cookie must not bring the session back.
		await context.addCookies([{ ...before!, expires: -1 }]);
		await page.goto('/');
		await expect(page).toHaveURL(/\/login/);
	});

	test('people never reach other people’s pages', async ({ page }) => {
		await login(page, 'mette');
		await page.getByRole('link', { name: /Freja/ }).first().click();
		await expect(page).toHaveURL(/\/staff\/youth\/[a-z0-9]+$/);
		const frejaPage = new URL(page.url()).pathname;
		await logout(page);

		await login(page, 'hanne'); // no consent to the family department
		expect((await page.goto(frejaPage))?.status()).toBe(404);
		await logout(page);

		await login(page, 'freja');
		expect((await page.goto('/staff'))?.status()).toBe(404);
		expect((await page.goto('/parent'))?.status()).toBe(404);
		await logout(page);

		await login(page, 'peter');
		await page.getByRole('link', { name: /Noah/ }).click();
		await expect(page).toHaveURL(/\/parent\/[a-z0-9]+$/);
		const noahPage = new URL(page.url()).pathname;
		await logout(page);
		await login(page, 'karen');
		expect((await page.goto(noahPage))?.status()).toBe(404);
	});

	test('staff invite a young person, who then chooses a password and logs in', async ({ page }) => {
		await login(page, 'mette');
		await page.goto('/staff/invites');
		await page.getByLabel('Ung').check();
		await page.getByLabel('Fulde navn').fill('Yasmin Test');
		await page.getByLabel('Fødselsdato').fill('2009-05-04');
		await page.getByRole('button', { name: /Lav invitation/ }).click();
		const notice = await page.getByTestId('invite-link').textContent();
		const link = notice?.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9]+/)?.[0];
		expect(link).toBeTruthy();
		await logout(page);

		await page.goto(link!);
		await page.getByLabel(/^Brugernavn/).fill('yasmin');
		await page.getByLabel(/^Adgangskode/).fill('en lang og god sætning');
		await page.getByLabel('Gentag adgangskoden').fill('en lang og god sætning');
		await page.getByRole('button', { name: 'Opret adgang' }).click();
		await expect(page.getByRole('status')).toContainText('Din adgang er oprettet');
		await page.goto(link!);
		await expect(page.getByText(/Invitationen findes ikke/)).toBeVisible();
		await login(page, 'yasmin', 'en lang og god sætning');
		await expect(page).toHaveURL('/');
	});

	test('every response carries the security headers', async ({ request }) => {
		const res = await request.get('/login');
		const headers = res.headers();
		expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
		expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*'unsafe-inline'/);
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBeTruthy();
		expect(headers['cache-control']).toContain('no-store');
		expect((await request.get('/healthz')).status()).toBe(200);
	});
});
