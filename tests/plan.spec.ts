import Database from 'better-sqlite3';
import { devices, expect, storyDatabasePath, test, type Page } from './story';
import { expectAccessible, inviteYouth, login, logout, switchLanguage } from './helpers';

/** The demo people's ids, read from the stories' database (read-only). */
function idsOf(...usernames: string[]): Record<string, string> {
	const db = new Database(storyDatabasePath(), { readonly: true, fileMustExist: true });
	try {
		const id = db.prepare('select id from users where username = ?').pluck();
		return Object.fromEntries(usernames.map((u) => [u, id.get(u) as string]));
	} finally {
		db.close();
	}
}

// One story told in order: freja takes part, mette answers, freja looks again.
test.describe.configure({ mode: 'serial' });

const step = (page: Page, title: string | RegExp) => page.getByTestId('step').filter({ hasText: title });

/** Mette opens Freja's page from her list and returns its path. */
async function openFrejaAsStaff(page: Page) {
	await page.goto('/staff');
	await page.getByRole('link', { name: 'Freja Nielsen' }).click();
	await expect(page).toHaveURL(/\/staff\/youth\/[a-z0-9]+$/);
	return new URL(page.url()).pathname;
}

/** A datetime-local value `days` from now at 10:00. */
function dayAt(days: number) {
	const d = new Date(Date.now() + days * 86_400_000);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
}

