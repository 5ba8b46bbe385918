/**
 * Running a real municipality (issue 15): the coordinator's administration, a leaver's hand-over,
 * bringing in a caseload from a file, and the coordinator's paged list. On the file's own server
 * and fresh demo database (tests/story.ts).
 */
import Database from 'better-sqlite3';
import { readFile } from 'node:fs/promises';
import { expect, storyBaseURL, storyDatabasePath, test, type Browser, type Page } from './story';
import { expectAccessible, login, logout } from './helpers';

const PASSWORD = 'en lang og god sætning';
test.use({ viewport: { width: 1280, height: 1000 } });
test.describe.configure({ mode: 'serial' });

/** Rows of a table in the database beside the server (read-only). */
function count(sql: string): number {
	const db = new Database(storyDatabasePath(), { readonly: true });
	try {
		return db.prepare(sql).pluck().get() as number;
	} finally {
		db.close();
	}
}

/** Chooses a username and password with a sign-in code's link. */
async function claim(page: Page, link: string, username: string) {
	await page.goto(link);
	await page.getByLabel(/^Brugernavn/).fill(username);
	await page.getByLabel(/^Adgangskode/).fill(PASSWORD);
	await page.getByLabel('Gentag adgangskoden').fill(PASSWORD);
	await page.getByRole('button', { name: 'Opret adgang' }).click();
	await expect(page.getByRole('status')).toContainText('Din adgang er oprettet');
}

