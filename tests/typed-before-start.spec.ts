import { expect, test, type Page } from './story';
import { login } from './helpers';

/**
 * On a slow phone the server's page is there seconds before its scripts start. What someone types
 * or ticks in that time must still be there when they do (src/lib/pwa/typed-before-start.ts), and
 * the form must send it.
 */

// A service worker that has precached the scripts would answer them itself, past the route that
// holds them back (Playwright's route does not see what a service worker serves), and the page
// would start before the test types: the first visit on a slow phone has no worker yet either.
test.use({ serviceWorkers: 'block' });

/** Opens `path` with the page's scripts held back until the returned function lets them through. */
async function openBeforeScripts(page: Page, path: string): Promise<(...names: string[]) => Promise<void>> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	const hold = async (route: import('@playwright/test').Route) => {
		await held;
		await route.continue();
	};
	await page.route('**/_app/immutable/**/*.js', hold);
	await page.goto(path, { waitUntil: 'domcontentloaded' });
	// The page tells what it puts back once its scripts have started (events it fires itself).
	await page.evaluate(() => {
		const put: string[] = [];
		(window as unknown as { putBack: string[] }).putBack = put;
		for (const type of ['input', 'change'])
			document.addEventListener(type, (e) => e.isTrusted || put.push((e.target as HTMLInputElement).name), true);
	});
	return async (...names: string[]) => {
		// Only what the page does from here counts (Playwright's own fill fires events too).
		await page.evaluate(() => ((window as unknown as { putBack: string[] }).putBack.length = 0));
		release();
		await page.waitForLoadState('networkidle');
		await page.unroute('**/_app/immutable/**/*.js', hold);
		// Started: the scripts hydrated the page (and so reset the fields) and put each value back.
		await expect.poll(() => page.evaluate(() => (window as unknown as { putBack: string[] }).putBack)).toEqual(names);
	};
}

test('a guide’s invite typed before the scripts start is kept, and sent', async ({ page }) => {
	await login(page, 'mette');
	const start = await openBeforeScripts(page, '/staff/invites');
	await page.getByLabel('Fulde navn').fill('Ida Kofoed');
	await page.getByLabel('Fødselsdato').fill('2009-02-03');
	await start('displayName', 'birthDate');
	await expect(page.getByLabel('Fulde navn')).toHaveValue('Ida Kofoed');
	await expect(page.getByLabel('Fødselsdato')).toHaveValue('2009-02-03');
	await page.getByRole('button', { name: /Lav invitation/ }).click();
	await expect(page.getByTestId('invite-link')).toContainText('/invite/');
});

test('a step freja proposes before the scripts start is kept, and sent', async ({ page }) => {
	await login(page, 'freja');
	const start = await openBeforeScripts(page, '/plan');
	await page.getByLabel('Hvad skal der ske?').fill('Besøge værkstedet');
	await page.getByLabel('Mere om det (hvis du vil)').fill('Jeg vil se, hvordan de arbejder.');
	await start('title', 'description');
	await expect(page.getByLabel('Hvad skal der ske?')).toHaveValue('Besøge værkstedet');
	await expect(page.getByLabel('Mere om det (hvis du vil)')).toHaveValue('Jeg vil se, hvordan de arbejder.');
	await page.getByRole('button', { name: 'Send forslaget' }).click();
	await expect(page.getByText('Besøge værkstedet').first()).toBeVisible();
});

test('a comment freja opens and writes before the scripts start stays open, and is sent', async ({ page }) => {
	await login(page, 'freja');
	const start = await openBeforeScripts(page, '/plan');
	const cv = page.getByTestId('step').filter({ hasText: 'Lav et CV' });
	await cv.locator('summary', { hasText: 'Skriv en kommentar' }).click();
	await cv.getByLabel('Din kommentar').fill('Skrevet før siden var klar');
	await start('body');
	// The server drew the disclosure closed; hydration closed it again until it was put back.
	await expect(cv.getByLabel('Din kommentar')).toBeVisible();
	await expect(cv.getByLabel('Din kommentar')).toHaveValue('Skrevet før siden var klar');
	await cv.getByRole('button', { name: 'Send kommentar' }).click();
	await expect(cv.getByRole('status')).toHaveText('Din kommentar er gemt.');
});

test('a message and a ticked filter survive the scripts’ start', async ({ page }) => {
	await login(page, 'freja');
	const start = await openBeforeScripts(page, '/messages');
	await page.getByLabel('Skriv en besked').fill('Skrevet i bussen');
	// The composer's own binding keeps its text through hydration; nothing to put back, and the
	// started composer counts what was typed.
	await start();
	await expect(page.locator('form.compose')).toHaveAttribute('data-enhanced', 'true');
	await expect(page.getByLabel('Skriv en besked')).toHaveValue('Skrevet i bussen');
	await expect(page.locator('#message-count')).toContainText('16');

	await login(page, 'mette');
	const again = await openBeforeScripts(page, '/staff');
	await page.getByText('Søg og filtrér').click();
	await page.getByLabel('Aldersgruppe').selectOption({ index: 1 });
	const flag = page.locator('input[name="flag"]').first();
	await flag.check();
	// Hydration leaves a chosen option alone but unticks the box; only the box is put back.
	await again('flag');
	// The filters stay open as they were tapped open (hydration closed them: the server drew them closed).
	await expect(page.getByLabel('Aldersgruppe')).toBeVisible();
	await expect(page.getByLabel('Aldersgruppe')).not.toHaveValue('');
	await expect(flag).toBeChecked();
});