test.describe('the plan', () => {
	test('freja sees her plan, marks a step done, comments and proposes a step', async ({ page }) => {
		test.slow(); // a long flow with axe in two languages; the shared test machine is slow
		await login(page, 'freja');
		const summary = page.getByRole('region', { name: 'Din plan' });
		await expect(summary).toContainText('tømrerlærling');
		await expect(summary).toContainText('1 af 5 skridt er klaret');
		await summary.getByRole('link', { name: 'Se hele din plan' }).click();
		await expect(page).toHaveURL('/plan');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Min plan');

		const application = step(page, 'Send din ansøgning');
		await expect(page.getByTestId('group-now')).toContainText('Send din ansøgning');
		await expect(application).toContainText('Datoen er gået. Det er helt okay');
		await expect(application).toContainText('Dig');
		await expect(step(page, 'Find en læreplads')).toContainText('Ali Demir, Jobcentret');
		await expect(page.getByRole('region', { name: 'Dine næste møder' })).toContainText('Dit CV og din telefon med MitID');
		await expect(page.getByRole('region', { name: 'Hvem er med' })).toContainText('Ali Demir – Sagsbehandler, Jobcentret');
		await expect(page.getByTestId('agreed')).toContainText('Du sagde, at du er enig i planen');
		await expectAccessible(page);
		await switchLanguage(page, 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('My plan');
		await expectAccessible(page);
		await switchLanguage(page, 'da');

		// Only her own steps can be marked done.
		await expect(step(page, 'Lav et CV').getByRole('button', { name: /Jeg har gjort det/ })).toHaveCount(0);
		await application.getByRole('button', { name: /Jeg har gjort det/ }).click();
		await expect(page.getByRole('status')).toContainText('Godt gået!');
		await expect(page.getByTestId('group-done')).toContainText('Send din ansøgning');

		const cv = step(page, 'Lav et CV');
		await cv.locator('summary', { hasText: 'Skriv en kommentar' }).click();
		await cv.getByLabel('Din kommentar').fill('Jeg har skrevet et udkast. Kan du kigge på det?');
		await cv.getByRole('button', { name: 'Send kommentar' }).click();
		await expect(cv.getByRole('status')).toHaveText('Din kommentar er gemt.');
		await expect(cv).toContainText('Freja Nielsen');
		await expect(cv).toContainText('Jeg har skrevet et udkast.');

		const propose = page.getByRole('region', { name: 'Foreslå et nyt skridt' });
		await propose.getByLabel('Hvad skal der ske?').fill('Besøg tømrerskolen');
		await propose.getByLabel('Mere om det (hvis du vil)').fill('Der er åbent hus i næste måned.');
		await propose.getByRole('button', { name: 'Send forslaget' }).click();
		await expect(propose.getByRole('status')).toHaveText('Tak! Dit forslag er sendt til din guide.');
		await expect(propose.getByLabel('Hvad skal der ske?')).toHaveValue('');
		await expect(page.getByTestId('proposal')).toContainText('Venter på svar fra din guide');
		await expect(page.getByRole('region', { name: 'Det er sket med planen' })).toContainText('Du foreslog skridtet »Besøg tømrerskolen«');
	});

	test('mette accepts the proposal with a change and adds a step; freja is asked to look again and agrees', async ({ page, browser }) => {
		test.slow(); // a long flow across two people; the shared test machine is slow
		await login(page, 'mette');
		const row = page.getByTestId('caseload-row').filter({ hasText: 'Freja Nielsen' });
		await expect(row).toContainText('Forslag, der venter');
		await expect(row).toContainText('Ja, den nyeste');
		await openFrejaAsStaff(page);
		// What freja did is there: her step is done, her comment is on the CV step.
		await expect(page.getByTestId('group-done')).toContainText('Send din ansøgning');
		await expect(step(page, 'Lav et CV')).toContainText('Jeg har skrevet et udkast.');

		const proposal = page.getByTestId('proposal').filter({ hasText: 'Besøg tømrerskolen' });
		await proposal.locator('summary', { hasText: 'Tag med i planen' }).click();
		await proposal.getByLabel('Hvad skal der ske?').fill('Besøg tømrerskolen til åbent hus');
		await proposal.getByLabel('Hvem står for det').selectOption({ label: 'Den unge (Freja Nielsen)' });
		await proposal.getByRole('button', { name: 'Tag med i planen' }).click();
		await expect(page.getByText('Forslaget er taget med i planen.')).toBeVisible();
		await expect(page.getByTestId('proposal')).toHaveCount(0);
		await expect(page.getByTestId('agreement')).toHaveText('Freja har ikke sagt ja til den nyeste version af planen.');

		// Freja, on her phone, is asked to look again.
		const frejaContext = await browser.newContext({ ...devices['Pixel 7'], baseURL: new URL(page.url()).origin });
		const freja = await frejaContext.newPage();
		await login(freja, 'freja');
		await expect(freja.getByTestId('look-again')).toContainText('Din plan er ændret');
		await freja.goto('/plan');
		await expect(freja.getByTestId('look-again')).toBeVisible();
		await expect(step(freja, 'Besøg tømrerskolen til åbent hus')).toBeVisible();

		// Meanwhile mette adds a step.
		const add = page.getByRole('region', { name: 'Tilføj et skridt' });
		await add.getByLabel('Hvad skal der ske?').fill('Samtale med studievejleder på EUD');
		await add.getByLabel('Hvem står for det').selectOption({ label: 'Afdeling: UU – Ungdommens Uddannelsesvejledning' });
		await add.getByRole('button', { name: 'Tilføj skridtet' }).click();
		await expect(add.getByRole('status')).toHaveText('Skridtet er tilføjet.');
		await expect(step(page, 'Samtale med studievejleder')).toContainText('UU – Ungdommens Uddannelsesvejledning');

		// Freja's "yes" was to the plan she saw, which is no longer the plan: she is asked to look again.
		await freja.getByRole('button', { name: 'Jeg er enig i min plan' }).click();
		await expect(freja.getByRole('alert')).toHaveText(
			'Planen er blevet ændret, mens du kiggede på den. Kig den igennem igen, før du siger ja.'
		);
		await expect(step(freja, 'Samtale med studievejleder')).toBeVisible();
		const history = freja.getByRole('region', { name: 'Det er sket med planen' });
		await expect(history).toContainText('Mette Larsen tog forslaget »Besøg tømrerskolen til åbent hus« med i planen');
		await expect(history).toContainText('Mette Larsen tilføjede skridtet »Samtale med studievejleder på EUD«');
		await freja.getByRole('button', { name: 'Jeg er enig i min plan' }).click();
		await expect(freja.getByText('Tak! Vi har gemt, at du er enig i planen.')).toBeVisible();
		await expect(freja.getByTestId('agreed')).toContainText('Du sagde, at du er enig i planen');
		await expect(freja.getByTestId('look-again')).toHaveCount(0);
		await frejaContext.close();

		await page.reload();
		await expect(page.getByTestId('agreement')).toContainText('Freja sagde ja til planen');
	});

	test('mette schedules a meeting; bad input gets a clear message with everything kept', async ({ page }) => {
		test.slow(); // a long flow with axe in two languages; the shared test machine is slow
		await login(page, 'mette');
		await openFrejaAsStaff(page);
		// Bad input: a clear message, everything typed kept, nothing saved.
		const schedule = page.getByRole('region', { name: 'Aftal et møde' });
		await schedule.getByLabel('Dato og tidspunkt').fill(dayAt(-2));
		await schedule.getByLabel('Sted').fill('Biblioteket');
		await schedule.getByLabel('Med hvem').fill('Mette');
		await schedule.getByLabel(/Hvad skal den unge tage med/).fill('Madpakke');
		await schedule.getByRole('button', { name: 'Gem mødet' }).click();
		await expect(schedule.getByRole('alert')).toHaveText('Vælg en dato og et tidspunkt, som ikke er gået endnu.');
		await expect(schedule.getByLabel('Sted')).toHaveValue('Biblioteket');
		await expect(schedule.getByLabel(/Hvad skal den unge tage med/)).toHaveValue('Madpakke');
		await expect(page.getByRole('region', { name: 'Næste møder' })).not.toContainText('Biblioteket');
		await schedule.getByLabel('Dato og tidspunkt').fill(dayAt(3));
		await schedule.getByRole('button', { name: 'Gem mødet' }).click();
		await expect(schedule.getByRole('status')).toHaveText('Mødet er gemt.');
		await expect(page.getByRole('region', { name: 'Næste møder' })).toContainText('Biblioteket');

		await expectAccessible(page);
		await switchLanguage(page, 'en');
		await expect(page.getByRole('heading', { name: 'Goal' })).toBeVisible();
		await expectAccessible(page);
		await switchLanguage(page, 'da');
	});

	test('the guide starts a plan for a young person who has none', async ({ page }) => {
		await login(page, 'sofie');
		await page.getByRole('link', { name: 'Oliver Sørensen' }).click();
		await expect(page.getByText('Oliver har ingen plan endnu.')).toBeVisible();
		await page.getByLabel('Slags mål').selectOption({ label: 'Forberedende forløb' });
		await page.getByLabel('Målet med den unges egne ord').fill('Jeg vil prøve et år på højskole.');
		await page.getByLabel(/Dato for målet/).fill('2001-01-01');
		await page.getByRole('button', { name: 'Opret planen' }).click();
		await expect(page.getByRole('alert').filter({ hasText: 'Datoen for målet skal være en rigtig dato' })).toBeVisible();
		await expect(page.getByLabel('Målet med den unges egne ord')).toHaveValue('Jeg vil prøve et år på højskole.');
		await page.getByLabel(/Dato for målet/).fill('');
		await page.getByRole('button', { name: 'Opret planen' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Planen er lavet.' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Mål' })).toBeVisible();
		await expect(page.getByText('Jeg vil prøve et år på højskole.')).toBeVisible();
		await expect(page.getByTestId('agreement')).toHaveText('Oliver har ikke sagt ja til planen endnu.');
	});

	test('a second save of the same step gets a clear conflict and keeps the text (also without JavaScript)', async ({ page, browser }) => {
		await login(page, 'mette');
		const path = await openFrejaAsStaff(page);
		const other = await browser.newContext({ ...devices['Pixel 7'], javaScriptEnabled: false, baseURL: new URL(page.url()).origin });
		const second = await other.newPage();
		await login(second, 'mette');
		await second.goto(path);

		const first = step(page, 'Lav et CV');
		await first.locator('summary', { hasText: 'Ret skridtet' }).click();
		await first.getByLabel('Hvad skal der ske?').fill('Lav et CV og en ansøgning sammen');
		await first.getByRole('button', { name: 'Gem skridtet' }).click();
		await expect(first.getByRole('status')).toHaveText('Skridtet er gemt.');

		const stale = step(second, 'Lav et CV');
		await stale.locator('summary', { hasText: 'Ret skridtet' }).click();
		await stale.getByLabel('Hvad skal der ske?').fill('Lav et CV med billede');
		await stale.getByLabel('Mere om det (hvis du vil)').fill('Tag et godt billede med.');
		await stale.getByRole('button', { name: 'Gem skridtet' }).click();
		const conflicted = step(second, 'Lav et CV og en ansøgning sammen');
		await expect(conflicted.getByRole('alert')).toContainText('En anden har gemt en ændring, mens du skrev');
		await expect(conflicted.getByLabel('Hvad skal der ske?')).toHaveValue('Lav et CV med billede');
		await expect(conflicted.getByLabel('Mere om det (hvis du vil)')).toHaveValue('Tag et godt billede med.');
		await expect(conflicted.getByTestId('conflict-current')).toContainText('Lav et CV og en ansøgning sammen');

		// Having seen what is saved now, she chooses her own version.
		await conflicted.getByRole('button', { name: 'Gem skridtet' }).click();
		await expect(step(second, 'Lav et CV med billede').getByRole('status')).toHaveText('Skridtet er gemt.');
		await other.close();
	});

	test('two guides’ tabs saving the goal: the second gets the conflict with its text kept', async ({ page, context }) => {
		await login(page, 'mette');
		const path = await openFrejaAsStaff(page);
		const tab = await context.newPage();
		await tab.goto(path);
		for (const p of [page, tab]) await p.locator('summary', { hasText: 'Ret målet' }).click();
		await page.getByLabel('Målet med den unges egne ord').fill('Jeg vil være tømrer.');
		await page.getByRole('button', { name: 'Gem målet' }).click();
		await expect(page.getByText('Målet er gemt.')).toBeVisible();
		await tab.getByLabel('Målet med den unges egne ord').fill('Jeg vil være tømrer eller snedker.');
		await tab.getByRole('button', { name: 'Gem målet' }).click();
		await expect(tab.getByRole('alert').filter({ hasText: 'En anden har gemt en ændring, mens du skrev' })).toBeVisible();
		await expect(tab.getByLabel('Målet med den unges egne ord')).toHaveValue('Jeg vil være tømrer eller snedker.');
		await expect(tab.getByTestId('conflict-current')).toContainText('Jeg vil være tømrer.');
		await expect(tab.locator('.goal-text')).toHaveText('Jeg vil være tømrer.');
		await tab.getByRole('button', { name: 'Gem målet' }).click();
		await expect(tab.getByText('Målet er gemt.')).toBeVisible();
		await expect(tab.locator('.goal-text')).toHaveText('Jeg vil være tømrer eller snedker.');
	});

	test('ali (jobcenter, consented) sees the plan and updates his step; hanne (no consent) gets 404', async ({ page }) => {
		await login(page, 'ali');
		const path = await openFrejaAsStaff(page);
		await expect(page.getByText('Du kan opdatere de skridt, som Jobcentret står for.')).toBeVisible();
		await expect(page.locator('summary', { hasText: 'Opdatér skridtet' })).toHaveCount(1);
		await expect(page.locator('summary', { hasText: 'Ret skridtet' })).toHaveCount(0);
		await expect(page.getByRole('region', { name: 'Tilføj et skridt' })).toHaveCount(0);
		const job = step(page, 'Find en læreplads');
		await job.locator('summary', { hasText: 'Opdatér skridtet' }).click();
		await expect(job.getByLabel('Hvem står for det')).toHaveCount(0);
		await job.getByLabel('Status').selectOption({ label: 'Klaret' });
		await job.getByRole('button', { name: 'Gem skridtet' }).click();
		await expect(page.getByTestId('group-done')).toContainText('Find en læreplads');
		await expectAccessible(page);
		await logout(page);

		await login(page, 'hanne');
		expect((await page.goto(path))?.status()).toBe(404);
	});

	test('karen sees the plan freja shares with her, and nothing to change', async ({ page }) => {
		await login(page, 'karen');
		await page.getByRole('link', { name: /Freja/ }).click();
		const plan = page.getByTestId('parent-plan');
		await expect(plan).toContainText('Frejas plan');
		await expect(plan).toContainText('Jeg vil være tømrer eller snedker.');
		await expect(step(page, 'Lav et CV med billede')).toBeVisible();
		await expect(plan.getByRole('button')).toHaveCount(0);
		await expect(page.getByRole('region', { name: 'Næste møder' })).toHaveCount(0); // meetings are not shared with her
		await expectAccessible(page);
	});

	test('karen, shown the plan but not the guide, gets neither the guide nor who is involved: not on the page, not in its data', async ({
		page,
		browser
	}) => {
		const id = idsOf('freja', 'mette');
		const path = `/parent/${id.freja}`;
		/** The page as HTML and as the data SvelteKit's client loads for it. */
		const answers = async () =>
			Promise.all([page.request.get(path), page.request.get(`${path}/__data.json`)].map(async (r) => (await r).text()));
		await login(page, 'karen');
		for (const body of await answers()) {
			expect(body).toContain('tømrer'); // the plan is shared with her
			expect(body).not.toContain('Mette Larsen');
			expect(body).not.toContain(id.mette);
			expect(body).not.toContain('Ali Demir'); // a caseworker on the plan: who is involved
		}
		await page.goto(path);
		await expect(page.getByRole('heading', { name: 'Hvem er med' })).toHaveCount(0);

		// Freja shows karen who her guide is as well: now karen gets the guide and who is involved.
		const frejaContext = await browser.newContext({ ...devices['Pixel 7'], baseURL: new URL(page.url()).origin });
		const freja = await frejaContext.newPage();
		await login(freja, 'freja');
		await freja.goto('/consent');
		const mum = freja.getByTestId(/^consent-parent:/);
		// While she shares, the choice of what is shared is folded on her mum's card (issue 20).
		await mum.getByText('Mere om det').click();
		await mum.getByLabel('Guide').check();
		await mum.getByRole('button', { name: 'Gem det valgte med Karen Nielsen' }).click();
		await expect(mum.getByRole('status')).toHaveText('Du har sagt ja. Karen Nielsen kan se det nu.');
		for (const body of await answers()) {
			expect(body).toContain('Mette Larsen');
			expect(body).toContain(id.mette);
		}
		await page.reload();
		await expect(page.getByRole('heading', { name: 'Hvem er med' })).toBeVisible();

		// Back to the demo's state: the plan only.
		await mum.getByLabel('Guide').uncheck();
		// The status still shows the first save's sentence: wait for this save's own answer.
		const saved = freja.waitForResponse((r) => new URL(r.url()).pathname === '/consent' && r.request().method() === 'POST');
		await mum.getByRole('button', { name: 'Gem det valgte med Karen Nielsen' }).click();
		expect((await saved).ok()).toBe(true);
		await expect(mum.getByRole('status')).toHaveText('Du har sagt ja. Karen Nielsen kan se det nu.');
		for (const body of await answers()) expect(body).not.toContain('Mette Larsen');
		await frejaContext.close();
	});

	test('a young person without a plan sees what happens next and how to reach the youth unit', async ({ page }) => {
		// New to the youth unit (no other story has given them a guide or a plan).
		await inviteYouth(page, 'mette', 'Emil Bak', 'emil', '2011-08-02');
		await page.goto('/');
		await expect(page.getByRole('region', { name: 'Din plan' })).toContainText('Du har ikke en plan endnu');
		await page.goto('/plan');
		await expect(page.getByRole('heading', { name: 'Du har ikke en plan endnu' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Find en guide' })).toBeVisible();
		// In the page itself (the footer, on every page, has the unit's phone too).
		await expect(page.getByRole('main').getByRole('link', { name: '70 10 20 30' })).toHaveAttribute('href', 'tel:70102030');
		await expectAccessible(page);
	});

	test('the staff list sorts by plain links', async ({ page }) => {
		await login(page, 'lone');
		await page.getByRole('link', { name: 'Alder' }).click();
		await expect(page).toHaveURL(/sort=age/);
		await expect(page.getByRole('link', { name: /Alder/ })).toHaveAttribute('aria-current', 'true');
		const texts = await page
			.getByTestId('caseload-row')
			.evaluateAll((rows) => rows.map((r) => Number(/(\d+) år/.exec(r.textContent ?? '')?.[1])));
		expect(texts.length).toBeGreaterThan(3);
		expect(texts).toEqual([...texts].sort((a, b) => a - b));
		await page.getByRole('link', { name: /Alder/ }).click();
		await expect(page).toHaveURL(/sort=age&dir=desc/);
		const reversed = await page
			.getByTestId('caseload-row')
			.evaluateAll((rows) => rows.map((r) => Number(/(\d+) år/.exec(r.textContent ?? '')?.[1])));
		expect(reversed).toEqual([...texts].reverse());
		await expectAccessible(page);
	});

	test('the printed plan leaves out the forms', async ({ page }) => {
		await login(page, 'freja');
		await page.goto('/plan');
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByText('Jeg vil være tømrer eller snedker.')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Send forslaget' })).toBeHidden();
		await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toBeHidden();
		await expect(page.getByText('Fra Minvej – Freja Nielsens plan')).toBeVisible();
		// The browser's print gives one or two A4 pages.
		const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
		const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
		expect(pages.length).toBeGreaterThanOrEqual(1);
		expect(pages.length).toBeLessThanOrEqual(2);
	});
});
