/**
 * Issue 20, "Staff screens": status tags of different meaning in different tones, settings' group
 * titles drawn as headings, and the outcomes page's tables and charts (a header never broken
 * inside a word; a chart only where there is something to compare, under a visible title).
 * Staff at a desktop size, the young person at the phone's.
 */
import { expect, test, type Page } from './story';
import { expectAccessible, login } from './helpers';

const background = (page: Page, text: string) =>
	page
		.locator('.badge', { hasText: new RegExp(`^${text}$`) })
		.first()
		.evaluate((el) => getComputedStyle(el).backgroundColor);

/** The lines a header cell's text is laid out on (one per distinct top of its text's boxes). */
async function headerLines(page: Page, tableTestId: string): Promise<Record<string, number>> {
	return page.getByTestId(tableTestId).evaluate((table) => {
		const lines: Record<string, number> = {};
		for (const th of table.querySelectorAll('thead th')) {
			const range = document.createRange();
			range.selectNodeContents(th);
			const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
			lines[th.textContent!.trim()] = tops.size;
		}
		return lines;
	});
}

test.describe('a young person', () => {
	test('sees “Ikke startet”, “I gang” and “Klaret” in three tones, and “Deler” apart from “Deler ikke”', async ({ page }) => {
		await login(page, 'freja');
		await page.goto('/plan');
		const tones = await Promise.all(['Ikke startet', 'I gang', 'Klaret'].map((t) => background(page, t)));
		expect(new Set(tones).size, tones.join(' / ')).toBe(3);

		await page.goto('/consent');
		const shared = await background(page, 'Deler');
		const notShared = await background(page, 'Deler ikke');
		expect(shared).not.toBe(notShared);
		await expectAccessible(page);
	});
});

test.describe('staff on a desktop', () => {
	test.use({ viewport: { width: 1280, height: 900 } });

	test('the settings are grouped under titles drawn as headings, inside their cards', async ({ page }) => {
		await login(page, 'lone');
		await page.goto('/staff/settings');
		const legends = page.locator('fieldset.card > legend');
		expect(await legends.count()).toBeGreaterThan(1);
		for (const legend of await legends.all()) {
			const { weight, size, body, inside } = await legend.evaluate((el) => {
				const fieldset = el.parentElement!.getBoundingClientRect();
				const box = el.getBoundingClientRect();
				return {
					weight: Number(getComputedStyle(el).fontWeight),
					size: parseFloat(getComputedStyle(el).fontSize),
					body: parseFloat(getComputedStyle(document.body).fontSize),
					// Drawn inside the card, not across its top border.
					inside: box.top >= fieldset.top + 1
				};
			});
			expect(weight).toBeGreaterThanOrEqual(700);
			expect(size).toBeGreaterThan(body);
			expect(inside).toBe(true);
		}
		await expectAccessible(page);
	});

	test('the outcomes: whole words in the headers, and a titled chart only where there is something to compare', async ({ page }) => {
		await login(page, 'lone');
		await page.goto('/staff/outcomes');
		for (const width of [1280, 412]) {
			await page.setViewportSize({ width, height: 900 });
			const lines = await headerLines(page, 'outcome-table-checkins');
			for (const [header, count] of Object.entries(lines)) {
				if (!header.includes(' ')) expect(count, `“${header}” at ${width}px`).toBe(1);
			}
		}
		await page.setViewportSize({ width: 1280, height: 900 });

		// The demo's year has no check-in answers ("–" every month) and groups under five ("< 5" or
		// 0): the tables say so, and no chart of empty bars is drawn beside them. (A chart with
		// figures, its title and which rows it draws: OutcomeFigure.test.ts.)
		const charts = page.locator('[data-testid^="outcome-chart-"]');
		await expect(page.getByTestId('outcome-table-checkins')).toContainText('–');
		await expect(page.getByTestId('outcome-table-cases')).toContainText('< 5');
		await expect(charts).toHaveCount(0);
		await expectAccessible(page);

		// A year with no data at all: likewise.
		await page.goto('/staff/outcomes?from=2001-01-01&to=2001-12-31');
		await expect(page.getByTestId('outcome-table-checkins')).toBeVisible();
		await expect(page.getByTestId('outcome-table-cases')).toBeVisible();
		await expect(charts).toHaveCount(0);
	});
});
