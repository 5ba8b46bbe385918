import { expect, storyBaseURL, test } from './story';
import { DEMO_PASSWORD, expectAccessible, login, logout, secondPhone, userIdOf } from './helpers';

/**
 * Issue 20, "a profile page for young people and parents": the phone and e-mail the guide may use,
 * language, notifications, signed-in devices and the password, one tap from the header; the youth
 * menu gets a front-page tab, and check-in and "Mine data" are reachable from a menu.
 */

test('freja keeps her contact details, which her guide then sees; her menu has a front page', async ({ page, browser }, info) => {
	await login(page, 'freja');
	const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
	// Each tab's name (a badge may follow it: "Beskeder 1").
	await expect(nav.getByRole('link')).toHaveText([/^\s*Forside\b/, /^\s*Plan\b/, /^\s*Guide\b/, /^\s*Beskeder\b/, /^\s*Samtykke\b/]);
	await page.goto('/plan');
	await expect(nav.getByRole('link', { name: 'Plan' })).toHaveAttribute('aria-current', 'page');
	await expect(nav.getByRole('link', { name: 'Forside' })).not.toHaveAttribute('aria-current', 'page');
	await nav.getByRole('link', { name: 'Forside' }).click();
	await expect(page).toHaveURL('/');
	await expect(nav.getByRole('link', { name: 'Forside' })).toHaveAttribute('aria-current', 'page');

	await page.getByRole('banner').getByRole('link', { name: 'Min profil' }).click();
	await expect(page).toHaveURL('/profile');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Min profil');
	await expect(page.getByText('Du er logget ind som Freja Nielsen med brugernavnet freja.')).toBeVisible();
	const phone = page.getByLabel('Telefonnummer');
	await expect(phone).toHaveValue('20 11 22 33');

	// A wrong e-mail is named at its field, and what she typed stays.
	await phone.fill('20 30 40 50');
	await page.getByLabel('E-mail').fill('freja@eksempel');
	await page.getByRole('button', { name: 'Gem' }).click();
	await expect(page.getByText('Skriv e-mailen sådan her: navn@eksempel.dk.')).toBeVisible();
	await expect(page.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
	await expect(phone).toHaveValue('20 30 40 50');
	await page.getByLabel('E-mail').fill('freja@eksempel.dk');
	await page.getByRole('button', { name: 'Gem' }).click();
	const saved = page.getByText('Gemt. Sådan kan vi nu få fat i dig.');
	await expect(saved).toBeFocused();
	await expect(saved).toBeInViewport();
	await expectAccessible(page);

	// Check-in and "Mine data" are in her menu.
	const more = page.getByRole('navigation', { name: 'Mere' });
	await expect(more.getByRole('link')).toHaveText(['Opfølgning', 'Mine data', 'Notifikationer', 'Dine enheder', 'Log ind med skærmlås']);
	await more.getByRole('link', { name: 'Mine data' }).click();
	await expect(page).toHaveURL('/privacy');

	// Her guide sees what she wrote, as links to call or write.
	const mette = await secondPhone(browser, info, { viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });
	await login(mette, 'mette');
	await mette.goto(`/staff/youth/${userIdOf('freja')}`);
	const contact = mette.getByTestId('youth-contact');
	await expect(contact.getByRole('link', { name: '20 30 40 50' })).toHaveAttribute('href', 'tel:20304050');
	await expect(contact.getByRole('link', { name: 'freja@eksempel.dk' })).toHaveAttribute('href', 'mailto:freja@eksempel.dk');
	await mette.context().close();
});

test('without JavaScript karen saves her contact and changes the language from her profile', async ({ browser }, info) => {
	const page = await secondPhone(browser, info, { javaScriptEnabled: false });
	await login(page, 'karen');
	await page.getByRole('banner').getByRole('link', { name: 'Min profil' }).click();
	await expect(page).toHaveURL('/profile');
	await expect(page.getByText('Ungeenheden kan se dit telefonnummer')).toBeVisible();
	// A parent's menu has no check-in and no youth data pages.
	await expect(page.getByRole('navigation', { name: 'Mere' }).getByRole('link')).toHaveText([
		'Notifikationer',
		'Dine enheder',
		'Log ind med skærmlås'
	]);

	await page.getByLabel('Telefonnummer').fill('ring efter kl. 16');
	await page.getByRole('button', { name: 'Gem' }).click();
	await expect(page.getByText('Skriv telefonnummeret med tal, for eksempel 20 30 40 50.')).toBeVisible();
	await expect(page.getByLabel('Telefonnummer')).toHaveValue('ring efter kl. 16');
	await page.getByLabel('Telefonnummer').fill('+45 40 55 66 78');
	await page.getByRole('button', { name: 'Gem' }).click();
	await expect(page.getByText('Gemt. Sådan kan vi nu få fat i dig.')).toBeVisible();
	// The reloaded page opens at the form it came from.
	expect(new URL(page.url()).hash).toBe('#contact-heading');
	await expect(page.getByLabel('Telefonnummer')).toHaveValue('+45 40 55 66 78');

	await page.getByRole('combobox', { name: 'Sprog' }).selectOption('en');
	await page.getByRole('button', { name: 'Skift sprog' }).click();
	await expect(page).toHaveURL('/profile');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('My profile');
	await page.getByRole('combobox', { name: 'Language' }).selectOption('da');
	await page.getByRole('button', { name: 'Change language' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Min profil');
	await page.context().close();
});

test('oliver changes his password: the current one first, and his other phone is signed out', async ({ page, browser }, info) => {
	const other = await secondPhone(browser, info);
	await login(other, 'oliver');
	await login(page, 'oliver');
	await page.goto('/profile');
	const form = page.locator('form', { has: page.getByLabel('Ny adgangskode') });
	const fill = async (current: string, next: string, repeat = next) => {
		await form.getByLabel('Din adgangskode nu').fill(current);
		await form.getByLabel('Ny adgangskode').fill(next);
		await form.getByLabel('Gentag adgangskoden').fill(repeat);
		await form.getByRole('button', { name: 'Skift adgangskode' }).click();
	};
	await fill('ikke min kode', 'min nye lange kode');
	await expect(form.getByRole('alert')).toHaveText('Din adgangskode nu er ikke rigtig. Prøv igen.');
	await expect(form.getByLabel('Din adgangskode nu')).toHaveAttribute('aria-invalid', 'true');
	await fill(DEMO_PASSWORD, 'min nye lange kode', 'min nye lang kode');
	await expect(form.getByRole('alert')).toHaveText('De to adgangskoder er ikke ens.');
	await fill(DEMO_PASSWORD, 'min nye lange kode');
	const changed = page.getByText('Din adgangskode er skiftet. Du er logget ud på dine andre enheder.');
	await expect(changed).toBeFocused();
	await expectAccessible(page);

	await other.goto('/plan');
	await expect(other).toHaveURL(/\/login/);
	await other.context().close();
	await logout(page);
	const origin = storyBaseURL();
	const old = await page.request.post(`${origin}/login`, {
		form: { username: 'oliver', password: DEMO_PASSWORD },
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(old.status()).not.toBe(303);
	await login(page, 'oliver', 'min nye lange kode');
	await expect(page).toHaveURL('/');
});

test('staff have no such page; their header keeps "Dine enheder"', async ({ page }) => {
	await login(page, 'mette');
	await expect(page.getByRole('banner').getByRole('link', { name: 'Min profil' })).toHaveCount(0);
	await expect(page.getByRole('banner').getByRole('link', { name: 'Dine enheder' })).toBeVisible();
	expect((await page.request.get('/profile')).status()).toBe(404);
});
