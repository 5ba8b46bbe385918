import { expect, test, type Page } from './story';
import { expectAccessible, login, logout, switchLanguage } from './helpers';

const phone = (page: Page) => page.getByLabel('Telefonnummer');

test.describe('the youth unit’s settings', () => {
	test('lone changes the phone number and the visitation day; a mistake is explained and kept', async ({ page }) => {
		await login(page, 'lone');
		await page.getByRole('navigation').getByRole('link', { name: 'Indstillinger' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indstillinger for Ungeenheden');
		await expect(phone(page)).toHaveValue('70 10 20 30');
		await expect(page.getByLabel('Ugedag for det ugentlige visitationsmøde')).toHaveValue('3');
		await expectAccessible(page);

		// A wrong number: explained, everything typed kept, nothing saved.
		await phone(page).fill('12');
		await page.getByLabel('Åbningstider').fill('Mandag–fredag 9–14');
		await page.getByRole('button', { name: 'Gem indstillingerne' }).click();
		await expect(page.getByRole('alert').filter({ hasText: 'Ret det, der er markeret herunder.' })).toBeVisible();
		await expect(page.getByText('Skriv et telefonnummer med 8 cifre eller flere.')).toBeVisible();
		await expect(phone(page)).toHaveAttribute('aria-invalid', 'true');
		await expect(phone(page)).toHaveValue('12');
		await expect(page.getByLabel('Åbningstider')).toHaveValue('Mandag–fredag 9–14');
		await expectAccessible(page);

		await phone(page).fill('70 10 20 99');
		await page.getByLabel('Ugedag for det ugentlige visitationsmøde').selectOption({ label: 'Mandag' });
		await page.getByRole('button', { name: 'Gem indstillingerne' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Indstillingerne er gemt.' })).toBeVisible();
		await page.reload();
		await expect(phone(page)).toHaveValue('70 10 20 99');
		await expect(page.getByLabel('Ugedag for det ugentlige visitationsmøde')).toHaveValue('1');
		await switchLanguage(page, 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings for the youth unit');
		await expectAccessible(page);
		await switchLanguage(page, 'da');

		// Everyone sees the new number at once, e.g. on the login page: in its own text and in the
		// footer every page has (issue 20), where it is a link to call.
		await logout(page);
		await expect(page.getByRole('main').getByText(/70 10 20 99/)).toBeVisible();
		await expect(page.getByRole('contentinfo').getByRole('link', { name: /70 10 20 99/ })).toHaveAttribute('href', 'tel:70102099');

		// Put the demo's settings back for the stories that follow.
		await login(page, 'lone');
		await page.goto('/staff/settings');
		await phone(page).fill('70 10 20 30');
		await page.getByLabel('Åbningstider').fill('Mandag–torsdag 9–15, fredag 9–13');
		await page.getByLabel('Ugedag for det ugentlige visitationsmøde').selectOption('3');
		await page.getByRole('button', { name: 'Gem indstillingerne' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Indstillingerne er gemt.' })).toBeVisible();
	});

	test('only the coordinator reaches the settings', async ({ page }) => {
		await login(page, 'mette');
		await expect(page.getByRole('navigation').getByRole('link', { name: 'Indstillinger' })).toHaveCount(0);
		expect((await page.goto('/staff/settings'))?.status()).toBe(404);
	});
});
