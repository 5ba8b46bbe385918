import { expect, test, type Browser, type Page, type TestInfo } from './story';
import { expectAccessible, login, switchLanguage } from './helpers';

/**
 * Signed in on these devices (issue 13, item 9): every person sees where they are signed in and
 * logs out one other device, all the others, or everywhere. Each test uses a person no other test
 * in this file uses, and leaves them logged out everywhere.
 */

const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';

/** A phone of its own (the project's settings), or a laptop with another browser's User-Agent. */
async function device(browser: Browser, info: TestInfo, kind: 'phone' | 'laptop' = 'phone', options: { javaScriptEnabled?: boolean } = {}) {
	const { locale, timezoneId, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = info.project.use;
	const context = await browser.newContext(
		kind === 'phone'
			? { locale, timezoneId, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, ...options }
			: { locale, timezoneId, userAgent: FIREFOX_WINDOWS, ...options }
	);
	return context.newPage();
}

const sessionList = (page: Page) => page.getByTestId('sessions').getByRole('listitem');

/** Logs in, and out on every other device first: the person's sessions from other spec files are gone. */
async function loginAlone(page: Page, username: string) {
	await login(page, username);
	await page.goto('/settings/sessions');
	const others = page.getByRole('button', { name: 'Log ud på alle andre enheder' });
	if (await others.count()) {
		await others.click();
		await expect(page.getByTestId('only-here')).toBeVisible();
	}
	await page.goto('/');
}

/** Staff have "Dine enheder" in the header; young people and parents find it on their profile (issue 20). */
async function openSessions(page: Page, via: 'profile' | 'header' = 'profile') {
	if (via === 'profile') {
		await page.getByRole('banner').getByRole('link', { name: 'Min profil' }).click();
		await expect(page).toHaveURL('/profile');
	}
	await page.getByRole('link', { name: 'Dine enheder' }).click();
	await expect(page).toHaveURL('/settings/sessions');
	await expect(page.getByRole('heading', { level: 1, name: 'Her er du logget ind' })).toBeVisible();
}

test.describe('signed in on these devices', () => {
	test.describe.configure({ timeout: 150_000 });

	test('signed in on two devices, both are listed; logging out everywhere from one sends the other to the login page', async ({
		browser
	}, info) => {
		const phone = await device(browser, info);
		const laptop = await device(browser, info, 'laptop');
		await loginAlone(phone, 'oliver');
		await login(laptop, 'oliver');

		await openSessions(phone);
		await expect(sessionList(phone)).toHaveCount(2);
		const here = sessionList(phone).filter({ hasText: 'Denne enhed' });
		await expect(here.getByRole('heading', { level: 2 })).toHaveText('Chrome på Android');
		await expect(here).toContainText(/Logget ind: \d/);
		await expect(sessionList(phone).filter({ hasNotText: 'Denne enhed' }).getByRole('heading', { level: 2 })).toHaveText(
			'Firefox på Windows'
		);
		await expectAccessible(phone);

		// Everywhere, from the laptop: the laptop lands on the login page …
		await openSessions(laptop);
		await expect(sessionList(laptop).filter({ hasText: 'Denne enhed' }).getByRole('heading', { level: 2 })).toHaveText(
			'Firefox på Windows'
		);
		await laptop.getByRole('button', { name: 'Log ud på alle enheder, også denne' }).click();
		await expect(laptop).toHaveURL('/login?loggedOut=1');
		await expect(laptop.getByText('Du er logget ud.')).toBeVisible();

		// … and so does the phone, at its very next request (here a link in the open app).
		await phone.getByRole('link', { name: 'Minvej', exact: true }).click();
		await expect(phone).toHaveURL(/\/login/);
		await phone.goto('/plan');
		await expect(phone).toHaveURL('/login?next=%2Fplan');
		for (const page of [phone, laptop]) await page.context().close();
	});

	test('one other device, or all the others, logs out; this one stays', async ({ browser }, info) => {
		const phone = await device(browser, info);
		const laptop = await device(browser, info, 'laptop');
		const tablet = await device(browser, info);
		await loginAlone(phone, 'ida');
		for (const page of [laptop, tablet]) await login(page, 'ida');
		await openSessions(phone);
		await expect(sessionList(phone)).toHaveCount(3);

		// The laptop, by its own button.
		await phone.getByRole('button', { name: /^Log ud Firefox på Windows/ }).click();
		await expect(phone.getByRole('status')).toHaveText('Enheden er logget ud.');
		await expect(sessionList(phone)).toHaveCount(2);
		await laptop.goto('/plan');
		await expect(laptop).toHaveURL(/\/login/);

		// All the others: the tablet goes, the phone stays.
		await phone.getByRole('button', { name: 'Log ud på alle andre enheder' }).click();
		await expect(phone.getByRole('status')).toHaveText('Du er logget ud på alle andre enheder.');
		await expect(sessionList(phone)).toHaveCount(1);
		await expect(phone.getByTestId('only-here')).toHaveText('Du er kun logget ind her.');
		await tablet.goto('/plan');
		await expect(tablet).toHaveURL(/\/login/);
		await phone.goto('/plan');
		await expect(phone).toHaveURL('/plan');

		// This one, with the ordinary logout on its row.
		await phone.goto('/settings/sessions');
		await sessionList(phone).getByRole('button', { name: 'Log ud på denne enhed' }).click();
		await expect(phone).toHaveURL('/login?loggedOut=1');
		for (const page of [phone, laptop, tablet]) await page.context().close();
	});

	test('without JavaScript the forms work the same', async ({ browser }, info) => {
		const phone = await device(browser, info, 'phone', { javaScriptEnabled: false });
		const laptop = await device(browser, info, 'laptop');
		await loginAlone(phone, 'noah');
		await login(laptop, 'noah');
		await phone.goto('/settings/sessions');
		await expect(sessionList(phone)).toHaveCount(2);
		await phone.getByRole('button', { name: 'Log ud på alle andre enheder' }).click();
		await expect(phone.getByRole('status')).toHaveText('Du er logget ud på alle andre enheder.');
		await expect(sessionList(phone)).toHaveCount(1);
		await laptop.goto('/plan');
		await expect(laptop).toHaveURL(/\/login/);
		await phone.getByRole('button', { name: 'Log ud på alle enheder, også denne' }).click();
		await expect(phone).toHaveURL('/login?loggedOut=1');
		for (const page of [phone, laptop]) await page.context().close();
	});

	for (const username of ['karen', 'hanne', 'lone']) {
		test(`${username} reaches the page from the header too, and it passes axe${username === 'lone' ? ' in Danish and English' : ''}`, async ({
			page
		}) => {
			await login(page, username);
			await openSessions(page, username === 'karen' ? 'profile' : 'header');
			await expect(sessionList(page)).not.toHaveCount(0);
			await expectAccessible(page);
			if (username === 'lone') {
				await switchLanguage(page, 'en');
				await expect(page.getByRole('heading', { level: 1, name: 'Where you are signed in' })).toBeVisible();
				await expect(page.getByRole('button', { name: 'Log out on all devices, this one too' })).toBeVisible();
				await expectAccessible(page);
				await switchLanguage(page, 'da');
			}
			await page.getByRole('button', { name: 'Log ud på alle enheder, også denne' }).click();
			await expect(page).toHaveURL('/login?loggedOut=1');
		});
	}
});
