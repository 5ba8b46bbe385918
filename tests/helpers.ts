import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'minvej-demo';

/**
 * Logs in through the real form and waits for the role's home page. Filled in again if the page's
 * hydration emptied the fields typed before it (the required fields then stop the submit).
 */
export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
	await page.goto('/login');
	await expect(async () => {
		if (!new URL(page.url()).pathname.startsWith('/login')) return;
		await page.getByLabel('Brugernavn').fill(username);
		await page.getByLabel('Adgangskode').fill(password);
		await page.getByRole('button', { name: 'Log ind' }).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 5_000 });
	}).toPass({ timeout: 20_000 });
}

export async function logout(page: Page) {
	await page.getByRole('button', { name: /Log ud|Log out/ }).click();
	await page.waitForURL(/\/login/);
}

/** Switches the interface language with the header's switch. */
export async function switchLanguage(page: Page, to: 'da' | 'en') {
	const name = to === 'en' ? /English/ : /Dansk/;
	await page.getByRole('button', { name }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', to);
}

/** Fails with the list of WCAG 2.1 A/AA violations axe finds on the current page. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
	expect(summary, summary.join('\n')).toEqual([]);
}
