/**
 * Safety first (issue 20, points 2 and 3): a step goes only to someone who can see the plan, and
 * removing a step or cancelling a meeting asks first, with JavaScript (a dialog) and without it
 * (a confirm page). The staff side runs at a desktop viewport, the young person's on the phone.
 */
import Database from 'better-sqlite3';
import { devices, expect, storyDatabasePath, test, type Browser, type Page } from './story';
import { expectAccessible, login, visit } from './helpers';

test.describe.configure({ mode: 'serial', timeout: 120_000 });
test.use({ viewport: { width: 1280, height: 800 } });

const DANISH = { locale: 'da-DK', timezoneId: 'Europe/Copenhagen' };
const DESKTOP = { ...DANISH, viewport: { width: 1280, height: 800 } };
const PHONE = { ...devices['Pixel 7'], ...DANISH };

function idOf(username: string): string {
	const db = new Database(storyDatabasePath(), { readonly: true, fileMustExist: true });
	try {
		return db.prepare('select id from users where username = ?').pluck().get(username) as string;
	} finally {
		db.close();
	}
}

const frejaPath = () => `/staff/youth/${idOf('freja')}`;
/** Opens a page and waits until its scripts run (a click before that would take the no-JS path). */
const step = (page: Page, title: string) => page.getByTestId('step').filter({ hasText: title });
const addForm = (page: Page) => page.getByRole('region', { name: 'Tilføj et skridt' });
/** The step's remove button (its name ends with the step's title, read by screen readers). */
const removeButton = (page: Page, title: string) => step(page, title).getByRole('button', { name: new RegExp(`^Fjern\\s*: ${title}$`) });
const meetingAt = (page: Page, place: string) =>
	page.getByRole('region', { name: 'Næste møder' }).getByRole('listitem').filter({ hasText: place });
const ownerOptions = (page: Page) => addForm(page).getByLabel('Hvem står for det').locator('option');

/** Mette adds a step she owns herself. */
async function addStep(page: Page, title: string) {
	const form = addForm(page);
	await form.getByLabel('Hvad skal der ske?').fill(title);
	await form.getByLabel('Hvem står for det').selectOption('guide');
	await form.getByRole('button', { name: 'Tilføj skridtet' }).click();
	await expect(form.getByRole('status')).toHaveText('Skridtet er tilføjet.');
	await expect(step(page, title)).toBeVisible();
}

/** Freja, on her phone, says yes or stop to sharing with the family department. */
async function frejaShares(browser: Browser, share: boolean) {
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await login(page, 'freja');
	await visit(page, '/consent');
	const family = page.getByTestId('consent-department:family');
	await family.getByRole('button', { name: share ? /^Ja, del med Familieafdelingen/ : /^Stop deling med Familieafdelingen/ }).click();
	await expect(family.getByText(share ? 'Deler' : 'Stoppet', { exact: true })).toBeVisible();
	await context.close();
}

