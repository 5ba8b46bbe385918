import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from './story';
import { DEMO_PASSWORD, expectAccessible, hydrated, inviteYouth, login, secondPhone, switchLanguage } from './helpers';

/**
 * Consent the young person controls (issue 5). Every test that changes a consent puts it back
 * the way the demo seed has it, so other spec files meet the demo as documented.
 */

/** Waits until the page has hydrated, so that hydration does not undo what a test types next. */
const settled = hydrated;

async function openYouthPage(staff: Page, name: RegExp): Promise<string> {
	await staff.goto('/staff');
	await staff.getByRole('link', { name }).first().click();
	await expect(staff).toHaveURL(/\/staff\/youth\/[a-z0-9]+$/);
	return new URL(staff.url()).pathname;
}

test.describe('consent', () => {
	// Two phones at once and axe on long pages: more time than one page's check needs on a shared machine.
	test.describe.configure({ timeout: 60_000 });

	test('freja withdraws the jobcenter: ali’s next navigation is refused; she gives it again', async ({ page, browser }, info) => {
		const ali = await secondPhone(browser, info);
		await login(ali, 'ali');
		const frejaPage = await openYouthPage(ali, /Freja/);
		await ali.goto('/staff'); // the list with Freja's link stays open on ali's phone

		await login(page, 'freja');
		await page.goto('/consent');
		const job = page.getByTestId('consent-department:jobcenter');
		await expect(job.getByText('Deler', { exact: true })).toBeVisible();
		await job.getByRole('button', { name: 'Stop deling med Jobcentret' }).click();
		await expect(job.getByRole('status')).toHaveText('Du har sagt stop. Jobcentret kan ikke se noget mere.');
		await expect(job.getByText('Stoppet', { exact: true })).toBeVisible();

		// The page ali already has open: the very next navigation is refused.
		await ali.getByRole('link', { name: /Freja/ }).first().click();
		await expect(ali.getByRole('heading', { level: 1 })).toHaveText('Siden findes ikke');
		expect((await ali.goto(frejaPage))?.status()).toBe(404);
		await ali.goto('/staff');
		await expect(ali.getByRole('link', { name: /Freja/ })).toHaveCount(0);

		// Giving is exactly as easy: one button on the same card.
		await job.getByRole('button', { name: 'Ja, del med Jobcentret' }).click();
		await expect(job.getByRole('status')).toHaveText('Du har sagt ja. Jobcentret kan se det nu.');
		expect((await ali.goto(frejaPage))?.status()).toBe(200);
		await ali.context().close();
	});

	test('noah (14) gives UU: it waits for peter, who co-signs on /parent and can also say stop', async ({ page, browser }, info) => {
		await login(page, 'noah');
		await page.goto('/consent');
		await expect(page.getByText(/Du er under 15 år\..*Peter Jensen/)).toBeVisible();
		const uu = page.getByTestId('consent-department:uu');
		await uu.getByRole('button', { name: /^Ja, del med UU/ }).click();
		await expect(uu.getByRole('status')).toHaveText('Du har sagt ja. Nu venter det på, at en af dine forældre også siger ja.');
		await expect(uu.getByText('Du har sagt ja. Det venter på, at Peter Jensen også siger ja.')).toBeVisible();

		const peter = await secondPhone(browser, info);
		await login(peter, 'peter');
		await expect(peter).toHaveURL('/parent');
		const cosign = peter.getByTestId('parent-cosign');
		await expect(cosign).toContainText('Noah har sagt ja til dette: UU – Ungdommens Uddannelsesvejledning må se planen');
		await expectAccessible(peter);
		await cosign.getByRole('button', { name: /^Ja, jeg siger også ja med UU/ }).click();
		await expect(cosign.getByRole('status')).toHaveText('Tak. Du har sagt ja, og det gælder nu.');

		await page.reload();
		await expect(uu.getByText('Deler', { exact: true })).toBeVisible();
		await expect(uu).toContainText('Du har sagt ja. De kan se: Plan, Guide og Møder.');

		// Either may withdraw: peter says stop on Noah's page, with immediate effect.
		await peter.getByRole('link', { name: /Noah/ }).click();
		await expect(peter.getByRole('heading', { level: 1 })).toHaveText('Noah Jensen');
		await expectAccessible(peter);
		await peter.getByRole('button', { name: /^Stop deling med UU/ }).click();
		await expect(peter.getByTestId('parent-cosign').getByRole('status')).toHaveText('Du har sagt stop. Afdelingen kan ikke se noget mere.');
		await page.reload();
		await expect(uu.getByText('Stoppet', { exact: true })).toBeVisible();
		await expect(uu).toContainText('Peter Jensen har sagt stop.');
		await peter.context().close();
	});

	test('after 20 changes in a minute a yes waits, with a clear message; saying stop still works at once', async ({ page }) => {
		// A young person of her own, so the limit holds back nobody another test uses.
		await inviteYouth(page, 'mette', 'Ella Holm', 'ella', '2006-05-05');
		await page.goto('/consent');
		await settled(page);
		const wording = await page.locator('input[name="wording"]').first().inputValue();
		const change = (action: 'give' | 'withdraw', recipient: string) =>
			page.evaluate(
				async ([action, body]) => {
					const res = await fetch(`/consent?/${action}`, {
						method: 'POST',
						headers: { accept: 'application/json', 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' },
						body
					});
					return (await res.text()).slice(0, 40);
				},
				[action, new URLSearchParams({ recipient, wording }).toString()] as const
			);
		// 20 changes: UU yes and stop nine times over, then yes to UU and the jobcenter.
		for (let i = 0; i < 9; i++) {
			expect(await change('give', 'department:uu')).toContain('"type":"success"');
			expect(await change('withdraw', 'department:uu')).toContain('"type":"success"');
		}
		expect(await change('give', 'department:uu')).toContain('"type":"success"');
		expect(await change('give', 'department:jobcenter')).toContain('"type":"success"');
		await page.reload();

		const fgu = page.getByTestId('consent-department:fgu');
		await fgu.getByRole('button', { name: /^Ja, del med FGU/ }).click();
		await expect(fgu.getByRole('alert')).toHaveText(
			'Du har ændret dine samtykker mange gange på kort tid. Vent et minut, og prøv så igen.'
		);
		await expect(fgu.getByText('Deler ikke', { exact: true })).toBeVisible();
		await expectAccessible(page);

		const uu = page.getByTestId('consent-department:uu');
		await uu.getByRole('button', { name: /^Stop deling med UU/ }).click();
		await expect(uu.getByRole('status')).toHaveText('Du har sagt stop. UU – Ungdommens Uddannelsesvejledning kan ikke se noget mere.');
	});

	test('freja stops sharing her plan with karen: karen’s next request no longer shows it', async ({ page, browser }, info) => {
		const karen = await secondPhone(browser, info);
		await login(karen, 'karen');
		await karen.getByRole('link', { name: /Freja/ }).click();
		await expect(karen.getByText(/tømrerlærling/)).toBeVisible();
		await expect(karen.getByTestId('parent-not-shared')).toContainText('Guiden: Freja har valgt ikke at vise dig, hvem guiden er.');
		await expectAccessible(karen);

		await login(page, 'freja');
		await page.goto('/consent');
		const mum = page.getByTestId(/^consent-parent:/);
		await mum.getByRole('button', { name: 'Stop deling med Karen Nielsen' }).click();
		await expect(mum.getByRole('status')).toHaveText('Du har sagt stop. Karen Nielsen kan ikke se noget mere.');

		await karen.reload();
		await expect(karen.getByText(/tømrerlærling/)).toHaveCount(0);
		await expect(karen.getByTestId('parent-not-shared')).toContainText('Planen: Freja har valgt ikke at vise dig sin plan.');
		await expect(karen.getByText(/Beskeder mellem Freja og guiden er altid private/)).toBeVisible();

		// Nothing ticked is refused with a clear message; then freja shares the plan again.
		await mum.getByRole('button', { name: 'Ja, del det valgte med Karen Nielsen' }).click();
		await expect(mum.getByRole('alert')).toContainText('Sæt mindst ét flueben');
		await settled(page);
		await mum.getByLabel('Plan').check();
		await mum.getByRole('button', { name: 'Ja, del det valgte med Karen Nielsen' }).click();
		await expect(mum.getByRole('status')).toHaveText('Du har sagt ja. Karen Nielsen kan se det nu.');
		await karen.reload();
		await expect(karen.getByText(/tømrerlærling/)).toBeVisible();
		await karen.context().close();
	});

	test('mette asks freja for a consent to FGU, and freja answers on /consent', async ({ page, browser }, info) => {
		const mette = await secondPhone(browser, info);
		await login(mette, 'mette');
		await openYouthPage(mette, /Freja/);
		await settled(mette);
		const panel = mette.getByTestId('staff-consent');
		await expect(panel).toContainText('Kun den unge');
		await expect(panel.getByRole('button', { name: /Stop deling|Ja, del/ })).toHaveCount(0); // read-only for staff
		await panel.getByLabel('Afdeling').selectOption({ label: 'FGU – Forberedende Grunduddannelse' });
		await panel.getByLabel(/Besked til den unge/).fill('FGU kan hjælpe dig med skemaet efter sommer.');
		await panel.getByRole('button', { name: 'Send spørgsmålet' }).click();
		await expect(panel.getByRole('status')).toHaveText('Spørgsmålet er sendt. Den unge ser det under Samtykke.');
		await expect(panel).toContainText('FGU – Forberedende Grunduddannelse: spurgt af Mette Larsen');
		await expectAccessible(mette);

		await login(page, 'freja');
		await expect(page.getByTestId('consent-requests-notice')).toContainText('Din guide har et spørgsmål til dig om samtykke.');
		await page.getByRole('link', { name: 'Se og svar' }).click();
		await expect(page).toHaveURL('/consent');
		const request = page.getByTestId('consent-request');
		await expect(request).toContainText('Mette Larsen spørger, om FGU – Forberedende Grunduddannelse må se dine oplysninger');
		await expect(request).toContainText('Mette Larsen skriver: FGU kan hjælpe dig med skemaet efter sommer.');
		await request.getByRole('button', { name: /^Ja, det er ok/ }).click();
		await expect(page.getByText('Du har sagt ja. Afdelingen kan se det nu.')).toBeVisible();
		await expect(page.getByTestId('consent-request')).toHaveCount(0);
		const fgu = page.getByTestId('consent-department:fgu');
		await expect(fgu.getByText('Deler', { exact: true })).toBeVisible();

		await mette.reload();
		await expect(mette.getByTestId('staff-consent')).not.toContainText('spurgt af');
		// Back to the demo's state.
		await fgu.getByRole('button', { name: /^Stop deling med FGU/ }).click();
		await expect(fgu.getByText('Stoppet', { exact: true })).toBeVisible();
		await mette.context().close();
	});

	test('freja downloads her consent history and all her data as JSON', async ({ page }) => {
		await login(page, 'freja');
		await page.goto('/consent');
		await expect(page.getByRole('heading', { name: 'Din historik' })).toBeVisible();
		const [history] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Hent historikken som fil (JSON)' }).click()
		]);
		expect(history.suggestedFilename()).toMatch(/^minvej-samtykker-\d{4}-\d{2}-\d{2}\.json$/);
		const json = JSON.parse(await readFile((await history.path())!, 'utf8'));
		expect(json.kind).toBe('minvej-consent-history');
		const gives = json.records.filter((r: { action: string }) => r.action === 'give');
		expect(gives.length).toBeGreaterThanOrEqual(3);
		for (const r of json.records) {
			expect(r.wordingText.length).toBeGreaterThan(20);
			expect(r.wordingVersion).toBeTruthy();
			expect(r.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
		}
		expect(json.records.map((r: { recipient: { department?: string } }) => r.recipient.department)).toContain('jobcenter');

		await page.goto('/privacy');
		const [all] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent alle mine data' }).click()]);
		const mine = JSON.parse(await readFile((await all.path())!, 'utf8'));
		expect(mine.profile.username).toBe('freja');
		expect(mine.profile.passwordHash).toBeUndefined();
		expect(mine.consent.records.length).toBe(json.records.length);
		expect(mine.plan.steps.length).toBeGreaterThan(0);
		expect(mine.messages.messages.length).toBeGreaterThan(0);
	});

	test('freja sees ali’s read on /privacy', async ({ page, browser }, info) => {
		// Earlier stories have Ali open Freja's page today too, so the promise checked is that this
		// visit is on his one line for today: who (with his role), what, and a look at the time of it.
		await login(page, 'freja');
		await page.goto('/privacy');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mine data');
		const startedAt = Date.now();

		const ali = await secondPhone(browser, info);
		await login(ali, 'ali');
		await openYouthPage(ali, /Freja/);
		await ali.context().close();

		await page.reload();
		const aliToday = page.getByRole('list', { name: 'I dag', exact: true }).locator(':scope > li').filter({ hasText: 'Ali Demir' });
		await expect(aliToday).toHaveCount(1);
		await expect(aliToday).toContainText('Sagsbehandler, Jobcentret');
		await expect(aliToday).toContainText(/Kiggede på .*din side med dit mål/);
		await aliToday.getByText('Se hvornår').click();
		const looks = aliToday.locator('details li').filter({ hasText: 'din side med dit mål' });
		await expect(looks.first()).toBeVisible();
		const times = await looks.locator('time').evaluateAll((ts) => ts.map((t) => Date.parse(t.getAttribute('datetime') ?? '')));
		expect(Math.max(...times), 'this visit is listed').toBeGreaterThanOrEqual(startedAt);
		await expectAccessible(page);
	});

	test('amina (20): no custody holder is invited for her; a linked parent sees nothing until she says yes, and she removes the link herself', async ({
		page,
		browser
	}, info) => {
		test.slow(); // four people on their own phones, one of them without JavaScript
		// Lone links amina's father: as a custody holder he is refused, without custody he is invited.
		const lone = await secondPhone(browser, info);
		await login(lone, 'lone');
		await lone.goto('/staff/invites');
		await settled(lone);
		await lone.getByLabel('Forælder', { exact: true }).check();
		await lone.getByLabel('Fulde navn').fill('Said Hassan');
		await lone.getByLabel('Forælder til').selectOption({ label: 'Amina Hassan' });
		await lone.getByLabel('Har forældremyndighed').check();
		await lone.getByRole('button', { name: 'Lav invitation' }).click();
		await expect(lone.getByRole('alert')).toContainText('Den unge er 18 år eller ældre');
		await expect(lone.getByTestId('invite-link')).toHaveCount(0);
		await lone.getByLabel('Har forældremyndighed').uncheck();
		await lone.getByRole('button', { name: 'Lav invitation' }).click();
		const link = (await lone.getByTestId('invite-link').textContent())?.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9]+/)?.[0];
		expect(link).toBeTruthy();
		await lone.context().close();

		const said = await secondPhone(browser, info);
		await said.goto(link!);
		await said.getByLabel(/^Brugernavn/).fill('said.hassan');
		await said.getByLabel(/^Adgangskode/).fill('en lang og god sætning');
		await said.getByLabel('Gentag adgangskoden').fill('en lang og god sætning');
		await said.getByRole('button', { name: 'Opret adgang' }).click();
		await expect(said.getByRole('status')).toContainText('Din adgang er oprettet');
		await login(said, 'said.hassan', 'en lang og god sætning');
		await expect(said).toHaveURL('/parent');
		/** What said gets of /parent, as HTML and as data: nothing about amina, not even her name. */
		const saidSees = async () =>
			(await Promise.all(['/parent', '/parent/__data.json'].map(async (u) => (await said.request.get(u)).text()))).join('\n');
		expect(await saidSees()).not.toContain('Amina');
		await expect(said.getByText('Du er ikke koblet til nogen unge endnu.')).toBeVisible();

		// Amina shares her plan with him: now he sees her, and her plan.
		await login(page, 'amina');
		await page.goto('/consent');
		await expect(page.getByText(/Du er over 18\./)).toBeVisible();
		const dad = page.getByTestId(/^consent-parent:/);
		await dad.getByLabel('Plan').check();
		await dad.getByRole('button', { name: 'Ja, del det valgte med Said Hassan' }).click();
		await expect(dad.getByRole('status')).toHaveText('Du har sagt ja. Said Hassan kan se det nu.');
		await said.reload();
		await said.getByRole('link', { name: 'Amina Hassan' }).click();
		await expect(said.getByText(/social- og sundhedshjælper/)).toBeVisible();
		const aminaPage = new URL(said.url()).pathname;
		await expectAccessible(page);

		// She removes the link, here without JavaScript: on record, and he sees nothing at all.
		const noScript = await secondPhone(browser, info, { javaScriptEnabled: false });
		await noScript.goto('/login');
		await noScript.getByLabel('Brugernavn').fill('amina');
		await noScript.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
		await noScript.getByRole('button', { name: 'Log ind' }).click();
		await noScript.goto('/consent');
		const card = noScript.getByTestId(/^consent-parent:/);
		await expect(card).toContainText('kan Said Hassan ikke længere se noget om dig i Minvej, heller ikke dit navn');
		await card.getByRole('button', { name: 'Fjern Said Hassan fra Minvej' }).click();
		await expect(noScript.getByRole('status').first()).toContainText('Said Hassan er fjernet. Said Hassan kan ikke se noget om dig mere.');
		await expect(noScript.getByTestId(/^consent-parent:/)).toHaveCount(0);
		await expect(noScript.getByText('Der er ingen forældre koblet på dig i Minvej.')).toBeVisible();
		await expect(noScript.getByRole('region', { name: 'Din historik' })).toContainText('Said Hassan');
		await noScript.context().close();

		expect(await saidSees()).not.toContain('Amina');
		expect((await said.request.get(aminaPage)).status()).toBe(404);
		await said.context().close();
	});

	for (const path of ['/consent', '/privacy']) {
		test(`${path} passes axe in Danish and English`, async ({ page }) => {
			await login(page, 'freja');
			await page.goto(path);
			await expectAccessible(page);
			if (path === '/consent') {
				await page.getByText('Se teksten').first().click();
				await expectAccessible(page);
			}
			await switchLanguage(page, 'en');
			await expectAccessible(page);
			await switchLanguage(page, 'da');
		});
	}

	test('/consent under the self-consent age passes axe', async ({ page }) => {
		await login(page, 'noah');
		await page.goto('/consent');
		await expectAccessible(page);
	});

	test('/parent passes axe in Danish and English', async ({ page }) => {
		await login(page, 'karen');
		await expectAccessible(page);
		await switchLanguage(page, 'en');
		await expectAccessible(page);
		await switchLanguage(page, 'da');
	});
});