async function newPhone(browser: Browser) {
	const context = await browser.newContext({ baseURL: storyBaseURL(), locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
	return context.newPage();
}

/** Uploads a CSV on the import page and waits for the answer. */
async function upload(page: Page, text: string) {
	await page.getByLabel('Fil (CSV)').setInputFiles({ name: 'sagsliste.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
	await page.getByRole('button', { name: 'Kontrollér filen' }).click();
	await expect(page.getByTestId('import-errors').or(page.getByTestId('import-plan'))).toBeVisible();
}

/** The links of the sign-in codes an import listed, by name. */
async function codeLinks(page: Page): Promise<Map<string, string>> {
	const rows = await page
		.getByTestId('import-codes')
		.getByRole('row')
		.evaluateAll((trs) =>
			trs.slice(1).map((tr) => [tr.querySelector('td')?.textContent ?? '', tr.querySelector('code')?.textContent ?? ''])
		);
	return new Map(rows.map(([name, link]) => [name!.replace(/\s*\(.*\)\s*$/, '').trim(), link!]));
}

const bornAt = (age: number, day = 14) => `${new Date().getFullYear() - age}-03-${String(day).padStart(2, '0')}`;
const HEADER = 'type,external_id,name,birth_date,guide,status,plan_goal_type,plan_goal,role,department,title,workplace,languages,capacity';

test.describe('staff accounts', () => {
	test('lone creates a guide; the guide chooses a password with the code and signs in', async ({ page }) => {
		await login(page, 'lone');
		await page.getByRole('navigation').getByRole('link', { name: 'Administration' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Medarbejdere');
		await expect(page.getByTestId('staff-row').filter({ hasText: 'Mette Larsen' })).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Opret en medarbejder' }).click();

		// A mistake first: explained, and what was typed is kept.
		await page.getByLabel('Fulde navn').fill('Gitte Guide');
		await page.getByLabel('Kapacitet (antal unge)').fill('500');
		await page.getByRole('button', { name: 'Opret medarbejderen' }).click();
		await expect(page.getByRole('alert').filter({ hasText: 'Ret det, der er markeret herunder.' })).toBeVisible();
		await expect(page.getByText('Skriv et helt tal fra 0 til 200.')).toBeVisible();
		await expect(page.getByLabel('Fulde navn')).toHaveValue('Gitte Guide');
		await expect(page.getByLabel('Kapacitet (antal unge)')).toHaveAttribute('aria-invalid', 'true');
		await expectAccessible(page);

		await page.getByLabel('Kapacitet (antal unge)').fill('8');
		await page.getByLabel('Titel').fill('UU-vejleder');
		await page.getByLabel('Arbejdssted').fill('Ungeenheden');
		await page.getByLabel('Sprog').fill('dansk, engelsk');
		await page.getByRole('button', { name: 'Opret medarbejderen' }).click();
		await expect(page.getByTestId('staff-created')).toContainText('Gitte Guide er oprettet.');
		const link = (await page.getByTestId('sign-in-link').textContent())!;
		expect(link).toMatch(/\/invite\/[a-z2-7]{16}$/);
		await expectAccessible(page);

		// The person's page: the audit says who made the account, and with what.
		await page.getByRole('link', { name: 'Se Gitte Guide' }).click();
		await expect(page.getByTestId('audit')).toContainText('Oprettet');
		await expect(page.getByTestId('audit')).toContainText('Kapacitet (antal unge): (tom) → 8');
		await expect(page.getByTestId('audit')).toContainText('Lone Madsen');
		await logout(page);

		await claim(page, link, 'gitte');
		await login(page, 'gitte', PASSWORD);
		await expect(page).toHaveURL(/\/staff$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mine unge');
		await expect(page.getByText('Ingen unge at vise.')).toBeVisible();
		// Not the coordinator's: no administration.
		await expect(page.getByRole('navigation').getByRole('link', { name: 'Administration' })).toHaveCount(0);
		expect((await page.goto('/staff/admin'))?.status()).toBe(404);

		// Lone changes her capacity: one audit row with before and after.
		await logout(page);
		await login(page, 'lone');
		await page.goto('/staff/admin?q=gitte');
		await page.getByRole('link', { name: 'Gitte Guide' }).click();
		await page.getByLabel('Kapacitet (antal unge)').fill('12');
		await page.getByRole('button', { name: 'Gem ændringerne' }).click();
		await expect(page.getByText('Ændringerne er gemt og skrevet i historikken.')).toBeVisible();
		await expect(page.getByTestId('audit').getByRole('listitem').first()).toContainText('Ændret');
		await expect(page.getByTestId('audit')).toContainText('Kapacitet (antal unge): 8 → 12');
		await expectAccessible(page);
	});
});

test.describe('a leaver', () => {
	test('a guide with three young people leaves: each gets the new guide, and the old guide’s session is gone', async ({
		page,
		browser
	}) => {
		test.slow(); // five people sign in on a shared machine
		await login(page, 'lone');
		await page.goto('/staff/admin/import');
		await upload(
			page,
			[
				HEADER,
				'staff,H-1,Helle Hansen,,,,,,guide,,Socialrådgiver,Ungeenheden,dansk,5',
				'staff,H-2,Henrik Holm,,,,,,guide,,Pædagog,Ungeenheden,dansk,5',
				...['Et', 'To', 'Tre'].map((n, i) => `youth,HU-${i + 1},Ølse ${n},${bornAt(16, i + 1)},H-1,youth_education,,,,,,,,`)
			].join('\n')
		);
		await expect(page.getByTestId('import-counts')).toHaveText('5 oprettes, 0 ændres, 0 er allerede som i filen.');
		await page.getByRole('button', { name: 'Indlæs filen' }).click();
		await expect(page.getByTestId('import-done')).toBeVisible();
		const links = await codeLinks(page);
		await logout(page);

		await claim(page, links.get('Helle Hansen')!, 'helle');
		for (const [i, n] of ['Et', 'To', 'Tre'].entries()) await claim(page, links.get(`Ølse ${n}`)!, `olse${i + 1}`);
		// Helle is signed in on her own phone, with her three young people.
		const helle = await newPhone(browser);
		await login(helle, 'helle', PASSWORD);
		await expect(helle.getByTestId('caseload-row')).toHaveCount(3);

		await login(page, 'lone');
		await page.goto('/staff/admin?q=helle');
		await page.getByRole('link', { name: 'Helle Hansen' }).click();
		const leaver = page.getByRole('region', { name: 'Stop adgangen' });
		await expect(leaver.getByTestId('handover-youth')).toHaveCount(3);
		// Without a choice for each: said where, and nothing happens.
		await leaver.getByLabel('Ja, stop Helle Hansens adgang nu').check();
		await leaver.getByRole('button', { name: 'Stop Helle Hansens adgang' }).click();
		await expect(page.getByRole('alert').filter({ hasText: 'Vælg en ny guide til hver ung, der er markeret.' })).toBeVisible();
		await expect(leaver.getByText('Vælg en ny guide eller visitationen.')).toHaveCount(3);
		await expectAccessible(page);
		expect(count("select count(*) from users where username = 'helle' and disabled_at is null")).toBe(1);

		for (const n of ['Et', 'To', 'Tre']) await leaver.getByLabel(`Ny guide til Ølse ${n}`).selectOption({ label: 'Henrik Holm (0 af 5)' });
		await leaver.getByLabel('Ja, stop Helle Hansens adgang nu').check();
		await leaver.getByRole('button', { name: 'Stop Helle Hansens adgang' }).click();
		await expect(page.getByTestId('disabled-notice')).toHaveText('Helle Hansens adgang er stoppet. 3 unge har fået besked.');
		await expect(page.getByTestId('audit')).toContainText('Adgangen stoppet');

		// Her session is gone: the next click on her phone asks her to log in.
		await helle.reload();
		await expect(helle).toHaveURL(/\/login/);
		await helle.context().close();
		// And she cannot log in again.
		await logout(page);
		await page.goto('/login');
		await page.getByLabel('Brugernavn').fill('helle');
		await page.getByLabel('Adgangskode').fill(PASSWORD);
		await page.getByRole('button', { name: 'Log ind' }).click();
		await expect(page).toHaveURL(/\/login/);

		// Each young person sees the new guide, with a word about the change.
		for (const i of [1, 2, 3]) {
			await login(page, `olse${i}`, PASSWORD);
			await page.goto('/guide');
			await expect(page.getByTestId('handover-notice')).toHaveText(
				'Din tidligere guide er stoppet. Ungeenheden har givet dig en ny guide: Henrik Holm.'
			);
			await expect(page.getByTestId('guide-card').getByRole('heading', { name: 'Henrik Holm', exact: true })).toBeVisible();
			if (i === 1) await expectAccessible(page);
			// Seen once: the notice does not come back.
			await page.reload();
			await expect(page.getByTestId('handover-notice')).toHaveCount(0);
			await logout(page);
		}
		// The old conversations are closed; nothing was deleted.
		expect(
			count("select count(*) from message_threads t join users g on g.id = t.guide_id where g.username = 'helle' and t.closed_at is null")
		).toBe(0);
		expect(count("select count(*) from guide_assignments a join users g on g.id = a.guide_id where g.username = 'helle'")).toBe(3);
	});
});

/** 200 rows: a guide, and 199 young people (every tenth without a guide), in the earlier system's ids. */
function caseload(): string[] {
	const rows = ['staff,IMP-G,Ib Import,,,,,,guide,,UU-vejleder,Ungeenheden,dansk,200'];
	for (let i = 1; i <= 199; i++) {
		const id = `IMP-${String(i).padStart(3, '0')}`;
		const status = i % 3 === 0 ? 'work' : 'youth_education';
		rows.push(
			`youth,${id},Øvelse Ung ${String(i).padStart(3, '0')},${bornAt(13 + (i % 12), 1 + (i % 28))},${i % 10 ? 'IMP-G' : ''},${status},education,Mål nummer ${i},,,,,,`
		);
	}
	return rows;
}

test.describe('bringing in a caseload', () => {
	test('a 200-row file with five bad rows: every error located; fixed, imported; imported again, nothing changes', async ({ page }) => {
		test.slow();
		const good = caseload();
		const bad = [...good];
		bad[9] = bad[9]!.replace(/,\d{4}-\d{2}-\d{2},/, ',2010-02-30,'); // file row 11: an impossible date
		bad[19] = bad[19]!.replace(',IMP-G,', ',ukendt-guide,'); // row 21: an unknown guide
		bad[30] = bad[30]!.replace('IMP-030', 'IMP-029'); // row 32: a duplicate of row 31
		bad[39] = bad[39]!.replace(/,(work|youth_education),/, ',astronaut,'); // row 41: no such status
		bad[49] = bad[49]!.replace(/^youth,/, 'kat,'); // row 51: no such type
		await login(page, 'lone');
		await page.goto('/staff/admin');
		await page.getByRole('link', { name: 'Indlæs unge fra en fil' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indlæs unge fra en fil');
		await expectAccessible(page);
		const users = count('select count(*) from users');

		// Danish Excel: semicolons and a BOM are fine; every error has its row and column.
		await upload(page, '\uFEFF' + [HEADER, ...bad].map((line) => line.replaceAll(',', ';')).join('\r\n'));
		const errors = page.getByTestId('import-errors');
		await expect(errors.getByRole('heading')).toHaveText('Filen kan ikke indlæses endnu: 5 fejl');
		await expect(errors.getByRole('listitem')).toHaveText([
			/^Række 11, kolonne »birth_date«: »2010-02-30« er ikke en rigtig dato/,
			/^Række 21, kolonne »guide«: Guiden »ukendt-guide« findes hverken/,
			/^Række 32, kolonne »external_id«: Samme id som række 31\./,
			/^Række 41, kolonne »status«: »astronaut« er ikke en status/,
			/^Række 51, kolonne »type«: »kat« er ikke en type/
		]);
		await expect(page.getByRole('button', { name: 'Indlæs filen' })).toHaveCount(0);
		await expectAccessible(page);
		expect(count('select count(*) from users')).toBe(users);

		// A file saved in Excel's own Windows character set: located, and nothing read.
		await page.getByLabel('Fil (CSV)').setInputFiles({
			name: 'excel.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(`${HEADER}\nyouth,X-1,S\xf8ren,${bornAt(16)},,,,,,,,,,`, 'latin1')
		});
		await page.getByRole('button', { name: 'Kontrollér filen' }).click();
		await expect(page.getByTestId('import-errors').getByRole('listitem')).toHaveText([/^Række 2: Her er tegn, der ikke er UTF-8/]);

		// Fixed: the dry run says what will happen; then it is imported, with a code for each.
		await upload(page, [HEADER, ...good].join('\n'));
		await expect(page.getByTestId('import-counts')).toHaveText('200 oprettes, 0 ændres, 0 er allerede som i filen.');
		expect(count('select count(*) from users')).toBe(users);
		await page.getByRole('button', { name: 'Indlæs filen' }).click();
		await expect(page.getByTestId('import-done')).toHaveText('Filen er indlæst: 200 oprettet, 0 ændret, 0 uændret.');
		expect(count('select count(*) from users')).toBe(users + 200);
		await expect(page.getByTestId('import-codes').getByRole('row')).toHaveCount(201);
		const downloading = page.waitForEvent('download');
		await page.getByRole('link', { name: 'Hent koderne (CSV)' }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toBe('engangskoder.csv');
		const codes = (await readFile((await download.path())!, 'utf8')).trim().split('\r\n');
		expect(codes).toHaveLength(201);
		expect(codes[1]).toMatch(/^(Medarbejder|Ung),IMP-[0-9G]+,.+,http:\/\/localhost:\d+\/invite\/[a-z2-7]{16},/);
		await expectAccessible(page);

		// The same file again: everything is there already; nothing changes.
		const before = ['users', 'guide_assignments', 'plans', 'youth_status_history', 'account_audit', 'sign_in_codes'].map((t) =>
			count(`select count(*) from ${t}`)
		);
		await upload(page, [HEADER, ...good].join('\n'));
		await expect(page.getByTestId('import-counts')).toHaveText('0 oprettes, 0 ændres, 200 er allerede som i filen.');
		await expect(page.getByText('Alt i filen er allerede i Minvej. Der er intet at indlæse.')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Indlæs filen' })).toHaveCount(0);
		const after = ['users', 'guide_assignments', 'plans', 'youth_status_history', 'account_audit', 'sign_in_codes'].map((t) =>
			count(`select count(*) from ${t}`)
		);
		expect(after).toEqual(before);
	});
});

test.describe('the lists', () => {
	test('the coordinator searches, filters and pages; the address holds the query', async ({ page }) => {
		await login(page, 'lone');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alle unge');
		await expect(page.getByTestId('caseload-count')).toHaveText(/^Viser 1–50 af \d+ unge$/);
		await expect(page.getByTestId('caseload-row')).toHaveCount(50);
		await page.getByText('Søg og filtrér').click();
		await page.getByLabel('Navn').fill('øvelse ung');
		await page.getByRole('button', { name: 'Vis unge' }).click();
		await expect(page).toHaveURL(/[?&]q=%C3%B8velse\+ung(&|$)/);
		await expect(page.getByTestId('caseload-count')).toHaveText('Viser 1–50 af 199 unge');
		await expect(page.getByTestId('caseload-row').first()).toContainText('Øvelse Ung 001');
		await expectAccessible(page);

		await page.getByRole('navigation', { name: 'Sider' }).getByRole('link', { name: 'Næste side' }).click();
		await expect(page).toHaveURL(/\?q=%C3%B8velse\+ung&page=2$/);
		await expect(page.getByTestId('caseload-count')).toHaveText('Viser 51–100 af 199 unge');
		await expect(page.getByTestId('caseload-row').first()).toContainText('Øvelse Ung 051');
		await page.getByRole('navigation', { name: 'Sider' }).getByRole('link', { name: 'Sidste side' }).click();
		await expect(page.getByTestId('caseload-count')).toHaveText('Viser 151–199 af 199 unge');

		// Filters together: the status, and no guide (every tenth of them). Bookmarkable.
		await page.goto('/staff?q=%C3%B8velse&status=work&flag=noGuide');
		await expect(page.getByTestId('caseload-count')).toHaveText('Viser 1–6 af 6 unge'); // 30, 60, 90, 120, 150, 180
		for (const row of await page.getByTestId('caseload-row').all()) {
			await expect(row).toContainText('Guide: Ingen guide');
			await expect(row).toContainText('I job');
		}
		await expect(page.getByLabel('Ingen guide')).toBeChecked();
		await expect(page.getByLabel('Status')).toHaveValue('work');
		// Sorted on the server: by age, youngest first, across pages.
		await page.getByRole('link', { name: 'Alder' }).click();
		await expect(page).toHaveURL(/status=work&flag=noGuide&sort=age$/);
		const ages = await page
			.getByTestId('caseload-row')
			.evaluateAll((rows) => rows.map((r) => Number(/(\d+) år/.exec(r.textContent ?? '')?.[1])));
		expect(ages).toEqual([...ages].sort((a, b) => a - b));
		await page.goto('/staff?q=ingen-hedder-s%C3%A5dan');
		await expect(page.getByText('Ingen unge passer til søgningen.')).toBeVisible();
	});

	test('a guide has the same search and filters on their own list', async ({ page }) => {
		await login(page, 'jonas');
		await page.getByText('Søg og filtrér').click();
		await expect(page.getByLabel('Status')).toBeVisible();
		await expect(page.getByLabel('Guide', { exact: true })).toHaveCount(0); // their own list has one guide
		await page.getByLabel('Navn').fill('amina');
		await page.getByRole('button', { name: 'Vis unge' }).click();
		await expect(page.getByTestId('caseload-row')).toHaveCount(1);
		await expect(page.getByTestId('caseload-row')).toContainText('Amina Hassan');
		await page.goto('/staff?q=freja');
		await expect(page.getByTestId('caseload-row')).toHaveCount(0);
		await expectAccessible(page);
	});
});

test.describe('the list without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the coordinator searches and pages with plain forms and links', async ({ page }) => {
		await login(page, 'lone');
		await page.getByText('Søg og filtrér').click();
		await page.getByLabel('Navn').fill('Øvelse');
		await page.getByLabel('Aldersgruppe').selectOption('16-17');
		await page.getByRole('button', { name: 'Vis unge' }).click();
		await expect(page).toHaveURL(/q=%C3%98velse&age=16-17/);
		const total = Number(/af (\d+) unge/.exec((await page.getByTestId('caseload-count').textContent()) ?? '')?.[1]);
		expect(total).toBeGreaterThan(0);
		for (const text of await page.getByTestId('caseload-row').allTextContents()) expect(text).toMatch(/1[67] år/);

		// By guide: a part of the name, typed (a municipality has too many guides for a list).
		await page.getByLabel('Navn').fill('');
		await page.getByLabel('Aldersgruppe').selectOption('');
		await page.getByLabel('Guide', { exact: true }).fill('jonas');
		await page.getByRole('button', { name: 'Vis unge' }).click();
		await expect(page).toHaveURL(/guideName=jonas/);
		const rows = page.getByTestId('caseload-row');
		await expect(rows.first()).toBeVisible();
		for (const text of await rows.allTextContents()) expect(text).toContain('Jonas Berg');
	});
});
