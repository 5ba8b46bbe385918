import { randomBytes } from 'node:crypto';
import { expect, test, type Browser, type Locator, type Page, type TestInfo } from './story';
import { expectAccessible, login, secondPhone, switchLanguage, userIdOf as userId, withDb } from './helpers';
import { LOOK_GAP_MS } from '../src/lib/server/access/access-log';

/**
 * "Hvem har kigget" said once, plainly (issue 20): one line per person per day naming in words what
 * they saw, the times behind "Se hvornår", a caseworker's look marked apart from the guide's, and
 * older days behind "Vis ældre". Phone, Danish; the English page checked for code words too.
 */

/** Someone else on their own phone (a separate browser context with the project's settings). */
async function phoneOf(browser: Browser, info: TestInfo, username: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
	const page = await secondPhone(browser, info, options);
	await login(page, username);
	return page;
}

/** Whatever the log records, the page never shows its code words ("plan_overview", "Saw: messages"). */
const CODE_WORDS = /\b[a-z]+_[a-z_]+\b|\bSå:|\bSaw:|\bcaseload\b|\bcheckins\b/;
/** …nor, on the Danish page, the log's own English names for what was read. */
const ENGLISH_KINDS = /\b(?:messages|meetings|consent|profile|requests|history)\b/;

/** Today's people on /privacy (the day's list is named "I dag"), one line each. */
const todayLines = (page: Page, today = 'I dag') => page.getByRole('list', { name: today, exact: true }).locator(':scope > li');
const lineOf = (lines: Locator, name: string) => lines.filter({ hasText: name });

/** The moments of the looks behind a line's "Se hvornår", from their machine-readable times. */
const lookTimes = (line: Locator) =>
	line.locator('details time').evaluateAll((times) => times.map((t) => Date.parse(t.getAttribute('datetime') ?? '')));

