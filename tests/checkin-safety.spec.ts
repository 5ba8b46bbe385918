/**
 * Issue 20, "Safety first": a very low check-in answer never gets only "Tak for dit svar". The young
 * person sees at once who to call now (as links the phone dials) and when their guide sees the
 * answer; the guide finds the flag (the list sorts by it), talks with her and marks it "Talt med
 * hende/ham", which takes the flag away and stays on record; a low answer no one followed up within
 * a working day is on the coordinator's start page. The young person's part works without
 * JavaScript too.
 *
 * The file has its own server and database (tests/story.ts). No assertion depends on the time of
 * day: at work, after hours or away, each of the guide's sentences is accepted; the exact times are
 * unit-tested (followup/safety.test.ts).
 */
import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from './story';
import { as, expectAccessible, login, userIdOf as userId, withDb } from './helpers';
const newId = () => randomBytes(12).toString('hex');

/** A Copenhagen calendar day (YYYY-MM-DD), `offset` days from today. */
function copenhagenDay(offset = 0): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
	const [y, m, d] = today.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m - 1, d + offset)).toISOString().slice(0, 10);
}

/** A weekly rhythm for the young person from today, set by their guide: today's check-in waits. */
function checkinToday(youth: string, guide: string) {
	withDb((db) => {
		const schedule = newId();
		const now = Date.now();
		db.prepare(
			'insert into checkin_schedules (id, youth_id, interval_days, starts_on, ends_on, created_by, created_at) values (?, ?, 7, ?, null, ?, ?)'
		).run(schedule, userId(youth), copenhagenDay(), userId(guide), now);
		db.prepare('insert into checkins (id, youth_id, schedule_id, due_on, created_at) values (?, ?, ?, ?, ?)').run(
			newId(),
			userId(youth),
			schedule,
			copenhagenDay(),
			now
		);
	});
}

/** Who to call now: each line a link the phone dials. */
async function expectCrisisLines(page: Page) {
	const help = page.getByTestId('checkin-low');
	await expect(help).toBeVisible();
	await expect(help).toHaveAttribute('role', 'alert');
	await expect(help.getByRole('heading', { name: 'Tak fordi du fortæller det. Du skal ikke stå alene med det' })).toBeVisible();
	for (const [name, tel] of [
		['Ring 112', 'tel:112'],
		['Ring 116 111', 'tel:116111'],
		['Ring 70 201 201', 'tel:70201201'],
		['Ring 33 22 17 11', 'tel:33221711']
	] as const)
		await expect(help.getByRole('link', { name, exact: true })).toHaveAttribute('href', tel);
	await expect(help.getByText('Børnetelefonen, hvis du er under 18')).toBeVisible();
	await expect(help.getByText('Livslinien, hvis du tænker på at tage dit liv')).toBeVisible();
	await expect(help.getByRole('link', { name: 'headspace.dk' })).toHaveAttribute('href', 'https://headspace.dk');
	// Never only the thanks.
	await expect(page.getByText('Tak for dit svar! Din guide kan se det.')).toHaveCount(0);
	return help;
}

/** When the guide sees it: at work, after hours (the next working start) or away (the unit meanwhile). */
const guideSees = (name: string) =>
	new RegExp(
		`^${name} er på arbejde nu og ser dit svar i dag\\.$|^${name} ser dit svar senest .+\\.$|^${name} er væk og ser dit svar .+\\. Indtil da ser Ungeenheden det\\.$`
	);

