/**
 * Issue 17, "When will my guide answer?": the young person sees on /messages and /guide when their
 * guide's answer can be expected; while the guide is away, the guide's own text and where to turn
 * instead, and what they write then reaches the youth unit's inbox, where the coordinator answers.
 *
 * The file has its own server and database (tests/story.ts); what it changes (mette's away period)
 * is put back at the end all the same. No assertion depends on the time of day: at work or not,
 * either sentence is accepted; the exact dates and words are unit-tested (guides/answer-time.test.ts,
 * components/messages/format.test.ts).
 */
import { expect, test, type Page } from './story';
import { as, expectAccessible, userIdOf as userId, withDb } from './helpers';

/** A Copenhagen calendar day (YYYY-MM-DD), `offset` days from today. */
function copenhagenDay(offset = 0): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
	const [y, m, d] = today.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m - 1, d + offset)).toISOString().slice(0, 10);
}

const message = (page: Page, text: string) => page.locator('li.message', { hasText: text });

async function open(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('form.compose[data-enhanced]')).toHaveCount(1);
}

async function send(page: Page, text: string) {
	await page.getByLabel('Skriv en besked').fill(text);
	await page.getByRole('button', { name: 'Send', exact: true }).click();
}

const AWAY_TEXT = 'På ferie til 2. januar — skriv til Ungeenheden';
const AT_WORK =
	/^Mette Larsen er på arbejde nu og svarer normalt i dag\.$|^Mette Larsen er ikke på arbejde nu\. Du kan vente svar fra .+\.$/;
const UNIT_ANSWERS =
	'Mens Mette Larsen er væk, læser Ungeenheden også dine beskeder og kan svare dig. Haster det, så ring til Ungeenheden på 70 10 20 30.';

