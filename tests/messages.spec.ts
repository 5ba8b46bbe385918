import { expect, test, type Page } from './story';
import { randomBytes } from 'node:crypto';
import { as, expectAccessible, inviteYouth, switchLanguage, userIdOf as userId, withDb } from './helpers';

const id = () => randomBytes(15).toString('hex');

const message = (page: Page, text: string) => page.locator('li.message', { hasText: text });

/** Opens a conversation page and waits until its script runs (sends go live as JSON). */
async function open(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('form.compose[data-enhanced]')).toHaveCount(1);
}
const compose = (page: Page) => page.getByLabel('Skriv en besked');

async function send(page: Page, text: string) {
	await compose(page).fill(text);
	await page.getByRole('button', { name: 'Send', exact: true }).click();
}

/** Sends through the JSON endpoint from inside the page (same origin, the page's cookies). */
function sendJson(page: Page, body: unknown) {
	return page.evaluate(async (payload) => {
		const res = await fetch('/api/messages', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(payload)
		});
		return { status: res.status, json: await res.json() };
	}, body);
}

test.describe('messages', () => {
	// Each story drives two or three logged-in browsers at once; the shared machine is slow.
	test.describe.configure({ timeout: 60_000 });
	test('freja and mette talk live: messages and read marks appear without reloading', async ({ browser }) => {
		const mette = await as(browser, 'mette');
		await mette.goto('/staff/messages');
		await mette.getByRole('link', { name: 'Freja Nielsen' }).click();
		await expect(mette.locator('form.compose[data-enhanced]')).toHaveCount(1);
		await expect(mette.getByRole('heading', { level: 1 })).toHaveText('Beskeder med Freja Nielsen');

		const freja = await as(browser, 'freja');
		await open(freja, '/messages');
		await expect(freja.getByRole('heading', { name: 'Din samtale med Mette Larsen' })).toBeVisible();
		await expect(freja.getByRole('heading', { name: 'Brug for hjælp nu?' })).toBeVisible();
		await freja.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
		await mette.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

		await send(freja, 'Hej Mette, er du der?');
		await expect(message(freja, 'Hej Mette, er du der?')).toHaveCount(1);
		await expect(compose(freja)).toHaveValue('');
		await expect(message(mette, 'Hej Mette, er du der?')).toBeVisible();
		// Mette has it on screen, so it is read; Freja sees that live.
		await expect(message(freja, 'Hej Mette, er du der?').getByTestId('message-status')).toHaveText('Læst');

		await send(mette, 'Ja, jeg er her. Hvordan går det?');
		await expect(message(freja, 'Ja, jeg er her. Hvordan går det?')).toBeVisible();
		await expect(message(mette, 'Ja, jeg er her. Hvordan går det?').getByTestId('message-status')).toHaveText('Læst');

		for (const page of [freja, mette])
			expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
		await freja.context().close();
		await mette.context().close();
	});

	test('unread counts on the Beskeder tab and in the staff menu change live; the inbox marks read', async ({ browser }) => {
		const jonas = await as(browser, 'jonas');
		const amina = await as(browser, 'amina');
		await expect(amina).toHaveURL('/');
		await expect(jonas.getByTestId('staff-badge-messages')).toHaveCount(0);

		const sent = await sendJson(amina, { clientId: crypto.randomUUID(), body: 'Hej Jonas, kan vi mødes?' });
		expect(sent.status).toBe(201);
		await expect(jonas.getByTestId('staff-badge-messages')).toContainText('1');

		await jonas.getByRole('link', { name: /Beskeder/ }).click();
		const entry = jonas.getByTestId('inbox-entry').filter({ hasText: 'Amina Hassan' });
		await expect(entry).toContainText('1 ulæste');
		await expect(entry).toContainText('Hej Jonas, kan vi mødes?');
		await expect(entry).toContainText('Har ventet på svar i');
		await expectAccessible(jonas);
		await entry.getByRole('button', { name: 'Markér beskederne fra Amina Hassan som læst' }).click();
		await expect(entry).not.toContainText('ulæste');
		await expect(jonas.getByTestId('staff-badge-messages')).toHaveCount(0);

		await jonas.getByRole('link', { name: 'Amina Hassan' }).click();
		await expect(jonas.locator('form.compose[data-enhanced]')).toHaveCount(1);
		await send(jonas, 'Ja, på torsdag kl. 10?');
		await expect(amina.getByTestId('badge-messages')).toHaveText('1');
		await amina.getByRole('link', { name: 'Beskeder' }).click();
		await expect(message(amina, 'Ja, på torsdag kl. 10?')).toBeVisible();
		await expect(amina.getByTestId('badge-messages')).toHaveCount(0);
		await amina.context().close();
		await jonas.context().close();
	});

	test('a message submitted twice, or sent twice with the same id, is shown and stored once', async ({ browser }) => {
		const mette = await as(browser, 'mette');
		await open(mette, `/staff/messages/${userId('freja')}`);
		const freja = await as(browser, 'freja');
		await open(freja, '/messages');

		await compose(freja).fill('Dobbelt-tryk');
		await freja.evaluate(() => {
			const form = document.querySelector<HTMLFormElement>('form.compose')!;
			form.requestSubmit();
			form.requestSubmit();
		});
		await expect(message(mette, 'Dobbelt-tryk')).toHaveCount(1);
		await expect(message(freja, 'Dobbelt-tryk')).toHaveCount(1);

		const clientId = crypto.randomUUID();
		const first = await sendJson(freja, { clientId, body: 'Samme id to gange' });
		const second = await sendJson(freja, { clientId, body: 'Samme id to gange' });
		expect([first.status, second.status]).toEqual([201, 200]);
		expect(second.json.message.id).toBe(first.json.message.id);
		const changed = await sendJson(freja, { clientId, body: 'Samme id, anden tekst' });
		expect(changed.status).toBe(409);
		expect(changed.json.message).toBe('Beskeden kunne ikke sendes. Prøv igen.');

		await expect(message(mette, 'Samme id to gange')).toHaveCount(1);
		await freja.reload();
		await expect(message(freja, 'Dobbelt-tryk')).toHaveCount(1);
		await expect(message(freja, 'Samme id to gange')).toHaveCount(1);
		await expect(message(freja, 'anden tekst')).toHaveCount(0);
		await freja.context().close();
		await mette.context().close();
	});

	test('an over-long or empty message gets a clear message and keeps the text', async ({ browser }) => {
		const freja = await as(browser, 'freja');
		await open(freja, '/messages');
		const long = 'Meget lang besked.'.padEnd(4001, 'x');
		await send(freja, long);
		await expect(freja.getByRole('alert')).toContainText('Beskeden er for lang. Den må højst være 4000 tegn, og din er 4001 tegn.');
		await expect(compose(freja)).toHaveValue(long);
		await expect(compose(freja)).toHaveAttribute('aria-invalid', 'true');
		await expect(freja.locator('li.message', { hasText: 'Meget lang besked.' })).toHaveCount(0);
		await expectAccessible(freja);

		await send(freja, '   ');
		await expect(freja.getByRole('alert')).toContainText('Skriv noget, før du sender.');
		await freja.reload();
		await expect(freja.locator('li.message', { hasText: 'Meget lang besked.' })).toHaveCount(0);
		await freja.context().close();
	});

	test('without JavaScript the form sends, and an error keeps the text', async ({ browser }) => {
		const freja = await as(browser, 'freja', { javaScriptEnabled: false });
		await freja.goto('/messages');
		await send(freja, 'Sendt uden JavaScript');
		await expect(freja).toHaveURL('/messages');
		await expect(message(freja, 'Sendt uden JavaScript')).toHaveCount(1);
		const long = 'x'.repeat(4001);
		await send(freja, long);
		await expect(freja.getByRole('alert')).toContainText('Beskeden er for lang');
		await expect(compose(freja)).toHaveValue(long);
		await freja.context().close();
	});

	test('after being offline the page catches up: each missed message once', async ({ browser }) => {
		const mette = await as(browser, 'mette');
		await open(mette, `/staff/messages/${userId('freja')}`);
		const freja = await as(browser, 'freja');
		await open(freja, '/messages');
		await send(mette, 'Før afbrydelsen');
		await expect(message(freja, 'Før afbrydelsen')).toHaveCount(1);

		await freja.context().setOffline(true);
		await send(mette, 'Mens du var væk 1');
		await send(mette, 'Mens du var væk 2');
		await expect(message(mette, 'Mens du var væk 2')).toBeVisible();
		await freja.waitForTimeout(500);
		await expect(message(freja, 'Mens du var væk')).toHaveCount(0);

		await freja.context().setOffline(false);
		await expect(message(freja, 'Mens du var væk 1')).toHaveCount(1);
		await expect(message(freja, 'Mens du var væk 2')).toHaveCount(1);
		await expect(message(freja, 'Før afbrydelsen')).toHaveCount(1);
		await freja.context().close();
		await mette.context().close();
	});

	test('a new guide does not inherit the conversation, and the former guide loses it', async ({ browser }) => {
		// A young person of our own, so the demo people's guides stay as they are.
		const maja = id();
		withDb((db) => {
			const hash = (db.prepare("select password_hash as h from users where username = 'freja'").get() as { h: string }).h;
			db.prepare(
				"insert into users (id, username, display_name, role, birth_date, password_hash, created_at) values (?, 'maja', 'Maja Test', 'youth', '2008-05-05', ?, ?)"
			).run(maja, hash, Date.now());
			db.prepare('insert into guide_assignments (id, youth_id, guide_id, started_at) values (?, ?, ?, ?)').run(
				id(),
				maja,
				userId('jonas'),
				Date.now()
			);
		});
		try {
			const youth = await as(browser, 'maja');
			await open(youth, '/messages');
			await send(youth, 'Hej Jonas, det er Maja');
			const jonas = await as(browser, 'jonas');
			await open(jonas, `/staff/messages/${maja}`);
			await expect(message(jonas, 'Hej Jonas, det er Maja')).toBeVisible();

			withDb((db) => {
				db.prepare('update guide_assignments set ended_at = ? where youth_id = ? and ended_at is null').run(Date.now(), maja);
				db.prepare('insert into guide_assignments (id, youth_id, guide_id, started_at) values (?, ?, ?, ?)').run(
					id(),
					maja,
					userId('mette'),
					Date.now()
				);
			});
			await youth.reload();
			await expect(youth.locator('form.compose[data-enhanced]')).toHaveCount(1);
			await expect(youth.getByRole('heading', { name: 'Din samtale med Mette Larsen' })).toBeVisible();
			await send(youth, 'Hej Mette, nu er du min guide');
			await expect(message(youth, 'Hej Mette, nu er du min guide')).toHaveCount(1);
			const earlier = youth.locator('details', { hasText: 'Med Jonas Berg' });
			await earlier.locator('summary').click();
			await expect(earlier).toContainText('Hej Jonas, det er Maja');
			await expect(earlier).toContainText('Du kan læse den, men ikke skrive i den.');
			await expectAccessible(youth);

			const mette = await as(browser, 'mette');
			await open(mette, `/staff/messages/${maja}`);
			await expect(message(mette, 'Hej Mette, nu er du min guide')).toBeVisible();
			await expect(mette.getByText('Hej Jonas, det er Maja')).toHaveCount(0);

			expect((await jonas.goto(`/staff/messages/${maja}`))?.status()).toBe(404);
			await jonas.goto('/staff/messages');
			await expect(jonas.getByRole('link', { name: 'Maja Test' })).toHaveCount(0);
			for (const page of [youth, jonas, mette]) await page.context().close();
		} finally {
			withDb((db) => {
				db.prepare('update guide_assignments set ended_at = ? where youth_id = ? and ended_at is null').run(Date.now(), maja);
				db.prepare('update users set disabled_at = ? where id = ?').run(Date.now(), maja);
			});
		}
	});

	test('parents and caseworkers never reach messages; the JSON endpoint takes only same-site JSON', async ({ browser }) => {
		for (const username of ['karen', 'ali']) {
			const page = await as(browser, username);
			expect((await page.goto('/messages'))?.status()).toBe(404);
			expect((await page.goto('/staff/messages'))?.status()).toBe(404);
			expect((await page.goto(`/staff/messages/${userId('freja')}`))?.status()).toBe(404);
			expect((await page.request.get('/api/events')).status()).toBe(404);
			await page.context().close();
		}
		const freja = await as(browser, 'freja');
		const origin = new URL(freja.url()).origin;
		const post = (headers: Record<string, string>, data: string) => freja.request.post('/api/messages', { headers, data });
		const body = JSON.stringify({ clientId: crypto.randomUUID(), body: 'Hej' });
		expect((await post({ 'content-type': 'text/plain', origin }, body)).status()).toBe(415);
		expect((await post({ 'content-type': 'application/x-www-form-urlencoded', origin }, 'body=Hej')).status()).toBe(415);
		expect((await post({ 'content-type': 'application/json', origin: 'https://evil.example' }, body)).status()).toBe(403);
		expect((await post({ 'content-type': 'application/json', origin }, '{not json')).status()).toBe(400);
		const empty = await post({ 'content-type': 'application/json', origin }, JSON.stringify({ clientId: crypto.randomUUID(), body: '' }));
		expect(empty.status()).toBe(422);
		expect(await empty.json()).toMatchObject({ error: 'empty', message: 'Skriv noget, før du sender.' });
		await freja.context().close();
	});

	test('a JSON body over 32 KB, such as 200,000 nested brackets, is refused at once with 413, unparsed', async ({ browser }) => {
		const freja = await as(browser, 'freja');
		const origin = new URL(freja.url()).origin;
		const nested = '['.repeat(200_000) + ']'.repeat(200_000);
		const timed = async (data: string) => {
			const started = Date.now();
			const response = await freja.request.post('/api/messages', { headers: { 'content-type': 'application/json', origin }, data });
			return { status: response.status(), json: await response.json(), ms: Date.now() - started };
		};
		// Parsing it took the server 1.4 s, in which it answered nobody else; now it is never parsed.
		const refused = await timed(nested);
		expect(refused.status).toBe(413);
		expect(refused.json).toMatchObject({
			error: 'too_large',
			message: 'Beskeden er for lang. Den må højst være 4000 tegn. Gør den kortere, eller del den i to.'
		});
		// Unparsed: the size is checked first, so a body over the limit that is not even JSON gets the
		// same 413, not "invalid JSON". (A wall-clock limit here failed on a busy machine: 1.25 s.)
		const notJson = await timed('{' + 'x'.repeat(40_000));
		expect(notJson.status).toBe(413);
		expect(notJson.json).toMatchObject({ error: 'too_large' });
		test.info().annotations.push({ type: 'timing', description: `refused in ${refused.ms} ms and ${notJson.ms} ms` });
		// Nesting deeper than any body of ours, within the size: refused before parsing too.
		expect((await timed('['.repeat(15_000) + ']'.repeat(15_000))).status).toBe(400);
		// The longest message still goes (4000 emoji: 16 KB), and the connection is fine after a refusal.
		const longest = await timed(JSON.stringify({ clientId: crypto.randomUUID(), body: '🙂'.repeat(4000) }));
		expect(longest.status).toBe(201);
		await freja.context().close();
	});

	test('the young person’s message page passes axe in Danish and English', async ({ browser }) => {
		const freja = await as(browser, 'freja');
		await open(freja, '/messages');
		await expectAccessible(freja);
		await switchLanguage(freja, 'en');
		await expect(freja.getByRole('heading', { name: 'Need help now?' })).toBeVisible();
		await expect(freja.getByRole('heading', { name: 'Your conversation with Mette Larsen' })).toBeVisible();
		await expectAccessible(freja);
		await switchLanguage(freja, 'da');
		await freja.context().close();
	});

	test('the guide’s inbox passes axe in Danish and English', async ({ browser }) => {
		const mette = await as(browser, 'mette');
		await mette.goto('/staff/messages');
		await expect(mette.getByTestId('inbox-entry').filter({ hasText: 'Freja Nielsen' })).toBeVisible();
		await expectAccessible(mette);
		await switchLanguage(mette, 'en');
		await expect(mette.getByRole('heading', { level: 1 })).toHaveText('Messages');
		await expectAccessible(mette);
		await switchLanguage(mette, 'da');
		await mette.context().close();
	});

	test('the guide’s conversation page passes axe in Danish and English', async ({ browser }) => {
		const mette = await as(browser, 'mette');
		await open(mette, `/staff/messages/${userId('freja')}`);
		await expect(mette.getByRole('heading', { level: 1 })).toHaveText('Beskeder med Freja Nielsen');
		await expectAccessible(mette);
		await switchLanguage(mette, 'en');
		await expect(mette.getByRole('heading', { level: 1 })).toHaveText('Messages with Freja Nielsen');
		await expectAccessible(mette);
		await switchLanguage(mette, 'da');
		await mette.context().close();
	});

	test('a young person without a guide writes to the youth unit, and the coordinator answers', async ({ browser }) => {
		// A young person new to the youth unit: no other story has given them a guide.
		const sara = await (await browser.newContext()).newPage();
		await inviteYouth(sara, 'mette', 'Sara Møller', 'sara', '2010-03-14');
		await open(sara, '/messages');
		await expect(sara.getByRole('heading', { name: 'Din samtale med Ungeenheden' })).toBeVisible();
		await send(sara, 'Hej, hvem kan hjælpe mig?');
		await expect(message(sara, 'Hej, hvem kan hjælpe mig?')).toHaveCount(1);
		const lone = await as(browser, 'lone');
		await lone.goto('/staff/messages');
		await expect(lone.getByRole('heading', { level: 1 })).toHaveText('Beskeder til Ungeenheden');
		await expect(lone.getByTestId('inbox-entry').filter({ hasText: 'Sara Møller' })).toContainText('Hej, hvem kan hjælpe mig?');
		await expectAccessible(lone);
		await lone.getByRole('link', { name: 'Sara Møller' }).click();
		await expect(lone.locator('form.compose[data-enhanced]')).toHaveCount(1);
		await send(lone, 'Hej Sara, jeg ringer til dig i morgen.');
		await expect(message(sara, 'Hej Sara, jeg ringer til dig i morgen.')).toBeVisible();
		await expect(message(lone, 'Hej, hvem kan hjælpe mig?').getByTestId('message-status')).toHaveCount(0);
		await expect(message(sara, 'Hej, hvem kan hjælpe mig?').getByTestId('message-status')).toHaveText('Læst');
		for (const page of [sara, lone]) await page.context().close();
	});
});
