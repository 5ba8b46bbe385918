/**
 * The public pages (issue 20): someone not signed in meets more than a login form. "Om Minvej",
 * the privacy notice and the accessibility statement are open to anyone, linked from every page's
 * footer (with the youth unit's contact from the settings), in Danish on a first visit whatever
 * the phone's language, with the language chooser one tap away, and readable without JavaScript.
 */
import { expect, test, type Browser, type BrowserContextOptions } from './story';
import { LANGUAGE_NAMES, expectAccessible, login, switchLanguage } from './helpers';

/** From the demo settings (src/lib/server/app/seed.ts). */
const MUNICIPALITY = 'Eksempel Kommune';
const PAGES = [
	{ path: '/om', link: 'Om Minvej', heading: 'Om Minvej' },
	{ path: '/privatlivspolitik', link: 'Privatlivspolitik', heading: 'Privatlivspolitik' },
	{ path: '/tilgaengelighed', link: 'Tilgængelighedserklæring', heading: 'Tilgængelighedserklæring' }
] as const;

/** A phone like the project's, whose owner set it to English: it asks for en-GB first. */
async function englishPhone(browser: Browser, options: BrowserContextOptions = {}) {
	const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, timezoneId } = test.info().project.use;
	return browser.newContext({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, timezoneId, locale: 'en-GB', ...options });
}

/** The youth unit's contact as the settings hold it, read from the coordinator's settings page. */
async function unitFromSettings(browser: Browser) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await login(page, 'lone');
	await page.goto('/staff/settings');
	const unit = {
		phone: await page.getByLabel('Telefonnummer').inputValue(),
		email: await page.getByLabel(/E-mail/).inputValue()
	};
	await context.close();
	return unit;
}

test.describe('someone not signed in', () => {
	test('meets Danish on /login and /om although the phone asks for English', async ({ browser }) => {
		const context = await englishPhone(browser);
		const page = await context.newPage();
		const answer = await page.goto('/');
		expect(answer?.status()).toBe(200);
		await expect(page).toHaveURL(/\/login$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'da');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log ind');
		// "What is Minvej?" one tap from the login form.
		await page.getByRole('link', { name: 'Hvad er Minvej?' }).click();
		await expect(page).toHaveURL(/\/om$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'da');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Om Minvej');
		await expect(page.getByText(`Minvej er en app fra ${MUNICIPALITY}.`)).toBeVisible();
		// … and the login one tap back.
		await page.getByRole('link', { name: 'Har du allerede et login? Log ind' }).click();
		await expect(page).toHaveURL(/\/login$/);
		await context.close();
	});

	test('reaches the three pages from the footer; they name the data controller and the unit’s contact from the settings', async ({
		browser
	}) => {
		const unit = await unitFromSettings(browser);
		expect(unit.phone).toBeTruthy();
		expect(unit.email).toBeTruthy();
		const context = await englishPhone(browser);
		const page = await context.newPage();
		await page.goto('/login');
		const footer = page.getByRole('contentinfo');
		await expect(footer.getByRole('link', { name: unit.phone })).toHaveAttribute('href', `tel:${unit.phone.replace(/\s/g, '')}`);
		await expect(footer.getByRole('link', { name: unit.email })).toHaveAttribute('href', `mailto:${unit.email}`);

		for (const { path, link, heading } of PAGES) {
			await page.getByRole('contentinfo').getByRole('link', { name: link, exact: true }).click();
			await expect(page).toHaveURL(new RegExp(`${path}$`));
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
			const main = page.getByRole('main');
			await expect(main.getByRole('link', { name: unit.phone })).toHaveAttribute('href', `tel:${unit.phone.replace(/\s/g, '')}`);
			await expect(main.getByRole('link', { name: unit.email })).toHaveAttribute('href', `mailto:${unit.email}`);
			await expect(main).toContainText(MUNICIPALITY);
			await expectAccessible(page);
		}
		// The privacy notice: who is responsible, and the access log's retention from the settings.
		await page.goto('/privatlivspolitik');
		await expect(page.getByText(`${MUNICIPALITY} er dataansvarlig.`)).toBeVisible();
		await expect(page.getByText('Listen over, hvem der har kigget, slettes efter 183 dage.')).toBeVisible();
		await expect(page.getByRole('link', { name: 'datatilsynet.dk' })).toBeVisible();
		// The accessibility statement: where to complain.
		await page.goto('/tilgaengelighed');
		await expect(page.getByRole('link', { name: 'Sådan klager du til Digitaliseringsstyrelsen' })).toHaveAttribute('href', /digst\.dk/);
		await context.close();
	});

	test('switches to English with the chooser, and the next page remembers it', async ({ browser }) => {
		const context = await englishPhone(browser);
		const page = await context.newPage();
		await page.goto('/om');
		await switchLanguage(page, 'en');
		await expect(page).toHaveURL(/\/om$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('About Minvej');
		await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy notice' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy notice');
		await page.goto('/login');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in');
		await expect(page.locator('details.languages > summary')).toContainText(LANGUAGE_NAMES.en);
		await context.close();
	});

	test('reads the pages without JavaScript, and changes language there too', async ({ browser }) => {
		const context = await englishPhone(browser, { javaScriptEnabled: false });
		const page = await context.newPage();
		for (const { path, heading } of PAGES) {
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
			await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Tilgængelighedserklæring', exact: true })).toBeVisible();
		}
		await page.locator('details.languages > summary').click();
		await page.locator('details.languages').getByRole('button', { name: LANGUAGE_NAMES.uk, exact: true }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Заява про доступність');
		await context.close();
	});

	test('loads no script on the public pages (plain text pages)', async ({ browser }) => {
		const context = await englishPhone(browser);
		const page = await context.newPage();
		const scripts: string[] = [];
		page.on('request', (r) => {
			if (r.resourceType() === 'script') scripts.push(r.url());
		});
		for (const { path } of PAGES) await page.goto(path, { waitUntil: 'networkidle' });
		expect(scripts).toEqual([]);
		await context.close();
	});
});

test.describe('a young person signed in', () => {
	test('sees the footer on /plan above the bottom navigation, and its links work', async ({ page }) => {
		await login(page, 'freja');
		await page.goto('/plan');
		const link = page.getByRole('contentinfo').getByRole('link', { name: 'Tilgængelighedserklæring', exact: true });
		await link.scrollIntoViewIfNeeded();
		// Not under the fixed bottom navigation: the link's box ends above the navigation's top.
		const nav = await page.getByRole('navigation', { name: 'Hovedmenu' }).boundingBox();
		const box = await link.boundingBox();
		expect(box && nav && box.y + box.height <= nav.y).toBe(true);
		await link.click();
		await expect(page).toHaveURL(/\/tilgaengelighed$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tilgængelighedserklæring');
		await expectAccessible(page);
	});
});