test.describe('when will my guide answer', () => {
	test.describe.configure({ timeout: 90_000 });

	test('a young person whose guide is not away sees when an answer can be expected, on /messages and /guide', async ({ browser }) => {
		const freja = await as(browser, 'freja');
		await open(freja, '/messages');
		await expect(freja.getByTestId('answer-time')).toHaveText(AT_WORK);
		await expect(freja.getByText('Det er kun dig og Mette Larsen, der kan se jeres beskeder.')).toBeVisible();
		await expect(freja.getByTestId('away-text')).toHaveCount(0);
		await freja.goto('/guide');
		await expect(freja.getByTestId('guide-card').getByTestId('answer-time')).toHaveText(AT_WORK);

		// A young person without a guide is told nothing about a guide's hours (the unit answers).
		const noah = await as(browser, 'noah');
		await open(noah, '/messages');
		await expect(noah.getByRole('heading', { name: 'Din samtale med Ungeenheden' })).toBeVisible();
		await expect(noah.getByTestId('answer-time')).toHaveCount(0);
		for (const page of [freja, noah]) await page.context().close();
	});

	test('an away guide’s young person sees the away text; what they write reaches the youth unit, who answers', async ({ browser }) => {
		// Four people, about fifteen pages and three axe runs: 60 s alone at load 24, and over 90 s
		// beside two other spec files at load 12 (the machine shared with other work).
		test.setTimeout(180_000);
		const mette = await as(browser, 'mette');
		try {
			// The guide sets an away period, from today, with a text, on her profile page.
			await mette.goto('/staff/profile');
			await mette.getByLabel('Første dag væk').fill(copenhagenDay(0));
			await mette.getByLabel('Sidste dag væk').fill(copenhagenDay(14));
			await mette.getByLabel('Besked til dine unge, mens du er væk').fill(AWAY_TEXT);
			await mette.getByRole('button', { name: 'Gem arbejdstider' }).click();
			await expect(mette.getByRole('status')).toHaveText('Dine arbejdstider er gemt.');

			// The young person sees it on /messages: the guide's words, when she is back, where to turn instead.
			const freja = await as(browser, 'freja');
			await open(freja, '/messages');
			const answer = freja.getByTestId('answer-time');
			await expect(answer).toContainText(/Mette Larsen er væk\. Du kan vente svar fra .+\./);
			await expect(answer.getByTestId('away-text')).toHaveText(AWAY_TEXT);
			await expect(answer).toContainText(UNIT_ANSWERS);
			// Told honestly who can read the conversation meanwhile.
			await expect(
				freja.getByText('Det er kun dig og Mette Larsen – og Ungeenheden, mens Mette Larsen er væk – der kan se jeres beskeder.')
			).toBeVisible();
			await expectAccessible(freja);

			// … and on /guide, with her guide's card.
			await freja.goto('/guide');
			const card = freja.getByTestId('guide-card');
			await expect(card.getByTestId('away-text')).toHaveText(AWAY_TEXT);
			await expect(card.getByTestId('answer-time')).toContainText(UNIT_ANSWERS);
			await expectAccessible(freja);

			// Without JavaScript it is in the server's HTML all the same.
			const plain = await as(browser, 'freja', { javaScriptEnabled: false });
			for (const path of ['/messages', '/guide']) {
				await plain.goto(path);
				await expect(plain.getByTestId('away-text')).toHaveText(AWAY_TEXT);
				await expect(plain.getByTestId('answer-time')).toContainText(UNIT_ANSWERS);
			}
			await plain.context().close();

			// She writes; the message reaches the youth unit's inbox, marked as mette's conversation.
			await open(freja, '/messages');
			await send(freja, 'Hej, jeg har brug for hjælp til min ansøgning');
			await expect(message(freja, 'Hej, jeg har brug for hjælp til min ansøgning')).toHaveCount(1);
			const lone = await as(browser, 'lone');
			await lone.goto('/staff/messages');
			const entry = lone.getByTestId('inbox-entry').filter({ hasText: 'Freja Nielsen' });
			await expect(entry).toContainText('Hej, jeg har brug for hjælp til min ansøgning');
			await expect(entry.getByTestId('inbox-guide-away')).toHaveText('Mette Larsen er væk. I svarer i mellemtiden.');
			await expectAccessible(lone);

			// The coordinator answers; freja sees it live, in her conversation with mette.
			await entry.getByRole('link', { name: 'Freja Nielsen' }).click();
			await expect(lone.locator('form.compose[data-enhanced]')).toHaveCount(1);
			await expect(message(lone, 'Hej, jeg har brug for hjælp til min ansøgning')).toBeVisible();
			await send(lone, 'Hej Freja, Ungeenheden her. Jeg ringer til dig i morgen.');
			await expect(message(freja, 'Hej Freja, Ungeenheden her. Jeg ringer til dig i morgen.')).toBeVisible();

			// Mette comes back (clears her away period): the conversation is hers alone again, with the answer in it.
			await mette.goto('/staff/profile');
			await mette.getByLabel('Første dag væk').fill('');
			await mette.getByLabel('Sidste dag væk').fill('');
			await mette.getByLabel('Besked til dine unge, mens du er væk').fill('');
			await mette.getByRole('button', { name: 'Gem arbejdstider' }).click();
			await expect(mette.getByRole('status')).toHaveText('Dine arbejdstider er gemt.');
			await open(mette, `/staff/messages/${userId('freja')}`);
			await expect(message(mette, 'Hej Freja, Ungeenheden her. Jeg ringer til dig i morgen.')).toBeVisible();
			expect((await lone.goto(`/staff/messages/${userId('freja')}`))?.status()).toBe(404);
			await lone.goto('/staff/messages');
			await expect(lone.getByTestId('inbox-entry').filter({ hasText: 'Freja Nielsen' })).toHaveCount(0);
			await freja.goto('/messages');
			await expect(freja.getByTestId('away-text')).toHaveCount(0);
			await expect(freja.getByTestId('answer-time')).toHaveText(AT_WORK);
			for (const page of [freja, lone]) await page.context().close();
		} finally {
			// Leave mette at work for whatever runs after, also when a step above failed.
			withDb((db) =>
				db.prepare('update guide_profiles set away_from = null, away_until = null, away_text = null where user_id = ?').run(userId('mette'))
			);
			await mette.context().close();
		}
	});
});
