import type { Browser, Page, TestInfo } from '@playwright/test';
import { expect, test } from './story';
import { expectAccessible, login, secondPhone, userIdOf } from './helpers';

/**
 * Issue 21, "a plan with weight": the guide marks a step agreed with the young person; the young
 * person sees which are agreed and may dispute one (a comment the guide must answer) but not change
 * it. Mette (desktop) marks a step of Freja's agreed; Freja (phone) sees "Aftalt med dig" and
 * disputes it; Mette sees the dispute at the step and answers; Freja sees the answer. Then the same
 * round once more without JavaScript.
 */
const DESKTOP = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false };
const CV = 'Lav et CV sammen med din guide';
const step = (page: Page, title: string) => page.getByTestId('step').filter({ hasText: title });

async function metteAtFreja(browser: Browser, info: TestInfo, options = {}): Promise<Page> {
	const mette = await secondPhone(browser, info, { ...DESKTOP, ...options });
	await login(mette, 'mette');
	await mette.goto(`/staff/youth/${userIdOf('freja')}`);
	return mette;
}

test.describe('an agreed step and a dispute', () => {
	test.describe.configure({ mode: 'serial' });

	test('mette marks a step agreed with freja', async ({ browser }, info) => {
		const mette = await metteAtFreja(browser, info);
		const cv = step(mette, CV);
		await expect(cv.getByTestId('step-agreed')).toHaveCount(0);
		await cv.getByRole('button', { name: /^Markér som aftalt med Freja/ }).click();
		await expect(cv.getByText('Skridtet er markeret som aftalt.')).toBeVisible();
		await expect(cv.getByTestId('step-agreed')).toHaveText('Aftalt med den unge');
		await expect(cv.getByRole('button', { name: /^Fjern »aftalt«/ })).toBeVisible();
		await expect(mette.getByText(`Du skrev, at »${CV}« er aftalt`)).toBeVisible();
		await mette.context().close();
	});

	test('freja sees "Aftalt med dig" and disputes the step; she cannot dispute the others', async ({ page }) => {
		await login(page, 'freja');
		await page.goto('/plan');
		const cv = step(page, CV);
		await expect(cv.getByTestId('step-agreed')).toHaveText('Aftalt med dig');
		await expect(page.getByTestId('step-agreed')).toHaveCount(1);
		await expect(page.getByText('Jeg er uenig', { exact: false })).toHaveCount(1);
		await cv.getByText('Jeg er uenig').click();
		await cv.getByLabel('Hvad er du uenig i?').fill('Jeg vil hellere lave CV’et selv først.');
		await cv.getByRole('button', { name: 'Send', exact: true }).click();
		await expect(cv.getByText('Sendt. Din guide svarer dig.')).toBeVisible();
		const dispute = cv.getByTestId('dispute');
		await expect(dispute).toContainText('Jeg vil hellere lave CV’et selv først.');
		await expect(dispute.getByTestId('dispute-waiting')).toHaveText('Venter på svar fra guiden');
		// One open dispute at a time: the form is gone until the guide answers.
		await expect(cv.getByText('Jeg er uenig')).toHaveCount(0);
		await expectAccessible(page);
	});

	test('mette sees the dispute at the step and answers it', async ({ browser }, info) => {
		const mette = await metteAtFreja(browser, info);
		const cv = step(mette, CV);
		await expect(cv.getByTestId('dispute')).toContainText('Jeg vil hellere lave CV’et selv først.');
		const form = cv.getByTestId('answer-dispute');
		await expect(form).toContainText('Freja er uenig – venter på dit svar');
		await form.getByLabel('Dit svar til Freja').fill('Fint, lav et udkast, så ser vi på det sammen.');
		await form.getByRole('button', { name: /^Send svar/ }).click();
		await expect(cv.getByText('Dit svar er sendt.')).toBeVisible();
		await expect(cv.getByTestId('answer-dispute')).toHaveCount(0);
		await expect(cv.getByTestId('dispute-answer')).toContainText('Fint, lav et udkast, så ser vi på det sammen.');
		await expectAccessible(mette);
		await mette.context().close();
	});

	test('freja sees the answer, and the step still as agreed', async ({ page }) => {
		await login(page, 'freja');
		await page.goto('/plan');
		const cv = step(page, CV);
		await expect(cv.getByTestId('dispute-answer')).toContainText('Fint, lav et udkast, så ser vi på det sammen.');
		await expect(cv.getByTestId('dispute-answer')).toContainText('Mette Larsen');
		await expect(cv.getByTestId('dispute-waiting')).toHaveCount(0);
		await expect(cv.getByTestId('step-agreed')).toHaveText('Aftalt med dig');
		await expect(page.getByText(`Mette Larsen svarede på uenigheden om »${CV}«`)).toBeVisible();
		await expectAccessible(page);
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('freja disputes again, mette answers and takes the mark off', async ({ page, browser }, info) => {
			await login(page, 'freja');
			await page.goto('/plan');
			let cv = step(page, CV);
			await cv.getByText('Jeg er uenig').click();
			await cv.getByLabel('Hvad er du uenig i?').fill('Jeg har stadig ikke tid i denne uge.');
			await cv.getByRole('button', { name: 'Send', exact: true }).click();
			await page.waitForURL(/\/plan/);
			cv = step(page, CV);
			await expect(cv.getByText('Sendt. Din guide svarer dig.')).toBeVisible();
			await expect(cv.getByTestId('dispute')).toHaveCount(2);
			await expect(cv.getByTestId('dispute-waiting')).toHaveCount(1);

			const mette = await metteAtFreja(browser, info, { javaScriptEnabled: false });
			let staffCv = step(mette, CV);
			await staffCv.getByLabel('Dit svar til Freja').fill('Så tager vi det i næste uge.');
			await staffCv.getByRole('button', { name: /^Send svar/ }).click();
			staffCv = step(mette, CV);
			await expect(staffCv.getByText('Dit svar er sendt.')).toBeVisible();
			await staffCv.getByRole('button', { name: /^Fjern »aftalt«/ }).click();
			staffCv = step(mette, CV);
			await expect(staffCv.getByText('Skridtet er ikke længere markeret som aftalt.')).toBeVisible();
			await expect(staffCv.getByTestId('step-agreed')).toHaveCount(0);
			await mette.context().close();

			await page.goto('/plan');
			cv = step(page, CV);
			await expect(cv.getByTestId('step-agreed')).toHaveCount(0);
			await expect(cv.getByTestId('dispute-answer')).toHaveCount(2);
			await expect(cv.getByText('Jeg er uenig')).toHaveCount(0);
		});
	});
});