test.describe('a step goes only to someone who can see the plan', () => {
	test('mette is not offered hanne while freja does not share with the family department, and posting her anyway is refused', async ({
		page
	}) => {
		await login(page, 'mette');
		await visit(page, frejaPath());
		const options = ownerOptions(page);
		await expect(options.filter({ hasText: 'Ali Demir' })).toHaveCount(1);
		await expect(options.filter({ hasText: 'Hanne Kristensen' })).toHaveCount(0);
		await expect(options.filter({ hasText: 'Familieafdelingen' })).toHaveCount(0);
		await expectAccessible(page);

		// A form sent with hanne anyway (an old page, a crafted post): refused, what was typed kept.
		const form = addForm(page);
		await form.getByLabel('Hvad skal der ske?').fill('Samtale om bolig');
		await form.getByLabel('Mere om det (hvis du vil)').fill('Hanne kender sagen');
		const hanne = `caseworker:${idOf('hanne')}`;
		await form.getByLabel('Hvem står for det').evaluate((select: HTMLSelectElement, value) => {
			select.add(new Option('Hanne', value));
			select.value = value;
		}, hanne);
		await form.getByRole('button', { name: 'Tilføj skridtet' }).click();
		await expect(form.getByText('Den ansvarlige kan ikke se planen: den unge deler ikke planen med den afdeling.')).toBeVisible();
		await expect(form.getByLabel('Hvad skal der ske?')).toHaveValue('Samtale om bolig');
		await expect(form.getByLabel('Mere om det (hvis du vil)')).toHaveValue('Hanne kender sagen');
		await page.reload();
		await expect(step(page, 'Samtale om bolig')).toHaveCount(0);
	});

	test('once freja shares with the family department hanne is offered; when she stops, mette is warned and freja sees no hanne', async ({
		page,
		browser
	}) => {
		await frejaShares(browser, true);
		await login(page, 'mette');
		await visit(page, frejaPath());
		await expect(ownerOptions(page).filter({ hasText: 'Hanne Kristensen' })).toHaveCount(1);
		const form = addForm(page);
		await form.getByLabel('Hvad skal der ske?').fill('Samtale om bolig');
		await form.getByLabel('Hvem står for det').selectOption(`caseworker:${idOf('hanne')}`);
		await form.getByRole('button', { name: 'Tilføj skridtet' }).click();
		await expect(form.getByRole('status')).toHaveText('Skridtet er tilføjet.');
		await expect(step(page, 'Samtale om bolig')).toContainText('Hanne Kristensen');
		await expect(step(page, 'Samtale om bolig').getByTestId('owner-warning')).toHaveCount(0);

		await frejaShares(browser, false);
		await page.reload();
		const warning = step(page, 'Samtale om bolig').getByTestId('owner-warning');
		await expect(warning).toHaveText('Hanne Kristensen kan ikke se planen – samtykket er trukket tilbage. Vælg en anden ansvarlig.');
		await expect(ownerOptions(page).filter({ hasText: 'Hanne Kristensen' })).toHaveCount(0);
		await expectAccessible(page);

		// The young person, on her phone: the step is there, hanne is not named or listed as involved.
		const context = await browser.newContext(PHONE);
		const freja = await context.newPage();
		await login(freja, 'freja');
		await visit(freja, '/plan');
		const hers = step(freja, 'Samtale om bolig');
		await expect(hers).toContainText('Din guide finder en anden, der kan stå for det');
		await expect(hers).not.toContainText('Hanne');
		await expect(freja.getByRole('region', { name: 'Hvem er med' })).not.toContainText('Hanne');
		await expect(freja.getByRole('region', { name: 'Hvem er med' })).toContainText('Ali Demir');
		await expectAccessible(freja);
		await context.close();
	});
});

