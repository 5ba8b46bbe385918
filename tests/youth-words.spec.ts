/**
 * Issue 20, "Say it once, plainly", on a phone in Danish:
 * - freja (who has a guide) sees one way in to change guide, "Skift guide", and the choices after it;
 *   the directory's button says it sends a wish, and the answer after it says so in plain words;
 * - /guide and /messages say the same about when to reach someone (one server function, one
 *   component);
 * - no page freja or noah reads (nor noah's father's) uses a formal word without plain words before
 *   it (the same rule as src/lib/shared/youth-words.test.ts applies to every message).
 */
import { expect, storyDatabasePath, test, type Browser, type Page } from './story';
import Database from 'better-sqlite3';
import { expectAccessible, login, visit } from './helpers';
import { unexplainedFormalWords } from '../src/lib/shared/youth-words';

async function as(browser: Browser, username: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await login(page, username);
	return page;
}

/** What <main> says, hidden parts (a closed "Skift guide") included, without what people wrote. */
async function mainText(page: Page): Promise<string> {
	return page.locator('main').evaluate((main) => {
		const copy = main.cloneNode(true) as HTMLElement;
		for (const own of copy.querySelectorAll('[dir="auto"], textarea, input, script, style')) own.remove();
		return copy.textContent ?? '';
	});
}

const userId = (username: string) => {
	const db = new Database(storyDatabasePath(), { readonly: true });
	try {
		return (db.prepare('select id from users where username = ?').get(username) as { id: string }).id;
	} finally {
		db.close();
	}
};

const YOUTH_PAGES = ['/', '/plan', '/guide', '/consent', '/messages', '/checkin', '/privacy'];

