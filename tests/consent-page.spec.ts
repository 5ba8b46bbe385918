import { expect, test, type Locator, type Page } from './story';
import { DEMO_PASSWORD, expectAccessible, login, secondPhone } from './helpers';

/**
 * Issue 20, "the consent page, condensed" (tried as a 15-year-old on a phone): the facts every
 * consent shares (how long it lasts, that stop works at any time and at once, what stop means)
 * are said once at the top; each card keeps to what differs, with its details folded; and
 * "Stop deling" weighs as much as "Ja, del".
 */

/**
 * The page's height at the Pixel 7 viewport, for freja (six departments, one parent, her history).
 * Measured with this spec: 4,601 px before (every card repeating the full wording, how long and
 * what stop means), 2,949 px after. The bound leaves room for a line more here and there (a longer
 * name, one more history entry from another test) and still fails the old page by 1,300 px; what
 * remains is mostly the history and the footer, which this change does not touch.
 */
const MAX_HEIGHT = 3_300;

/** How many elements the reader can see whose own text matches (text in a closed `<details>` is not seen). */
function visibleMatches(page: Page, pattern: RegExp): Promise<number> {
	return page.locator('main').evaluate(
		(main, [source, flags]) => {
			const re = new RegExp(source, flags);
			const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
			let count = 0;
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				if (re.test(node.textContent ?? '') && node.parentElement?.checkVisibility()) count++;
			}
			return count;
		},
		[pattern.source, pattern.flags] as const
	);
}

/** What makes a button weigh: its fill, its border, the weight and size of its text, its height. */
function weight(button: Locator) {
	return button.evaluate((el) => {
		const s = getComputedStyle(el);
		const card = getComputedStyle(el.closest('article')!);
		return {
			background: s.backgroundColor,
			border: s.borderTopColor,
			borderWidth: s.borderTopWidth,
			cardBackground: card.backgroundColor,
			fontWeight: s.fontWeight,
			fontSize: s.fontSize,
			height: Math.round(el.getBoundingClientRect().height)
		};
	});
}

