import { expect, test } from './story';
import { expectAccessible, login, userIdOf } from './helpers';

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

test('on a phone the summary comes first, above the plan, in one column', async ({ page }) => {
	await login(page, 'mette');
	await page.goto(`/staff/youth/${userIdOf('freja')}`);
	const s = (await page.locator('.summary').boundingBox())!;
	const p = (await page.locator('#goal-heading').boundingBox())!;
	expect(p.y).toBeGreaterThanOrEqual(s.y + s.height);
	await expect(page.getByRole('link', { name: 'Samtale med Freja Nielsen' })).toBeVisible();
});
