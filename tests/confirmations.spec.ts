import { expect, test, type Locator, type Page } from './story';
import { expectAccessible, login, logout, visit } from './helpers';

// Issue 20: a confirmation is said where the eye is. With JavaScript it takes the focus (so it is
// read out and the next Tab goes on from there) and is in view, also when the item moved; without
// JavaScript the reloaded page opens at the item's own anchor instead of at the top.

/** Opens a page and waits until it is hydrated. */
const step = (page: Page, title: string) => page.getByTestId('step').filter({ hasText: title });
const directoryEntry = (page: Page, name: string) => page.getByTestId('directory-guide').filter({ hasText: name });

/** The confirmation has the focus and can be seen. */
async function expectSaidWhereTheEyeIs(note: Locator, text: string | RegExp) {
	await expect(note).toContainText(text);
	await expect(note).toBeFocused();
	await expect(note).toBeInViewport();
}

/** The anchor of a step's card (its heading's id), read before the card changes. */
const anchorOf = async (card: Locator) => (await card.getByRole('heading', { level: 3 }).getAttribute('id'))!;

// The tests use different steps and people; noah withdraws his request before the end of his
// first test, so his second can pick again.
test.describe('confirmations with JavaScript', () => {
	test('freja marks a step done: "Godt gået!" is focused where the step went, and the next comment goes to that step', async ({ page }) => {
		test.slow(); // axe runs twice on a long page; the shared test machine is slow
		await login(page, 'freja');
		await visit(page, '/plan');
		const application = step(page, 'Send din ansøgning');
		const other = step(page, 'Tilmeld dig grundforløb');
		await expect(page.getByTestId('group-now')).toContainText('Send din ansøgning');

		await application.getByRole('button', { name: /Jeg har gjort det/ }).click();
		// The step moved down to "Klaret"; its confirmation went with it and the page followed.
		await expect(page.getByTestId('group-done')).toContainText('Send din ansøgning');
		await expectSaidWhereTheEyeIs(application.getByRole('status'), 'Godt gået!');
		await expect(application.getByRole('heading', { level: 3 })).toBeInViewport();
		await expectAccessible(page);

		// The keyboard goes on from the confirmation: the next comment is on the same step.
		await page.keyboard.press('Tab');
		const summary = application.locator('summary', { hasText: 'Skriv en kommentar' });
		await expect(summary).toBeFocused();
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		await expect(application.getByLabel('Din kommentar')).toBeFocused();
		await page.keyboard.type('Jeg sendte den i går.');
		await application.getByRole('button', { name: 'Send kommentar' }).click();
		await expectSaidWhereTheEyeIs(application.getByRole('status'), 'Din kommentar er gemt.');
		await expect(application).toContainText('Jeg sendte den i går.');
		await expect(other).not.toContainText('Jeg sendte den i går.');
		await expectAccessible(page);
	});

	test('noah picks a guide and withdraws: each answer is focused and in view', async ({ page }) => {
		await login(page, 'noah');
		await visit(page, '/guide');
		const pick = directoryEntry(page, 'Mette Larsen').getByRole('button', { name: 'Send ønske om Mette Larsen som guide' });
		await pick.scrollIntoViewIfNeeded();
		await pick.click();
		await expectSaidWhereTheEyeIs(page.getByRole('status'), 'Dit ønske er sendt. Du kan følge med her.');
		await expectAccessible(page);

		await page.getByRole('button', { name: 'Træk ønsket tilbage' }).click();
		await expectSaidWhereTheEyeIs(page.getByRole('status'), 'Ønsket er trukket tilbage.');
		await logout(page);
	});

	test('mette saves a check-in rhythm for freja: "Rytmen er gemt." is focused and in view', async ({ page }) => {
		await login(page, 'mette');
		await page.getByRole('link', { name: 'Freja Nielsen' }).click();
		const followUp = page.getByRole('region', { name: 'Opfølgning' });
		await followUp.getByLabel('Dage mellem spørgsmålene').fill('14');
		await followUp.getByRole('button', { name: 'Gem rytme' }).click();
		await expectSaidWhereTheEyeIs(followUp.getByText('Rytmen er gemt.'), 'Rytmen er gemt.');
		await expect(followUp.getByTestId('checkin-rhythm')).toContainText('Spørger hver 14. dag fra');
		await expectAccessible(page);
	});
});

test.describe('confirmations without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('freja marks a step done and comments: the page opens at the step, with its confirmation in view', async ({ page }) => {
		await login(page, 'freja');
		await page.goto('/plan');
		const enrol = step(page, 'Tilmeld dig grundforløb');
		const anchor = await anchorOf(enrol);
		expect(anchor).toMatch(/^step-/);

		await enrol.getByRole('button', { name: /Jeg har gjort det/ }).click();
		await expect(page).toHaveURL(new RegExp(`\\?/markDone#${anchor}$`));
		await expect(page.getByTestId('group-done')).toContainText('Tilmeld dig grundforløb');
		await expect(enrol.getByRole('status')).toContainText('Godt gået!');
		await expect(enrol.getByRole('status')).toBeInViewport();

		await enrol.locator('summary', { hasText: 'Skriv en kommentar' }).click();
		await enrol.getByLabel('Din kommentar').fill('Jeg er tilmeldt nu.');
		await enrol.getByRole('button', { name: 'Send kommentar' }).click();
		await expect(page).toHaveURL(new RegExp(`\\?/commentStep#${anchor}$`));
		await expect(enrol).toContainText('Jeg er tilmeldt nu.');
		await expect(enrol.getByRole('status')).toHaveText('Din kommentar er gemt.');
		await expect(enrol.getByRole('status')).toBeInViewport();
	});

	test('noah picks a guide: the answer is in view after the reload', async ({ page }) => {
		await login(page, 'noah');
		await page.goto('/guide');
		await directoryEntry(page, 'Mette Larsen').getByRole('button', { name: 'Send ønske om Mette Larsen som guide' }).click();
		await expect(page).toHaveURL(/\/guide\?\/pick$/);
		await expect(page.getByRole('status')).toHaveText('Dit ønske er sendt. Du kan følge med her.');
		await expect(page.getByRole('status')).toBeInViewport();
	});

	test('jonas saves a rhythm for amina: the page opens at the follow-up, with its confirmation in view', async ({ page }) => {
		await login(page, 'jonas');
		await page.getByRole('link', { name: 'Amina Hassan' }).click();
		const followUp = page.getByRole('region', { name: 'Opfølgning' });
		await followUp.getByLabel('Dage mellem spørgsmålene').fill('7');
		await followUp.getByRole('button', { name: 'Gem rytme' }).click();
		await expect(page).toHaveURL(/\/followup\?\/setRhythm#checkin-followup-heading$/);
		await expect(page.getByText('Rytmen er gemt.')).toBeInViewport();
		await expect(page.getByTestId('checkin-rhythm')).toContainText('Spørger hver 7. dag');
	});
});
