/**
 * Photos and PDFs in messages (issue 17): freja sends a photo from her phone and mette opens it;
 * what the server keeps has no GPS; a file that lies about its type is refused with the text kept;
 * a former guide cannot fetch the photo; a photo sent offline arrives once; and without
 * JavaScript the form sends the file too.
 */
import { expect, test, type Page } from './story';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { as, withDb } from './helpers';

const message = (page: Page, text: string) => page.locator('li.message', { hasText: text });

async function open(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('form.compose[data-enhanced]')).toHaveCount(1);
}

/** A phone's JPEG: EXIF with the phone's name and a GPS position. */
function phonePhoto(): Promise<Buffer> {
	return sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 200, g: 90, b: 40 } } })
		.jpeg()
		.withExif({
			IFD0: { Make: 'TestPhone', Model: 'Minvej' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 40/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '12/1 34/1 0/1' }
		})
		.toBuffer();
}

/** How many stored messages, and attachments, have this text. */
const stored = (body: string) =>
	withDb(
		(db) =>
			db
				.prepare(
					'select count(m.id) as messages, count(a.id) as files from messages m left join message_attachments a on a.message_id = m.id where m.body = ?'
				)
				.get(body) as { messages: number; files: number }
	);

test.describe('attachments', () => {
	test.describe.configure({ timeout: 60_000 });
	let photoUrl = '';

	test('freja attaches a photo and mette opens it, without the GPS position the phone wrote', async ({ browser }) => {
		const freja = await as(browser, 'freja');
		await open(freja, '/messages');
		await freja
			.getByLabel('Vedhæft foto eller PDF')
			.setInputFiles({ name: 'IMG_4711.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto() });
		await expect(freja.getByText('Vedhæftet: IMG_4711.jpg')).toBeVisible();
		await freja.getByLabel('Skriv en besked').fill('Her er mit skema fra skolen');
		await freja.getByRole('button', { name: 'Send', exact: true }).click();
		const sent = message(freja, 'Her er mit skema fra skolen');
		await expect(sent.getByRole('img', { name: 'Foto: IMG_4711.jpg' })).toBeVisible();
		// The form is empty again: text and file.
		await expect(freja.getByLabel('Skriv en besked')).toHaveValue('');
		await expect(freja.getByText('Vedhæftet: IMG_4711.jpg')).toHaveCount(0);
		expect(await freja.getByLabel('Vedhæft foto eller PDF').inputValue()).toBe('');

		const mette = await as(browser, 'mette');
		const frejaId = withDb((db) => (db.prepare("select id from users where username = 'freja'").get() as { id: string }).id);
		await open(mette, `/staff/messages/${frejaId}`);
		const photo = message(mette, 'Her er mit skema fra skolen').getByRole('img', { name: 'Foto: IMG_4711.jpg' });
		await expect(photo).toBeVisible();
		// The preview has loaded (a broken image has no natural width).
		await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
		photoUrl = (await message(mette, 'Her er mit skema fra skolen').getByRole('link').first().getAttribute('href'))!;
		const full = await mette.request.get(photoUrl);
		expect(full.status()).toBe(200);
		expect(full.headers()['content-type']).toBe('image/jpeg');
		expect(full.headers()['x-content-type-options']).toBe('nosniff');
		expect(full.headers()['cache-control']).toBe('no-store');
		expect(full.headers()['content-disposition']).toMatch(/^inline; filename\*=UTF-8''IMG_4711\.jpg$/);
		const meta = await sharp(await full.body()).metadata();
		expect([meta.width, meta.height, meta.exif]).toEqual([1200, 900, undefined]);
		expect((await full.body()).includes(Buffer.from('TestPhone'))).toBe(false);

		// Her mother, who sees her plan, does not see her messages' files.
		const karen = await as(browser, 'karen');
		expect((await karen.request.get(photoUrl)).status()).toBe(404);
		await Promise.all([freja, mette, karen].map((p) => p.context().close()));
	});

	test('a file that lies about its type is refused in words, and the text stays', async ({ browser }) => {
		const freja = await as(browser, 'freja');
		await open(freja, '/messages');
		const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
			.png()
			.toBuffer();
		await freja.getByLabel('Vedhæft foto eller PDF').setInputFiles({ name: 'kontrakt.pdf', mimeType: 'application/pdf', buffer: png });
		await freja.getByLabel('Skriv en besked').fill('Kan du læse min kontrakt?');
		await freja.getByRole('button', { name: 'Send', exact: true }).click();
		await expect(freja.getByText('Filen er ikke det, dens navn siger. Vælg et foto eller en PDF. Din tekst er gemt.')).toBeVisible();
		await expect(freja.getByLabel('Skriv en besked')).toHaveValue('Kan du læse min kontrakt?');
		expect(stored('Kan du læse min kontrakt?').messages).toBe(0);
		await freja.context().close();
	});

	test('without JavaScript the form sends the photo too', async ({ browser }) => {
		const freja = await as(browser, 'freja', { javaScriptEnabled: false });
		await freja.goto('/messages');
		await freja
			.getByLabel('Vedhæft foto eller PDF')
			.setInputFiles({ name: 'uden-js.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto() });
		await freja.getByLabel('Skriv en besked').fill('Sendt uden JavaScript');
		await freja.getByRole('button', { name: 'Send', exact: true }).click();
		await expect(message(freja, 'Sendt uden JavaScript').getByRole('img', { name: 'Foto: uden-js.jpg' })).toBeVisible();
		expect(stored('Sendt uden JavaScript')).toEqual({ messages: 1, files: 1 });
		await freja.context().close();
	});

	test('a photo sent offline waits in the outbox with its text and arrives once', async ({ browser }) => {
		// With the service worker, as on a phone: its outbox round may send the message besides the page.
		const freja = await as(browser, 'freja', { serviceWorkers: 'allow' });
		await open(freja, '/messages');
		await freja.context().setOffline(true);
		await freja
			.getByLabel('Vedhæft foto eller PDF')
			.setInputFiles({ name: 'offline.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto() });
		await freja.getByLabel('Skriv en besked').fill('Skrevet i bussen uden net');
		await freja.getByRole('button', { name: 'Send', exact: true }).click();
		const waiting = message(freja, 'Skrevet i bussen uden net');
		await expect(waiting.getByTestId('message-status')).toHaveText('Ikke sendt endnu. Den bliver sendt, når du er på nettet igen.');
		await expect(waiting).toContainText('offline.jpg');
		// The photo is kept in the outbox with the message (IndexedDB holds the file itself).
		await expect
			.poll(() =>
				freja.evaluate(
					() =>
						new Promise<string>((resolve) => {
							const req = indexedDB.open('minvej');
							req.onsuccess = () => {
								const all = req.result.transaction('outbox').objectStore('outbox').getAll();
								all.onsuccess = () =>
									resolve(all.result.map((e: { fileName?: string; file?: Blob }) => `${e.fileName}:${(e.file?.size ?? 0) > 0}`).join());
							};
						})
				)
			)
			.toMatch(/^offline\.jpg:true$/);
		expect(stored('Skrevet i bussen uden net').messages).toBe(0);

		await freja.context().setOffline(false);
		await expect(waiting.getByRole('img', { name: 'Foto: offline.jpg' })).toBeVisible();
		// Sent by the page and perhaps by the outbox's own round as well: stored once, with one file.
		await expect.poll(() => stored('Skrevet i bussen uden net')).toEqual({ messages: 1, files: 1 });
		await freja.reload();
		await expect(message(freja, 'Skrevet i bussen uden net')).toHaveCount(1);
		expect(stored('Skrevet i bussen uden net')).toEqual({ messages: 1, files: 1 });
		await freja.context().close();
	});

	test('a former guide gets 404 for the photo once freja has another guide', async ({ browser }) => {
		expect(photoUrl).not.toBe('');
		const mette = await as(browser, 'mette');
		expect((await mette.request.get(photoUrl)).status()).toBe(200);
		withDb((db) => {
			const id = (name: string) => (db.prepare('select id from users where username = ?').get(name) as { id: string }).id;
			const now = Date.now();
			db.prepare('update guide_assignments set ended_at = ? where youth_id = ? and ended_at is null').run(now, id('freja'));
			db.prepare('insert into guide_assignments (id, youth_id, guide_id, started_at) values (?, ?, ?, ?)').run(
				randomBytes(15).toString('hex'),
				id('freja'),
				id('jonas'),
				now
			);
		});
		expect((await mette.request.get(photoUrl)).status()).toBe(404);
		expect((await mette.request.get(`${photoUrl}?preview`)).status()).toBe(404);
		// Freja keeps her earlier conversation, and its photo.
		const freja = await as(browser, 'freja');
		expect((await freja.request.get(photoUrl)).status()).toBe(200);
		await Promise.all([freja, mette].map((p) => p.context().close()));
	});
});
