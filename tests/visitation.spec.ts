import { expect, test, type Locator, type Page } from './story';
import { as, expectAccessible, login, visit } from './helpers';

/**
 * Issue 20, the visitation on a desktop: the request page stacked three full forms with the
 * over-capacity reason always shown. Now one decision is shown at a time, chosen with plain links
 * (so it works without JavaScript), and the over-capacity reason is asked for only when the chosen
 * guide is full. The queue can be filtered by kind, by where a request stands and by age.
 */
const DESKTOP = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false };

/** A young person sends a wish for a guide from the directory (through the app, as they would). */
async function wish(page: Page, guide: string) {
	await visit(page, '/guide');
	const change = page.getByText('Skift guide', { exact: true });
	if (await change.isVisible()) await change.click();
	await page
		.getByTestId('directory-guide')
		.filter({ hasText: guide })
		.getByRole('button', { name: `Send ønske om ${guide} som guide` })
		.click();
	await expect(page.getByRole('status')).toHaveText('Dit ønske er sendt. Du kan følge med her.');
}

/** The forms on the page that a person can see (the log-out button's form in the header is not in main). */
const visibleForms = (page: Page) => page.locator('main form:visible');
/** Chooses the guide by name in a list whose options also say the guide's load. */
async function chooseGuide(select: Locator, name: string) {
	const value = await select.locator('option', { hasText: name }).getAttribute('value');
	await select.selectOption(value!);
}
const queueNames = (page: Page) => page.getByTestId('queue-item').getByRole('heading');