test.describe('removing a step and cancelling a meeting ask first', () => {
	test('with JavaScript: a dialog; going back keeps the step, yes removes it', async ({ page }) => {
		await login(page, 'mette');
		await visit(page, frejaPath());
		await addStep(page, 'Besøg på erhvervsskolen');
		const item = step(page, 'Besøg på erhvervsskolen');

		await removeButton(page, 'Besøg på erhvervsskolen').click();
		const dialog = page.getByRole('dialog', { name: 'Fjern skridtet?' });
		await expect(dialog).toBeVisible();
		await expect(dialog).toContainText('»Besøg på erhvervsskolen«');
		await expect(page).toHaveURL(frejaPath());
		await expectAccessible(page);
		await dialog.getByRole('button', { name: 'Fortryd' }).click();
		await expect(dialog).toBeHidden();
		await expect(item).toBeVisible();

		await removeButton(page, 'Besøg på erhvervsskolen').click();
		await dialog.getByRole('button', { name: 'Ja, slet' }).click();
		await expect(page.getByText('Skridtet er fjernet.')).toBeVisible();
		await expect(item).toHaveCount(0);
		await page.reload();
		await expect(step(page, 'Besøg på erhvervsskolen')).toHaveCount(0);
	});

	test('without JavaScript: a confirm page; going back keeps the step, yes removes it', async ({ page, browser }) => {
		await login(page, 'mette');
		await visit(page, frejaPath());
		await addStep(page, 'Ring til praktikstedet');

		const context = await browser.newContext({ ...DESKTOP, javaScriptEnabled: false });
		const plain = await context.newPage();
		await login(plain, 'mette');
		await plain.goto(frejaPath());
		await removeButton(plain, 'Ring til praktikstedet').click();
		await expect(plain).toHaveURL(/\/staff\/youth\/[a-z0-9]+\/steps\/[a-z0-9]+\/remove\??$/);
		await expect(plain.getByRole('heading', { level: 1 })).toHaveText('Fjern skridtet?');
		await expect(plain.getByText('»Ring til praktikstedet«')).toBeVisible();
		// axe runs scripts in the page: it checks the same confirm page in the context with JavaScript.
		await visit(page, plain.url());
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fjern skridtet?');
		await expectAccessible(page);
		await plain.getByRole('link', { name: 'Fortryd' }).click();
		await expect(plain).toHaveURL(new RegExp(`${frejaPath()}#step-`));
		await expect(step(plain, 'Ring til praktikstedet')).toBeVisible();

		await removeButton(plain, 'Ring til praktikstedet').click();
		await plain.getByRole('button', { name: 'Ja, slet' }).click();
		await expect(plain.getByText('Skridtet er fjernet.')).toBeVisible();
		await expect(step(plain, 'Ring til praktikstedet')).toHaveCount(0);
		await context.close();
	});

	test('cancelling a meeting asks first, with JavaScript and without', async ({ page, browser }) => {
		await login(page, 'mette');
		await visit(page, frejaPath());
		const when = new Date(Date.now() + 9 * 86_400_000);
		const pad = (n: number) => String(n).padStart(2, '0');
		const schedule = page.getByRole('region', { name: 'Aftal et møde' });
		await schedule.getByLabel('Dato og tidspunkt').fill(`${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}T13:00`);
		await schedule.getByLabel('Sted').fill('Ungehuset, lokale 7');
		await schedule.getByLabel('Med hvem').fill('Mette og Freja');
		await schedule.getByRole('button', { name: 'Gem mødet' }).click();
		const meeting = meetingAt(page, 'Ungehuset, lokale 7');
		await expect(meeting).toBeVisible();

		// Without JavaScript the button opens a confirm page; going back cancels nothing.
		const context = await browser.newContext({ ...DESKTOP, javaScriptEnabled: false });
		const plain = await context.newPage();
		await login(plain, 'mette');
		await plain.goto(frejaPath());
		await meetingAt(plain, 'Ungehuset, lokale 7')
			.getByRole('button', { name: /^Aflys mødet/ })
			.click();
		await expect(plain).toHaveURL(/\/staff\/youth\/[a-z0-9]+\/meetings\/[a-z0-9]+\/cancel\??$/);
		await expect(plain.getByRole('heading', { level: 1 })).toHaveText('Aflys mødet?');
		await expect(plain.getByText(/Ungehuset, lokale 7/)).toBeVisible();
		await visit(page, plain.url());
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aflys mødet?');
		await expectAccessible(page);
		await visit(page, frejaPath());
		await plain.getByRole('link', { name: 'Fortryd' }).click();
		await expect(meetingAt(plain, 'Ungehuset, lokale 7')).toBeVisible();
		await context.close();

		// With JavaScript: a dialog; going back keeps the meeting, yes cancels it.
		await meeting.getByRole('button', { name: /^Aflys mødet/ }).click();
		const dialog = page.getByRole('dialog', { name: 'Aflys mødet?' });
		await expect(dialog).toContainText('Ungehuset, lokale 7');
		await expectAccessible(page);
		await dialog.getByRole('button', { name: 'Fortryd' }).click();
		await expect(dialog).toBeHidden();
		await expect(meeting).toBeVisible();
		await meeting.getByRole('button', { name: /^Aflys mødet/ }).click();
		await dialog.getByRole('button', { name: 'Ja, aflys' }).click();
		await expect(page.getByText('Mødet er aflyst.')).toBeVisible();
		await expect(meeting).toHaveCount(0);
	});
});