test.describe('who has looked, plainly', () => {
	test.describe.configure({ timeout: 90_000 });

	test('a guide’s many looks are one line for the day, in words, with the times behind it; a caseworker’s look stands out', async ({
		page,
		browser
	}, info) => {
		const freja = userId('freja');
		const startedAt = Date.now();

		// Mette opens Freja's plan and their messages, again and again. Reads less than LOOK_GAP_MS
		// apart are one look, so the rounds are that far apart: on a quick machine all six pages
		// came within a second of each other, and the page rightly showed them as one look.
		const mette = await phoneOf(browser, info, 'mette');
		for (let i = 0; i < 3; i++) {
			if (i > 0) await mette.waitForTimeout(LOOK_GAP_MS + 200);
			await mette.goto(`/staff/youth/${freja}`);
			await expect(mette.getByRole('heading', { level: 1 })).toContainText('Freja');
			await mette.goto(`/staff/messages/${freja}`);
			await expect(mette.getByRole('heading', { level: 1 })).toContainText('Freja');
		}
		await mette.context().close();

		// Ali, whom Freja lets see her plan (the jobcentre consent of the demo), looks once.
		const ali = await phoneOf(browser, info, 'ali');
		await ali.goto(`/staff/youth/${freja}`);
		await expect(ali.getByRole('heading', { level: 1 })).toContainText('Freja');
		await ali.context().close();

		await login(page, 'freja');
		await page.goto('/privacy');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mine data');
		const today = todayLines(page);

		// One line for Mette today, naming the plan and the messages in words.
		const metteLine = lineOf(today, 'Mette Larsen');
		await expect(metteLine).toHaveCount(1);
		await expect(metteLine).toContainText('Guide');
		await expect(metteLine.getByText(/^Kiggede på .*din plan.*jeres beskeder/)).toBeVisible();
		// And why (issue 21): the purposes of her reads, in words.
		await expect(metteLine.getByText(/^Hvorfor: .*arbejde med din plan.*beskeder med dig/)).toBeVisible();

		// The times are behind "Se hvornår": each look with its time and what it was, from this visit.
		const times = metteLine.locator('details li');
		await expect(times.first()).toBeHidden();
		await metteLine.getByText('Se hvornår').click();
		await expect(times.first()).toBeVisible();
		await expect(times.first()).toHaveText(/^\d{2}[.:]\d{2} · /);
		await expect(times.filter({ hasText: 'din plan' }).first()).toBeVisible();
		await expect(times.filter({ hasText: 'jeres beskeder' }).first()).toBeVisible();
		const metteLooks = await lookTimes(metteLine);
		expect(metteLooks.length).toBeGreaterThan(1);
		for (const at of metteLooks) expect(at).toBeGreaterThanOrEqual(startedAt);
		expect(metteLooks, 'newest first').toEqual([...metteLooks].sort((a, b) => b - a));

		// Ali's look is his own line, marked: a sign and his role and department, and a bar beside it.
		const aliLine = lineOf(today, 'Ali Demir');
		await expect(aliLine).toHaveCount(1);
		const aliMark = aliLine.locator('.flag');
		await expect(aliMark).toBeVisible();
		await expect(aliMark).toHaveText('◆ Sagsbehandler, Jobcentret');
		await expect(aliLine).toContainText('Kiggede på din plan');
		await expect(aliLine).toContainText('Hvorfor: arbejde med din plan');
		expect(await aliLine.evaluate((li) => getComputedStyle(li).borderInlineStartWidth)).toBe('4px');
		// The guide's line is plain: no sign, no bar.
		await expect(metteLine.locator('.flag')).toHaveCount(0);
		await expect(metteLine).not.toContainText('◆');
		expect(await metteLine.evaluate((li) => getComputedStyle(li).borderInlineStartWidth)).toBe('0px');
		for (const at of await lookTimes(aliLine)) expect(at).toBeGreaterThanOrEqual(startedAt);

		await expect(page.locator('main')).not.toContainText(CODE_WORDS);
		await expect(page.locator('main')).not.toContainText(ENGLISH_KINDS);
		await expectAccessible(page);

		// In English too: words, never code words.
		await switchLanguage(page, 'en');
		const english = lineOf(todayLines(page, 'Today'), 'Mette Larsen');
		await expect(english).toHaveCount(1);
		await expect(english).toContainText(/Looked at your plan.*your messages/);
		await expect(english).toContainText(/Why: .*work on your plan.*messages with you/);
		await expect(page.locator('main')).not.toContainText(CODE_WORDS);
		await expectAccessible(page);
		await switchLanguage(page, 'da');
	});

	test('the times open without JavaScript', async ({ page: mette, browser }, info) => {
		const freja = userId('freja');
		await login(mette, 'mette');
		await mette.goto(`/staff/messages/${freja}`);
		await expect(mette.getByRole('heading', { level: 1 })).toContainText('Freja');

		const page = await phoneOf(browser, info, 'freja', { javaScriptEnabled: false });
		await page.goto('/privacy');
		const metteLine = lineOf(todayLines(page), 'Mette Larsen');
		await expect(metteLine).toHaveCount(1);
		await metteLine.getByText('Se hvornår').click();
		await expect(metteLine.locator('details li').filter({ hasText: 'jeres beskeder' }).first()).toBeVisible();
		await page.context().close();
	});

	test('older days are behind "Vis ældre", and the newest are one link away', async ({ page }) => {
		// A look by Ali 120 days ago, older than the 90 days shown at first (and younger than the
		// 183 days the log is kept).
		const longAgo = new Date(Date.now() - 120 * 86_400_000);
		withDb((db) =>
			db
				.prepare(
					'insert into access_log (id, youth_id, actor_id, actor_role, actor_department, resource, created_at) values (?, ?, ?, ?, ?, ?, ?)'
				)
				.run(randomBytes(15).toString('hex'), userId('freja'), userId('ali'), 'caseworker', 'jobcenter', 'consent', longAgo.getTime())
		);
		const day = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Copenhagen' }).format(
			longAgo
		);

		await login(page, 'freja');
		await page.goto('/privacy');
		await expect(page.getByRole('heading', { level: 3, name: day })).toHaveCount(0);
		await page.getByRole('link', { name: 'Vis ældre' }).click();
		await expect(page).toHaveURL(/\/privacy\?before=\d{4}-\d{2}-\d{2}/);
		const line = lineOf(page.getByRole('list', { name: day, exact: true }).locator(':scope > li'), 'Ali Demir');
		await expect(line).toHaveCount(1);
		await expect(line).toContainText('Kiggede på dine samtykker');
		await expect(line.locator('.flag')).toHaveText('◆ Sagsbehandler, Jobcentret');
		await expect(page.getByRole('link', { name: 'Vis ældre' })).toHaveCount(0);
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Vis de nyeste' }).click();
		await expect(page).toHaveURL(/\/privacy#looked-heading$/);
		await expect(page.getByRole('link', { name: 'Vis ældre' })).toBeVisible();
	});
});