test.describe('the visitation on a desktop', () => {
	test.use(DESKTOP);
	test.describe.configure({ mode: 'serial', timeout: 120_000 });

	test.beforeAll(async ({ browser }) => {
		const noah = await as(browser, 'noah');
		await wish(noah, 'Mette Larsen');
		await noah.context().close();
		const freja = await as(browser, 'freja');
		await wish(freja, 'Jonas Berg');
		await freja.context().close();
	});

	test('the queue narrows by age, kind and where a request stands', async ({ page }) => {
		await login(page, 'lone');
		await visit(page, '/staff/requests');
		await expect(queueNames(page)).toHaveText([/Noah Jensen/, /Freja Nielsen/]);

		await page.getByLabel('Aldersgruppe').selectOption({ label: '13–15 år' });
		await page.getByRole('button', { name: 'Vis', exact: true }).click();
		await expect(page).toHaveURL(/age=13-15/);
		await expect(queueNames(page)).toHaveText([/Noah Jensen/]);
		await expect(page.getByLabel('Aldersgruppe')).toHaveValue('13-15');

		await page.getByLabel('Aldersgruppe').selectOption('');
		await page.getByLabel('Slags anmodning').selectOption({ label: 'Foreslår en person, de kender' });
		await page.getByRole('button', { name: 'Vis', exact: true }).click();
		await expect(page.getByTestId('queue-item')).toHaveCount(0);
		await expect(page.getByTestId('queue-empty')).toHaveText('Ingen åbne anmodninger passer til filtrene.');

		await page.getByRole('link', { name: 'Nulstil' }).click();
		await page.getByLabel('Hvor står den').selectOption({ label: 'Venter på den unges svar' });
		await page.getByRole('button', { name: 'Vis', exact: true }).click();
		await expect(page.getByTestId('queue-item')).toHaveCount(0);
		await expectAccessible(page);
	});

	test('without JavaScript the filters work too', async ({ browser }) => {
		const page = await as(browser, 'lone', { ...DESKTOP, javaScriptEnabled: false });
		await page.goto('/staff/requests');
		await page.getByLabel('Aldersgruppe').selectOption({ label: '16–17 år' });
		await page.getByRole('button', { name: 'Vis', exact: true }).click();
		await expect(queueNames(page)).toHaveText([/Freja Nielsen/]);
		await page.context().close();
	});

	test('one decision at a time, and the over-capacity reason only for a full guide', async ({ page, browser }) => {
		await login(page, 'lone');
		await visit(page, '/staff/requests');
		await page.getByRole('link', { name: 'Behandl anmodningen fra Noah Jensen' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anmodning fra Noah Jensen');

		const choices = page.getByRole('navigation', { name: 'Hvad vil du beslutte?' });
		await expect(choices.getByRole('link')).toHaveText(['Godkend', 'Foreslå en anden guide', 'Afvis']);
		await expect(choices.getByRole('link', { name: 'Godkend' })).toHaveAttribute('aria-current', 'true');
		await expect(visibleForms(page)).toHaveCount(1);
		await expect(page.getByRole('button', { name: 'Godkend' })).toBeVisible();

		// Mette has room: no reason asked. Sofie is full (2 of 2): the reason is asked for, and required.
		const assign = page.getByLabel('Guide, der tildeles');
		await expect(assign.locator('option:checked')).toHaveText(/^Mette Larsen/);
		const override = page.getByLabel('Begrundelse for at gå over guidens kapacitet');
		await expect(override).toHaveCount(0);
		await chooseGuide(assign, 'Sofie Holm');
		await expect(assign.locator('option:checked')).toHaveText('Sofie Holm – fuld (2 af 2)');
		await expect(override).toBeVisible();
		await expect(override).toHaveAttribute('required', '');
		await expectAccessible(page);

		// Suggesting another guide shows that one form only, and asks the same only for a full guide.
		await choices.getByRole('link', { name: 'Foreslå en anden guide' }).click();
		await expect(visibleForms(page)).toHaveCount(1);
		await expect(page.getByRole('button', { name: 'Send forslaget til den unge' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Godkend' })).toHaveCount(0);
		const suggest = page.getByLabel('Foreslået guide');
		await chooseGuide(suggest, 'Jonas Berg');
		await expect(override).toHaveCount(0);
		await chooseGuide(suggest, 'Sofie Holm');
		await expect(override).toBeVisible();

		await choices.getByRole('link', { name: 'Afvis' }).click();
		await expect(visibleForms(page)).toHaveCount(1);
		await expect(page.getByLabel('Begrundelse til den unge')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Send forslaget til den unge' })).toHaveCount(0);
		await expectAccessible(page);

		// Back to approving: the guide chosen there is kept. Mette again, who has room: no reason asked.
		await choices.getByRole('link', { name: 'Godkend' }).click();
		await expect(assign.locator('option:checked')).toHaveText(/^Sofie Holm/);
		await expect(override).toBeVisible();
		await chooseGuide(assign, 'Mette Larsen');
		await expect(override).toHaveCount(0);
		// The decision lands.
		await page.getByRole('button', { name: 'Godkend' }).click();
		await expect(page.getByTestId('decision-notice')).toHaveText('Anmodningen er godkendt, og guiden er tildelt.');
		await expect(visibleForms(page)).toHaveCount(0);

		const noah = await as(browser, 'noah');
		await noah.goto('/guide');
		await expect(noah.getByTestId('guide-card').getByRole('heading', { name: 'Mette Larsen', exact: true })).toBeVisible();
		await expect(noah.getByTestId('guide-request')).toContainText('Mette Larsen er din guide nu');
		await noah.context().close();
	});

	test('without JavaScript: the server asks for the reason when a full guide is chosen, and keeps what was chosen', async ({ browser }) => {
		const page = await as(browser, 'lone', { ...DESKTOP, javaScriptEnabled: false });
		await page.goto('/staff/requests');
		await page.getByRole('link', { name: 'Behandl anmodningen fra Freja Nielsen' }).click();
		await page.getByRole('navigation', { name: 'Hvad vil du beslutte?' }).getByRole('link', { name: 'Foreslå en anden guide' }).click();
		await expect(visibleForms(page)).toHaveCount(1);
		const override = page.getByLabel('Begrundelse for at gå over guidens kapacitet');
		await expect(override).toHaveCount(0);
		await chooseGuide(page.getByLabel('Foreslået guide'), 'Sofie Holm');
		await page.getByLabel('Besked til den unge (valgfri)').fill('Sofie kender din skole.');
		await page.getByRole('button', { name: 'Send forslaget til den unge' }).click();

		await expect(page.getByRole('alert')).toContainText('Guiden er fuld. Skriv en begrundelse');
		await expect(page.getByLabel('Foreslået guide').locator('option:checked')).toHaveText(/^Sofie Holm/);
		await expect(page.getByLabel('Besked til den unge (valgfri)')).toHaveValue('Sofie kender din skole.');
		await expect(override).toBeVisible();
		await override.fill('Freja har spurgt efter en guide, der kender hendes skole. Sofie tager hende ind som nummer tre.');
		await page.getByRole('button', { name: 'Send forslaget til den unge' }).click();
		await expect(page.getByTestId('decision-notice')).toHaveText('Forslaget er sendt. Den unge svarer i Minvej.');

		// The queue now has Freja waiting for her answer: the filter finds her there.
		await page.goto('/staff/requests?state=suggested');
		await expect(page.getByRole('heading', { name: 'Venter på den unges svar' })).toBeVisible();
		await expect(page.getByRole('main')).toContainText('Freja Nielsen');
		await page.context().close();
	});
});
