import { expect, test, type Locator, type Page } from './story';
import { expectAccessible, login, logout } from './helpers';

// Issue 20: a confirmation is said where the eye is. With JavaScript it takes the focus (so it is
// read out and the next Tab goes on from there) and is in view, also when the item moved; without
// JavaScript the reloaded page opens at the item's own anchor instead of at the top.

/** Opens a page and waits until it is hydrated. */
const open = (page: Page, path: string) => page.goto(path, { waitUntil: 'networkidle' });
const directoryEntry = (page: Page, name: string) => page.getByTestId('directory-guide').filter({ hasText: name });

/** The confirmation has the focus and can be seen. */
async function expectSaidWhereTheEyeIs(note: Locator, text: string | RegExp) {
	await expect(note).toContainText(text);
	await expect(note).toBeFocused();
	await expect(note).toBeInViewport();
}

// Noah withdraws his request before the end of his first test, so his second can pick again.
test.describe('confirmations with JavaScript', () => {
	test('noah picks a guide and withdraws: each answer is focused and in view', async ({ page }) => {
		await login(page, 'noah');
		await open(page, '/guide');
		const pick = directoryEntry(page, 'Mette Larsen').getByRole('button', { name: 'Send ønske om Mette Larsen som guide' });
		await pick.scrollIntoViewIfNeeded();
		await pick.click();
		await expectSaidWhereTheEyeIs(page.getByRole('status'), 'Dit ønske er sendt. Du kan følge med her.');
		await expectAccessible(page);

		await page.getByRole('button', { name: 'Træk ønsket tilbage' }).click();
		await expectSaidWhereTheEyeIs(page.getByRole('status'), 'Ønsket er trukket tilbage.');
		await logout(page);
	});
});

test.describe('confirmations without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('noah picks a guide: the answer is in view after the reload', async ({ page }) => {
		await login(page, 'noah');
		await page.goto('/guide');
		await directoryEntry(page, 'Mette Larsen').getByRole('button', { name: 'Send ønske om Mette Larsen som guide' }).click();
		await expect(page).toHaveURL(/\/guide\?\/pick$/);
		await expect(page.getByRole('status')).toHaveText('Dit ønske er sendt. Du kan følge med her.');
		await expect(page.getByRole('status')).toBeInViewport();
	});
});
