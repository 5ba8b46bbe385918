import { expect, test } from './story';
import { expectAccessible, login, userIdOf } from './helpers';

/**
 * Issue 21, "status categories that match the official count": the guide records work with its
 * hours a week (under 18 counts as no attachment in the count), a programme that does not fit the
 * status is refused with the typed values kept, and the coordinator reads the 1 October count on
 * the outcomes page. Staff pages, on a desktop.
 */
test.describe('the official categories', () => {
	test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });

	test('mette records work with its hours; a programme that does not fit is refused, the values kept', async ({ page }) => {
		await login(page, 'mette');
		await page.goto(`/staff/youth/${userIdOf('freja')}`);
		const status = page.getByRole('region', { name: 'Status' });
		await status.getByLabel('Ny status').selectOption({ label: 'I job' });
		await status.getByLabel('Uddannelse eller forløb (frivilligt)').selectOption({ label: 'FGU' });
		await status.getByLabel('Timer om ugen (ved job)').fill('12');
		await status.getByRole('button', { name: 'Gem status' }).click();
		await expect(status.getByText(/Uddannelsen passer ikke til status/)).toBeVisible();
		await expect(status.getByLabel('Timer om ugen (ved job)')).toHaveValue('12');
		await expect(status.getByLabel('Uddannelse eller forløb (frivilligt)')).toHaveValue('fgu');
		await expect(status.getByLabel('Ny status')).toHaveValue('work');

		await status.getByLabel('Uddannelse eller forløb (frivilligt)').selectOption({ label: 'Ikke angivet' });
		await status.getByRole('button', { name: 'Gem status' }).click();
		await expect(status.getByText('Status er gemt.')).toBeVisible();
		await expect(status.getByTestId('status-current')).toContainText('I job: 12 timer om ugen');
		await expectAccessible(page);
	});

	test('lone reads the 1 October count by age band on the outcomes page', async ({ page }) => {
		await login(page, 'lone');
		await page.goto('/staff/outcomes?from=2026-01-01&to=2026-12-31');
		const table = page.getByTestId('outcome-table-census');
		await expect(table.locator('caption')).toHaveText('Opgørelse pr. 1. oktober 2026: unge på 15–24 år efter tilknytning og alder');
		await expect(table.locator('thead th')).toHaveText(['Tilknytning', '15–17 år', '18–19 år', '20–24 år', 'I alt']);
		await expect(table.locator('tbody th')).toHaveText([
			'I uddannelse (grundskole, ungdomsuddannelse eller forberedende)',
			'I job 18 timer eller mere om ugen',
			'Har gennemført en ungdomsuddannelse',
			'Uden tilknytning (ikke i uddannelse, under 18 timers arbejde)',
			'Fritaget',
			'Flyttet fra kommunen',
			'Ikke registreret',
			'I alt',
			'Andel uden tilknytning'
		]);
		await expectAccessible(page);
	});
});
