import { expect, test } from './story';
import { expectAccessible, login, secondPhone, userIdOf, withDb } from './helpers';
import { addDaysIso, todayIso } from '../src/lib/server/dates';

/**
 * Issue 21, "deadlines as a guide's worklist": Oliver (16) drops out of his education. His guide
 * sets the status, the law's two deadlines start (contact within 5 working days, an offer of a new
 * activity within 30 days), and they stand on his page and on her list. The contact deadline
 * passes unmet (the test moves its dates back, as time would); the coordinator sees it overdue on
 * her list; the guide records the contact, late.
 */
test.describe('a 16-year-old drops out', () => {
	test.describe.configure({ mode: 'serial' });
	test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });

	test('sofie sets the status and sees the deadlines on his page and her list', async ({ page }) => {
		await login(page, 'sofie');
		await page.goto(`/staff/youth/${userIdOf('oliver')}`);
		await expect(page.getByTestId('deadlines')).toHaveCount(0);
		const status = page.getByRole('region', { name: 'Status' });
		await status.getByLabel('Ny status').selectOption({ label: 'Hverken i uddannelse eller job' });
		await status.getByLabel('Uddybning (frivilligt)').fill('Stoppet på EUD');
		await status.getByRole('button', { name: 'Gem status' }).click();
		await expect(status.getByText('Status er gemt.')).toBeVisible();

		const deadlines = page.getByRole('region', { name: 'Frister efter loven' });
		const items = deadlines.getByRole('listitem');
		await expect(items).toHaveCount(2);
		await expect(items.nth(0)).toContainText('Kontakt den unge');
		await expect(items.nth(0)).toContainText('Om 5 hverdage');
		await expect(items.nth(1)).toContainText('Tilbyd en ny aktivitet');
		await expect(items.nth(0).getByRole('button', { name: 'Kontakt er taget' })).toBeVisible();
		await expectAccessible(page);

		await page.goto('/staff');
		const row = page.getByTestId('caseload-row').filter({ has: page.getByRole('link', { name: 'Oliver Sørensen' }) });
		await expect(row.getByTestId('deadline-flag')).toHaveText('Frist om 5 hverdage');
	});

	test('the contact deadline passes: the coordinator sees it overdue; sofie records it, late', async ({ page, browser }, info) => {
		const oliver = userIdOf('oliver');
		// Ten days pass (both deadlines started ten days ago; the contact's fifth working day is behind us).
		withDb((db) =>
			db
				.prepare(`update kui_deadlines set started_on = ?, due_on = ? where youth_id = ? and kind = 'contact'`)
				.run(addDaysIso(todayIso(), -10), addDaysIso(todayIso(), -3), oliver)
		);
		const lone = await secondPhone(browser, info, { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });
		await login(lone, 'lone');
		// Her list filtered to the running deadlines, nearest first (the filter form, as she would use it).
		await lone.goto('/staff');
		await lone.getByText('Søg og filtrér', { exact: true }).click();
		await lone.getByLabel('Frist efter loven løber').check();
		await lone.getByRole('button', { name: 'Vis unge' }).click();
		await expect(lone).toHaveURL(/flag=deadline/);
		await lone.getByRole('link', { name: /^Frist efter loven/ }).click();
		await expect(lone).toHaveURL(/flag=deadline&sort=deadline$/);
		await expect(lone.getByTestId('caseload-count')).toHaveText('Viser 1–1 af 1 unge');
		const row = lone.getByTestId('caseload-row').filter({ has: lone.getByRole('link', { name: 'Oliver Sørensen' }) });
		await expect(row.getByTestId('deadline-flag')).toHaveText('Frist overskredet');
		await lone.goto(`/staff/youth/${oliver}`);
		const seen = lone.getByRole('region', { name: 'Frister efter loven' });
		await expect(seen.getByRole('listitem').nth(0)).toContainText('Overskredet');
		// The coordinator sees it; recording the contact is the guide's.
		await expect(seen.getByRole('button')).toHaveCount(0);
		await lone.context().close();

		await login(page, 'sofie');
		await page.goto(`/staff/youth/${oliver}`);
		const deadlines = page.getByRole('region', { name: 'Frister efter loven' });
		await deadlines.getByRole('button', { name: 'Kontakt er taget' }).click();
		await expect(deadlines.getByText('Gemt: fristen er klaret.')).toBeFocused();
		await expect(deadlines.getByRole('listitem').nth(0)).toContainText('Klaret for sent');
		await expect(deadlines.getByRole('button', { name: 'Kontakt er taget' })).toHaveCount(0);
		await expect(deadlines.getByRole('button', { name: 'Tilbud er givet' })).toBeVisible();
	});
});