test.describe('say it once, plainly', () => {
	test.describe.configure({ timeout: 120_000 });

	test('freja sees one "Skift guide"; the directory button says it sends a wish, and the answer says so plainly', async ({ browser }) => {
		const freja = await as(browser, 'freja');
		await visit(freja, '/guide');
		const card = freja.getByTestId('guide-card');
		await expect(card.getByRole('heading', { name: 'Mette Larsen', exact: true })).toBeVisible();

		// One way in, closed: the three ways to change are not laid out beside her guide.
		await expect(freja.getByText('Skift guide', { exact: true })).toHaveCount(1);
		await expect(freja.getByTestId('switch-guide')).toHaveCount(1);
		await expect(freja.getByTestId('switch-guide')).not.toHaveAttribute('open', /.*/);
		await expect(freja.getByRole('heading', { name: 'Vælg en guide' })).toBeHidden();
		await expect(freja.getByRole('heading', { name: 'Foreslå en, du kender' })).toBeHidden();
		await expect(freja.getByRole('heading', { name: 'Bed om at skifte guide' })).toBeHidden();
		await expect(freja.getByRole('button', { name: /^Send ønske om/ })).toHaveCount(0);
		await expectAccessible(freja);

		// Opened, it offers the choices: the list, someone she knows, or asking the unit.
		await freja.getByText('Skift guide', { exact: true }).click();
		await expect(freja.getByTestId('switch-guide')).toContainText('Du kan skifte på tre måder');
		await expect(freja.getByRole('heading', { name: 'Vælg en guide' })).toBeVisible();
		await expect(freja.getByRole('heading', { name: 'Foreslå en, du kender' })).toBeVisible();
		await expect(freja.getByRole('heading', { name: 'Bed om at skifte guide' })).toBeVisible();
		const jonas = freja.getByTestId('directory-guide').filter({ hasText: 'Jonas Berg' });
		const pick = jonas.getByRole('button', { name: 'Send ønske om Jonas Berg som guide' });
		await expect(pick).toBeVisible();
		// Her own guide is marked as hers, with nothing to send.
		await expect(freja.getByTestId('directory-guide').filter({ hasText: 'Mette Larsen' }).getByRole('button')).toHaveCount(0);
		await expectAccessible(freja);

		await pick.click();
		await expect(freja.getByRole('status')).toHaveText('Dit ønske er sendt. Du kan følge med her.');
		const request = freja.getByTestId('guide-request');
		await expect(request.getByRole('heading', { name: 'Dit ønske' })).toBeVisible();
		await expect(request).toContainText('Ønske: Jonas Berg som guide');
		await expect(request).toContainText(/Ungeenheden ser på det onsdag \d+\. \w+, når de fordeler guider/);
		await expect(request).toContainText('Du får svar her');
		await expect(freja.getByText('Du venter på svar på dit ønske.')).toBeVisible();
		// While it waits there is nothing more to send, so no "Skift guide" either.
		await expect(freja.getByTestId('switch-guide')).toHaveCount(0);
		expect(unexplainedFormalWords(await mainText(freja))).toEqual([]);
		await expectAccessible(freja);

		// Withdrawn again, so the other tests of this file see freja as the demo has her.
		await freja.getByRole('button', { name: 'Træk ønsket tilbage' }).click();
		await expect(freja.getByRole('status')).toHaveText('Ønsket er trukket tilbage.');
		await expect(freja.getByText('Skift guide', { exact: true })).toHaveCount(1);
		await freja.context().close();
	});

	test('without JavaScript, "Skift guide" opens and the wish is sent and withdrawn all the same', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const freja = await context.newPage();
		await login(freja, 'freja');
		await freja.goto('/guide');
		await expect(freja.getByRole('heading', { name: 'Vælg en guide' })).toBeHidden();
		await freja.getByText('Skift guide', { exact: true }).click();
		await freja
			.getByTestId('directory-guide')
			.filter({ hasText: 'Jonas Berg' })
			.getByRole('button', { name: 'Send ønske om Jonas Berg som guide' })
			.click();
		await expect(freja.getByRole('status')).toHaveText('Dit ønske er sendt. Du kan følge med her.');
		await expect(freja.getByTestId('guide-request')).toContainText('Ønske: Jonas Berg som guide');
		await freja.getByRole('button', { name: 'Træk ønsket tilbage' }).click();
		await expect(freja.getByRole('status')).toHaveText('Ønsket er trukket tilbage.');
		await context.close();
	});

	test('/guide and /messages say the same about when to reach someone', async ({ browser }) => {
		for (const who of ['freja', 'noah']) {
			const page = await as(browser, who);
			// The guide's answer time depends on the clock: read the two pages again if a working
			// hour began or ended between them.
			await expect(async () => {
				await page.goto('/guide');
				const onGuide = (await page.getByTestId('reach-time').textContent())?.trim();
				await page.goto('/messages');
				const onMessages = (await page.getByTestId('reach-time').textContent())?.trim();
				expect(onGuide).toBeTruthy();
				expect(onMessages).toBe(onGuide);
			}).toPass({ timeout: 30_000 });
			const hours = page.getByTestId('opening-hours');
			await expect(hours).toHaveCount(1);
			await expect(hours).toHaveText(
				who === 'freja'
					? 'Ungeenheden har åbent: Mandag–torsdag 9–15, fredag 9–13.'
					: 'Beskeder bliver læst i åbningstiden: Mandag–torsdag 9–15, fredag 9–13.'
			);
			if (who === 'freja') await expect(page.getByTestId('reach-time').getByTestId('answer-time')).toContainText('Mette Larsen');
			else await expect(page.getByTestId('answer-time')).toHaveCount(0);
			await page.context().close();
		}
	});

	test('no page freja, noah or noah’s father reads uses a formal word without plain words', async ({ browser }) => {
		const noah = userId('noah');
		const visits = [
			...YOUTH_PAGES.map((path) => ({ who: 'freja', path })),
			...YOUTH_PAGES.map((path) => ({ who: 'noah', path })),
			{ who: 'peter', path: '/parent' },
			{ who: 'peter', path: `/parent/${noah}` },
			{ who: 'peter', path: `/parent/${noah}/guide` },
			{ who: 'peter', path: `/parent/${noah}/consent` }
		];
		const found: string[] = [];
		let page: Page | null = null;
		let current = '';
		for (const { who, path } of visits) {
			if (who !== current) {
				await page?.context().close();
				page = await as(browser, who);
				current = who;
			}
			await page!.goto(path);
			await expect(page!.locator('main h1')).toBeVisible();
			const text = await mainText(page!);
			expect(text.length, `${who} ${path}`).toBeGreaterThan(100);
			for (const word of unexplainedFormalWords(text)) found.push(`${who} ${path}: »${word}«`);
		}
		await page?.context().close();
		expect(found, found.join('\n')).toEqual([]);
	});
});