test.describe('a very low check-in answer', () => {
	test('freja answers 1 with a text: who to call now and when mette sees it; mette finds the flag, talks with her and marks it', async ({
		page,
		browser
	}) => {
		test.slow(); // two people, axe on four pages
		checkinToday('freja', 'mette');

		const freja = await as(browser, 'freja');
		await freja.goto('/checkin');
		await expect(freja.locator('form[action="/checkin?/answer"]')).toHaveCount(1);
		await freja.getByLabel('Vil du skrive mere? (frivilligt)').fill('Jeg orker ikke mere');
		await freja.getByRole('button', { name: 'Rigtig dårligt', exact: true }).click();
		const help = await expectCrisisLines(freja);
		// Announced and in view: the focus moves to it.
		await expect(help.getByRole('heading', { level: 2 })).toBeFocused();
		await expect(help.getByTestId('checkin-low-guide')).toHaveText(guideSees('Mette Larsen'));
		await expectAccessible(freja);
		await freja.context().close();

		// Mette: low answers first on her list, sorted by flags.
		await login(page, 'mette');
		await page.getByRole('link', { name: /^Markeringer/ }).click();
		await expect(page).toHaveURL(/sort=flags/);
		const card = page.getByTestId('caseload-row').filter({ hasText: 'Freja Nielsen' });
		await expect(card.getByText('Lavt svar: 1 af 5')).toBeVisible();
		await expect(page.getByTestId('caseload-row').first().getByRole('link').first()).toHaveText('Freja Nielsen');
		await expectAccessible(page);

		await card.getByRole('link', { name: 'Freja Nielsen' }).click();
		const followUp = page.getByRole('region', { name: 'Opfølgning' });
		await expect(followUp.getByText('Jeg orker ikke mere')).toBeVisible();
		await expect(followUp.getByTestId('checkin-low-pending')).toBeVisible();
		await expectAccessible(page);
		await followUp.getByRole('button', { name: 'Talt med hende/ham' }).click();
		await expect(followUp.getByText('Markeret: I har talt sammen.')).toBeVisible();
		await expect(followUp.getByRole('button', { name: 'Talt med hende/ham' })).toHaveCount(0);
		await expect(followUp.getByTestId('checkin-followed-up')).toHaveText(/^Fulgt op af Mette Larsen i dag kl\. \d\d[.:]\d\d$/);
		await expectAccessible(page);

		// On record: who and when.
		const row = withDb(
			(db) =>
				db
					.prepare('select followed_up_by as by, followed_up_at as at from checkins where youth_id = ? and score = 1')
					.get(userId('freja')) as {
					by: string;
					at: number;
				}
		);
		expect(row.by).toBe(userId('mette'));
		expect(Date.now() - row.at).toBeLessThan(10 * 60_000);

		// The flag is gone from the list.
		await page.goto('/staff?flag=low');
		await expect(page.getByTestId('caseload-row').filter({ hasText: 'Freja Nielsen' })).toHaveCount(0);
		await page.goto('/staff?sort=flags');
		await expect(page.getByTestId('caseload-row').filter({ hasText: 'Freja Nielsen' })).toHaveCount(1);
		await expect(page.getByTestId('caseload-row').filter({ hasText: 'Freja Nielsen' }).getByText('Lavt svar: 1 af 5')).toHaveCount(0);
	});

	test('the same without JavaScript: ida answers 2 and the form’s answer carries the numbers and when sofie sees it', async ({
		browser
	}) => {
		checkinToday('ida', 'sofie');
		const ida = await as(browser, 'ida', { javaScriptEnabled: false });
		await ida.goto('/checkin');
		await ida.getByLabel('Vil du skrive mere? (frivilligt)').fill('Alt er for meget');
		await ida.getByRole('button', { name: 'Dårligt', exact: true }).click();
		await expect(ida).toHaveURL(/\/checkin/);
		const help = await expectCrisisLines(ida);
		await expect(help.getByTestId('checkin-low-guide')).toHaveText(guideSees('Sofie Holm'));
		// At the top of the page the form's answer opens, and focused (axe needs scripts: it ran on the same block above).
		await expect(help.getByRole('heading', { level: 2 })).toBeFocused();
		await ida.context().close();
	});

	test('a low answer no one followed up within a working day is on lone’s start page until it is followed up', async ({ page }) => {
		// Amina answered 1 ten days ago, and nobody followed it up.
		withDb((db) => {
			const answered = Date.now() - 10 * 86_400_000;
			db.prepare(
				'insert into checkins (id, youth_id, schedule_id, due_on, answered_at, score, comment, created_at) values (?, ?, null, ?, ?, 1, null, ?)'
			).run(newId(), userId('amina'), copenhagenDay(-10), answered, answered);
		});
		await login(page, 'lone');
		const low = page.getByRole('region', { name: 'Lave svar uden opfølgning' });
		const amina = low.getByRole('listitem').filter({ hasText: 'Amina Hassan' });
		await expect(amina).toBeVisible();
		await expect(amina).toContainText(/Siden \d+\. \S+ kl\. \d\d[.:]\d\d/);
		await expect(amina).toContainText('Guide: Jonas');
		await expectAccessible(page);
		await amina.getByRole('button', { name: 'Talt med hende/ham' }).click();
		await expect(low.getByText('Ingen lave svar venter.')).toBeVisible();
		expect(
			withDb((db) => db.prepare('select followed_up_by as by from checkins where youth_id = ?').get(userId('amina')) as { by: string }).by
		).toBe(userId('lone'));
		await expectAccessible(page);
	});

	test('mette sees no list of low answers without follow-up: it is the coordinator’s', async ({ page }) => {
		await login(page, 'mette');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByRole('region', { name: 'Lave svar uden opfølgning' })).toHaveCount(0);
	});
});