test.describe('the consent page on a phone, in Danish', () => {
	test('is short, says the shared facts once, and folds each card’s details until tapped', async ({ page }) => {
		await login(page, 'freja');
		await page.goto('/consent');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Samtykke');

		const height = await page.evaluate(() => document.documentElement.scrollHeight);
		test.info().annotations.push({ type: 'height', description: `${height} px` });
		expect(height, `the page is ${height} px high`).toBeLessThan(MAX_HEIGHT);

		// The shared facts, once, at the top, before the first card.
		const facts = page.getByTestId('consent-facts');
		await expect(facts).toContainText('Et ja gælder, indtil du siger stop.');
		await expect(facts).toContainText('Du kan sige stop når som helst, og det gælder med det samme.');
		await expect(facts).toContainText('Når du siger stop, kan de ikke længere se noget om dig i Minvej.');
		expect(await visibleMatches(page, /indtil du siger stop/i), 'how long a yes lasts').toBe(1);
		expect(await visibleMatches(page, /sige stop (her )?når som helst/i), 'stop at any time').toBe(1);
		expect(await visibleMatches(page, /kan de ikke længere se noget|ikke længere se noget om dig/i), 'what stop means').toBe(1);
		const factsBottom = (await facts.boundingBox())!.y;
		const firstCard = (await page.getByTestId('consent-department:jobcenter').boundingBox())!.y;
		expect(factsBottom).toBeLessThan(firstCard);

		// Each card: who, what they see, its state, and one button.
		const cards = page.locator('article[data-testid^="consent-department:"], article[data-testid^="consent-parent:"]');
		expect(await cards.count()).toBeGreaterThan(3);
		for (const card of await cards.all()) {
			await expect(card.getByRole('heading', { level: 3 })).toBeVisible();
			await expect(card.locator('.badge')).toHaveText(/^(Deler|Deler ikke|Venter|Stoppet)$/);
			await expect(card.getByRole('button').filter({ visible: true })).toHaveCount(1);
		}

		// The jobcenter's details: folded, and open on a tap, with what exactly, why, since when.
		const job = page.getByTestId('consent-department:jobcenter');
		await expect(job.getByText('Deler', { exact: true })).toBeVisible();
		await expect(job.getByText(/^Kan se: /)).toBeVisible();
		const details = job.locator('details').first();
		await expect(details).not.toHaveAttribute('open');
		await expect(job.getByText(/Hvorfor: /)).toBeHidden();
		await details.locator('summary').tap();
		await expect(details).toHaveAttribute('open');
		await expect(job.getByText(/Hvorfor: Jobcentret hjælper/)).toBeVisible();
		await expect(job.getByText(/Hvor længe: Indtil du siger stop/)).toBeVisible();
		await expect(job.getByText(/^Du har sagt ja\. De kan se: .*Siden /)).toBeVisible();
		await expectAccessible(page);
	});

	test('“Stop deling” weighs as much as “Ja, del”: both filled, the same text weight and height', async ({ page }) => {
		await login(page, 'freja');
		await page.goto('/consent');
		const stop = await weight(page.getByRole('button', { name: 'Stop deling med Jobcentret' }));
		const give = await weight(page.getByRole('button', { name: /^Ja, del med FGU/ }));
		for (const b of [stop, give]) {
			expect(b.background, 'filled, not the card showing through').not.toBe(b.cardBackground);
			expect(b.background).not.toBe('rgba(0, 0, 0, 0)');
			expect(b.border, 'a fill, not an outline').toBe(b.background);
		}
		expect(stop.background, 'stop has a colour of its own').not.toBe(give.background);
		expect(stop.fontWeight).toBe(give.fontWeight);
		expect(stop.fontSize).toBe(give.fontSize);
		expect(stop.borderWidth).toBe(give.borderWidth);
		expect(stop.height).toBe(give.height);
		await expectAccessible(page);
	});

	test('without JavaScript: the details open on a tap, and stop and yes work', async ({ browser }, info) => {
		const page = await secondPhone(browser, info, { javaScriptEnabled: false });
		await page.goto('/login');
		await page.getByLabel('Brugernavn').fill('freja');
		await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Log ind' }).click();
		await page.goto('/consent');
		const job = page.getByTestId('consent-department:jobcenter');
		await job.locator('summary').first().tap();
		await expect(job.getByText(/Hvorfor: Jobcentret hjælper/)).toBeVisible();
		await job.getByRole('button', { name: 'Stop deling med Jobcentret' }).click();
		await expect(job.getByRole('status')).toHaveText('Du har sagt stop. Jobcentret kan ikke se noget mere.');
		await expect(job.getByText('Stoppet', { exact: true })).toBeVisible();
		await job.getByRole('button', { name: 'Ja, del med Jobcentret' }).click();
		await expect(job.getByRole('status')).toHaveText('Du har sagt ja. Jobcentret kan se det nu.');
		await page.context().close();
	});

	test('peter’s “Nej, stop” and “Stop deling” weigh as much as his “Ja, jeg siger også ja”', async ({ page, browser }, info) => {
		await login(page, 'noah');
		await page.goto('/consent');
		const fgu = page.getByTestId('consent-department:fgu');
		await fgu.getByRole('button', { name: /^Ja, del med FGU/ }).click();
		await expect(fgu.getByRole('status')).toHaveText('Du har sagt ja. Nu venter det på, at en af dine forældre også siger ja.');

		const peter = await secondPhone(browser, info);
		await login(peter, 'peter');
		const cosign = peter.getByTestId('parent-cosign');
		const yes = await weight(cosign.getByRole('button', { name: /^Ja, jeg siger også ja med FGU/ }));
		const no = await weight(cosign.getByRole('button', { name: /^Nej, stop med FGU/ }));
		for (const b of [yes, no]) {
			expect(b.background, 'filled, not the card showing through').not.toBe(b.cardBackground);
			expect(b.background).not.toBe('rgba(0, 0, 0, 0)');
			expect(b.border, 'a fill, not an outline').toBe(b.background);
		}
		expect(no.background, 'no has a colour of its own').not.toBe(yes.background);
		expect(no.fontWeight).toBe(yes.fontWeight);
		expect(no.height).toBe(yes.height);
		await cosign.getByRole('button', { name: /^Ja, jeg siger også ja med FGU/ }).click();
		await expect(cosign.getByRole('status')).toHaveText('Tak. Du har sagt ja, og det gælder nu.');

		// On Noah's page, the consent in force: "Stop deling" is filled too.
		await peter.getByRole('link', { name: /Noah/ }).click();
		const stop = await weight(peter.getByRole('button', { name: /^Stop deling med FGU/ }));
		expect(stop.background).toBe(no.background);
		expect(stop.border).toBe(stop.background);
		expect(stop.fontWeight).toBe(yes.fontWeight);
		await expectAccessible(peter);
		await peter.context().close();
	});

	test('noah (14), with the under-age notice, passes axe with a card opened', async ({ page }) => {
		await login(page, 'noah');
		await page.goto('/consent');
		await expect(page.locator('.notice.warn')).toContainText('Du er under 15 år.');
		await page.getByTestId('consent-department:uu').locator('summary').first().tap();
		await expectAccessible(page);
	});
});
