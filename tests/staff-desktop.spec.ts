import { expect, test } from './story';
import { as, expectAccessible, login, userIdOf } from './helpers';

/**
 * Issue 20, "staff screens for a working day on a desktop": a young person's page was one 700 px
 * column on a 1280 px screen. Now the summary (name, age, guide, the conversation, the page's
 * sections) stands beside the plan, the sections can be jumped to, and the page and the
 * conversation link to each other, only where the viewer may open the other.
 */
test.describe('a young person’s page on a desktop', () => {
	test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });

	test('mette sees freja’s summary beside the plan, jumps to a section, and goes to the conversation and back', async ({ page }) => {
		const freja = userIdOf('freja');
		await login(page, 'mette');
		await page.goto(`/staff/youth/${freja}`);
		const summary = page.locator('.summary');
		const plan = page.locator('#goal-heading');
		const s = (await summary.boundingBox())!;
		const p = (await plan.boundingBox())!;
		expect(s.x + s.width, 'the summary ends before the plan begins').toBeLessThanOrEqual(p.x);
		expect(p.y, 'the plan starts beside the summary, not below it').toBeLessThan(s.y + s.height);
		expect((await page.locator('main').boundingBox())!.width, 'the page uses the wide screen').toBeGreaterThan(1000);

		const sections = page.getByRole('navigation', { name: 'På siden' });
		await expect(sections.getByRole('link')).toHaveText(['Plan', 'Møder', 'Opfølgning', 'Status', 'Samtykke']);
		for (const href of await sections.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))) {
			await expect(page.locator(href), `${href} is on the page`).toHaveCount(1);
		}
		await sections.getByRole('link', { name: 'Samtykke' }).click();
		await expect(page).toHaveURL(/#staff-consent-heading$/);
		await expect(page.locator('#staff-consent-heading')).toBeInViewport();
		// The summary stays in view beside it (sticky).
		await expect(summary.getByRole('heading', { level: 1 })).toBeInViewport();
		await expectAccessible(page);

		await summary.getByRole('link', { name: 'Samtale med Freja Nielsen' }).click();
		await expect(page).toHaveURL(`/staff/messages/${freja}`);
		await page.getByRole('link', { name: /^Freja Nielsens side/ }).click();
		await expect(page).toHaveURL(`/staff/youth/${freja}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Freja Nielsen');
	});

	test('ali (jobcenter) sees freja’s plan but gets no link to a conversation he may not open', async ({ page }) => {
		const freja = userIdOf('freja');
		await login(page, 'ali');
		await page.goto(`/staff/youth/${freja}`);
		await expect(page.locator('#goal-heading')).toBeVisible();
		await expect(page.getByRole('link', { name: /^Samtale med/ })).toHaveCount(0);
		expect((await page.request.get(`/staff/messages/${freja}`)).status(), 'the conversation is closed to him').toBe(404);
		const sections = page.getByRole('navigation', { name: 'På siden' });
		for (const href of await sections.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))) {
			await expect(page.locator(href), `${href} is on the page`).toHaveCount(1);
		}
		await expectAccessible(page);
	});
});

test.describe('the staff list on a desktop', () => {
	const DESKTOP = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false };
	test.use(DESKTOP);
	const COLUMNS = ['Navn', 'Alder', 'Guide', 'Næste møde', 'Plan', 'Status', 'Opmærksomhed', 'Seneste besked'];

	test('mette’s list shows the latest message, waiting for an answer', async ({ page, browser }) => {
		// Freja writes to her guide: mette's list shows it, waiting for an answer.
		// (Sent without JavaScript: the page comes back once the message is stored.)
		const freja = await as(browser, 'freja', { javaScriptEnabled: false });
		await freja.goto('/messages');
		await freja.getByLabel('Skriv en besked').fill('Hej Mette, kan vi flytte mødet?');
		await freja.getByRole('button', { name: 'Send', exact: true }).click();
		await expect(freja.getByText('Hej Mette, kan vi flytte mødet?')).toBeVisible();
		await freja.context().close();

		await login(page, 'mette');
		await page.goto('/staff');
		const table = page.getByRole('table', { name: 'De unge på denne side af listen' });
		await expect(table.getByRole('columnheader')).toHaveText(COLUMNS);
		const frejaRow = page.getByTestId('caseload-row').filter({ hasText: 'Freja Nielsen' });
		const last = frejaRow.getByTestId('last-message');
		await expect(last).toContainText('Venter på svar');
		await expect(last.getByRole('link')).toHaveAttribute('href', `/staff/messages/${userIdOf('freja')}`);
		await expectAccessible(page);
	});

	test('everyone’s list is dense, and search and filters narrow it, with JavaScript and without', async ({ page, browser }) => {
		// The coordinator's list of everyone: dense rows, one line high or two (the goal under the
		// name), not cards; all of the demo's young people in the first screen.
		await login(page, 'lone');
		await page.goto('/staff');
		const rows = page.getByTestId('caseload-row');
		const count = await rows.count();
		expect(count).toBeGreaterThanOrEqual(5);
		for (const row of await rows.all()) {
			expect((await row.boundingBox())!.height).toBeLessThanOrEqual(64);
			await expect(row).toBeInViewport();
		}
		await expectAccessible(page);

		// A filter narrows it (age 16–17), in the address.
		await page.getByText('Søg og filtrér').click();
		await page.getByLabel('Aldersgruppe').selectOption('16-17');
		await page.getByRole('button', { name: 'Vis unge' }).click();
		await expect(page).toHaveURL(/age=16-17/);
		for (const text of await rows.allTextContents()) expect(text).toMatch(/1[67] år/);
		expect(await rows.count()).toBeLessThan(count);

		// Without JavaScript the search works too.
		const plain = await as(browser, 'lone', { ...DESKTOP, javaScriptEnabled: false });
		await plain.goto('/staff');
		await plain.getByText('Søg og filtrér').click();
		await plain.getByLabel('Navn').fill('freja');
		await plain.getByRole('button', { name: 'Vis unge' }).click();
		await expect(plain).toHaveURL(/q=freja/);
		await expect(plain.getByTestId('caseload-row')).toHaveCount(1);
		await expect(plain.getByTestId('caseload-row').getByRole('link').first()).toHaveText('Freja Nielsen');
		await plain.context().close();
	});

	test('ali (jobcenter) gets no column for conversations he may not read', async ({ page }) => {
		await login(page, 'ali');
		await page.goto('/staff');
		const headers = page.getByRole('columnheader');
		await expect(headers.first()).toHaveText('Navn');
		await expect(headers.filter({ hasText: 'Seneste besked' })).toHaveCount(0);
		await expect(page.getByTestId('last-message')).toHaveCount(0);
		await expectAccessible(page);
	});
});

test('on a phone the summary comes first, above the plan, in one column', async ({ page }) => {
	await login(page, 'mette');
	await page.goto(`/staff/youth/${userIdOf('freja')}`);
	const s = (await page.locator('.summary').boundingBox())!;
	const p = (await page.locator('#goal-heading').boundingBox())!;
	expect(p.y).toBeGreaterThanOrEqual(s.y + s.height);
	await expect(page.getByRole('link', { name: 'Samtale med Freja Nielsen' })).toBeVisible();
});
