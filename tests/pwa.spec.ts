import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, storyDatabasePath, test, type Browser, type BrowserContext, type Page } from './story';
import Database from 'better-sqlite3';
import { expectAccessible, login, logout, switchLanguage } from './helpers';
import { FULL_CHROMIUM } from '../scripts/chromium-path.js';

/** Reads the running server's database. */
function query<T>(sql: string, ...params: unknown[]): T[] {
	const db = new Database(storyDatabasePath(), { readonly: true });
	try {
		db.pragma('busy_timeout = 5000');
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}
/** Changes the running server's database (WAL lets the server go on beside it). */
function change(sql: string, ...params: unknown[]): number {
	const db = new Database(storyDatabasePath());
	try {
		db.pragma('busy_timeout = 5000');
		return db.prepare(sql).run(...params).changes;
	} finally {
		db.close();
	}
}
const userId = (username: string) => query<{ id: string }>('select id from users where username = ?', username)[0]!.id;
/** The id of the session the browser context is logged in with (the part of the cookie before the dot). */
async function sessionIdOf(context: BrowserContext): Promise<string> {
	const cookie = (await context.cookies()).find((c) => c.name === 'minvej_session');
	return cookie!.value.split('.')[0]!;
}
const storedCount = (body: string) => query<{ n: number }>('select count(*) as n from messages where body = ?', body)[0]!.n;

/** A fresh browser (its own cookies, caches and service worker) logged in as `username`. */
async function as(browser: Browser, username: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await login(page, username);
	await workerReady(page);
	return page;
}

/** The young person's conversation, once its script runs. */
async function openMessages(page: Page, path = '/messages') {
	await page.goto(path);
	await expect(page.locator('form.compose[data-enhanced]')).toHaveCount(1);
}

async function write(page: Page, text: string) {
	await page.getByLabel('Skriv en besked').fill(text);
	await page.getByRole('button', { name: 'Send', exact: true }).click();
}
const WAITING = 'Ikke sendt endnu. Den bliver sendt, når du er på nettet igen.';

/** Waits until the service worker is active and controls the page. */
async function workerReady(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
		}
	});
}

/** Every URL path kept in any of the page's caches. */
async function cachedPaths(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const paths: string[] = [];
		for (const name of await caches.keys()) {
			for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname + new URL(request.url).search);
		}
		return paths;
	});
}

/** The entries of the IndexedDB outbox (empty when the database does not exist). */
async function outboxEntries(page: Page): Promise<unknown[]> {
	return page.evaluate(async () => {
		if (!(await indexedDB.databases()).some((d) => d.name === 'minvej')) return [];
		return new Promise<unknown[]>((resolve, reject) => {
			const open = indexedDB.open('minvej');
			open.onsuccess = () => {
				const db = open.result;
				if (!db.objectStoreNames.contains('outbox')) return resolve([]);
				const all = db.transaction('outbox').objectStore('outbox').getAll();
				all.onsuccess = () => {
					resolve(all.result);
					db.close();
				};
				all.onerror = () => reject(all.error);
			};
			open.onerror = () => reject(open.error);
		});
	});
}

const PERSONAL = /^\/(plan|messages)?(\/__data\.json.*)?$/;

async function goOffline(context: BrowserContext, page: Page) {
	await context.setOffline(true);
	await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
}

// The service worker is what this file tests (the other stories run without one: playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

test.describe('PWA', () => {
	test('the manifest is complete and Chromium finds no installability errors', async ({ playwright, request, baseURL }, testInfo) => {
		const manifestResponse = await request.get('/manifest.webmanifest');
		expect(manifestResponse.ok()).toBe(true);
		const manifest = await manifestResponse.json();
		expect(manifest).toMatchObject({
			name: 'Minvej',
			short_name: 'Minvej',
			lang: 'da',
			start_url: '/',
			scope: '/',
			display: 'standalone',
			theme_color: '#0b5d4b',
			background_color: '#f6f7f5'
		});
		const icons = manifest.icons as Array<{ src: string; sizes: string; purpose: string }>;
		expect(icons.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
		for (const icon of icons) {
			const png = await (await request.get(icon.src)).body();
			// Width and height from the PNG header.
			expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
		}

		// The manifest the pages link is the same, in the reader's language (issue 16).
		const linked = await (await request.get('/app.webmanifest')).json();
		expect(linked).toEqual(manifest);
		const arabic = await (await request.get('/app.webmanifest', { headers: { cookie: 'minvej_lang=ar' } })).json();
		expect(arabic).toMatchObject({ name: 'Minvej', lang: 'ar', dir: 'rtl', icons: manifest.icons, start_url: '/' });
		expect(arabic.description).not.toBe(manifest.description);
		expect(arabic.description).toMatch(/[\u0600-\u06FF]/);

		// Chromium never offers to install from an incognito-like context: use a real profile.
		const profile = mkdtempSync(join(tmpdir(), 'minvej-install-'));
		const { executablePath, args } = testInfo.project.use.launchOptions ?? {};
		const context = await playwright.chromium.launchPersistentContext(profile, { executablePath, args, baseURL });
		try {
			const page = context.pages()[0] ?? (await context.newPage());
			await page.goto('/login');
			await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/app.webmanifest');
			await workerReady(page);
			const cdp = await context.newCDPSession(page);
			const { errors: manifestErrors } = await cdp.send('Page.getAppManifest');
			expect(manifestErrors).toEqual([]);
			const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
			expect(installabilityErrors).toEqual([]);
		} finally {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	});

	test('the phone keeps the files of a young person’s pages, not those only staff pages use', async ({ browser }) => {
		/** The route nodes (layouts and pages) a page starts with: its start script imports each. */
		const nodesOf = (page: Page) =>
			page.evaluate(() =>
				[...document.scripts].flatMap((script) => script.textContent?.match(/\/_app\/immutable\/nodes\/[^'"]+\.js/g) ?? [])
			);
		const freja = await as(browser, 'freja');
		const youthNodes = new Set<string>();
		for (const path of ['/', '/plan', '/messages', '/guide', '/consent']) {
			await freja.goto(path);
			for (const node of await nodesOf(freja)) youthNodes.add(node);
		}
		const mette = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
		await login(mette, 'mette');
		const staffNodes = new Set<string>();
		for (const path of ['/staff', '/staff/messages', '/staff/requests']) {
			await mette.goto(path);
			for (const node of await nodesOf(mette)) if (!youthNodes.has(node)) staffNodes.add(node);
		}
		expect(youthNodes.size, 'a young person’s pages load their nodes').toBeGreaterThan(4);
		expect(staffNodes.size, 'the staff’s pages have nodes of their own').toBeGreaterThan(2);

		// What the worker precached on freja's phone (it controls the page: its install, and so its
		// precache, is done).
		const kept = new Set((await cachedPaths(freja)).map((path) => path.split('?')[0]!));
		for (const node of youthNodes) expect(kept, `${node} is kept for offline`).toContain(node);
		for (const node of staffNodes) expect(kept, `${node} (staff only) is not downloaded`).not.toContain(node);
		await freja.context().close();
		await mette.context().close();
	});

	test('after one visit the plan and the messages open offline, marked with when they were seen', async ({ page, context }) => {
		await login(page, 'amina');
		await workerReady(page);
		await page.goto('/plan');
		await expect(page.getByRole('heading', { level: 1, name: 'Plan' })).toBeVisible();
		await page.goto('/messages');
		await expect(page.getByRole('heading', { level: 1, name: 'Beskeder' })).toBeVisible();
		await expect(page.getByTestId('seen-at')).toHaveCount(0);

		await goOffline(context, page);
		await page.goto('/plan');
		await expect(page.getByRole('heading', { level: 1, name: 'Plan' })).toBeVisible();
		await expect(page.getByTestId('seen-at')).toContainText(/Du er offline\. Det her er siden, som den så ud .*\d/);
		await expectAccessible(page);

		// A link to the messages (kept too) while offline.
		await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Beskeder' }).click();
		await expect(page).toHaveURL('/messages');
		await expect(page.getByRole('heading', { level: 1, name: 'Beskeder' })).toBeVisible();
		await expect(page.getByTestId('seen-at')).toBeVisible();

		// A page never visited: the friendly offline page, listing what can be read, with its
		// scripts and styles at any depth.
		await page.goto('/settings/notifications');
		await expect(page.getByRole('heading', { level: 1, name: 'Du er offline' })).toBeVisible();
		await expect(page.locator('html')).toHaveCSS('background-color', 'rgb(246, 247, 245)');
		await page.goto('/guide');
		await expect(page.getByRole('heading', { level: 1, name: 'Du er offline' })).toBeVisible();
		await expect(page.getByRole('link', { name: /^Plan – set / })).toBeVisible();
		await expect(page.getByRole('link', { name: /^Beskeder – set / })).toBeVisible();
		await expectAccessible(page);

		await context.setOffline(false);
		await page.getByRole('button', { name: 'Prøv igen' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Guide' })).toBeVisible();
		await expect(page.getByTestId('seen-at')).toHaveCount(0);
	});

	test('the offline page follows the chosen language', async ({ page, context }) => {
		await login(page, 'oliver');
		await workerReady(page);
		await switchLanguage(page, 'en');
		await page.goto('/plan');
		await goOffline(context, page);
		await page.goto('/privacy');
		await expect(page.getByRole('heading', { level: 1, name: 'You are offline' })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expectAccessible(page);
		await context.setOffline(false);
		await page.goto('/plan');
		await switchLanguage(page, 'da');
	});

	test('a new version of the app says so, and takes over when asked', async ({ page }) => {
		await login(page, 'ida');
		await workerReady(page);
		await page.goto('/plan');
		await workerReady(page);
		// A new version of the service worker arrives (as after a deployment; Playwright cannot
		// intercept the worker's own script, so the new version comes from a new script address).
		await page.evaluate(async () => {
			await navigator.serviceWorker.register('/service-worker.js?version=next', { scope: '/' });
		});
		const notice = page.getByRole('status').filter({ hasText: 'Der er en ny version af Minvej.' });
		await expect(notice).toBeVisible();
		await expectAccessible(page);
		// The old version keeps serving until asked: no mix of old and new code.
		const versions = () =>
			page.evaluate(async () => {
				const registration = await navigator.serviceWorker.getRegistration();
				return { waiting: registration?.waiting?.scriptURL ?? null, controller: navigator.serviceWorker.controller?.scriptURL };
			});
		expect(await versions()).toEqual({
			waiting: expect.stringContaining('version=next'),
			controller: expect.not.stringContaining('version=next')
		});

		await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Opdater nu' }).click()]);
		await expect(page.getByRole('heading', { level: 1, name: 'Plan' })).toBeVisible();
		await expect(notice).toHaveCount(0);
		// The new version now controls the page. (The reloaded page registers the app's usual script
		// address again, which this test's stand-in version does not have; that one may be waiting.)
		expect((await versions()).controller).toContain('version=next');
	});

	test('a language switch drops the pages kept in the old language', async ({ page }) => {
		await login(page, 'ida');
		await workerReady(page);
		await page.goto('/plan');
		await expect.poll(() => cachedPaths(page)).toContain('/plan');
		await page.goto('/messages');
		await switchLanguage(page, 'en');
		// The switch returns to /messages, now kept in English; the Danish plan is gone.
		await expect.poll(() => cachedPaths(page)).toContain('/messages');
		expect(await cachedPaths(page)).not.toContain('/plan');
		await switchLanguage(page, 'da');
	});

	test('logout leaves no personal pages or waiting messages on the phone', async ({ page }) => {
		await login(page, 'amina');
		await workerReady(page);
		for (const path of ['/', '/plan', '/messages']) await page.goto(path);
		await expect.poll(async () => (await cachedPaths(page)).filter((p) => PERSONAL.test(p)).sort()).toEqual(['/', '/messages', '/plan']);
		await page.evaluate(async () => {
			// A message waiting in the outbox, as the messages page leaves it offline.
			await new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('minvej', 1);
				open.onupgradeneeded = () => open.result.createObjectStore('outbox', { keyPath: 'clientId' }).createIndex('byCreated', 'createdAt');
				open.onsuccess = () => {
					const tx = open.result.transaction('outbox', 'readwrite');
					const entry = { clientId: 'waiting-message-1', userId: 'amina', youthId: 'amina', body: 'Hej', createdAt: Date.now() };
					tx.objectStore('outbox').put(entry);
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			});
		});
		expect(await outboxEntries(page)).toHaveLength(1);

		await logout(page);
		await expect.poll(async () => (await cachedPaths(page)).filter((p) => PERSONAL.test(p))).toEqual([]);
		expect(await outboxEntries(page)).toEqual([]);
		// The shell is still there for the next person.
		expect((await cachedPaths(page)).some((p) => p.startsWith('/offline'))).toBe(true);
	});

	test('a session that ended clears the personal pages too', async ({ page, context }) => {
		await login(page, 'oliver');
		await workerReady(page);
		await page.goto('/plan');
		await expect.poll(async () => (await cachedPaths(page)).filter((p) => PERSONAL.test(p))).toContain('/plan');
		// The session ends on the server, as after the idle limit. (Clearing the browser's cookies
		// instead raced the youth pages' live stream: its answer, started before, set the cookie again.)
		expect(change('update sessions set last_used_at = ? where id = ?', Date.now() - 365 * 86_400_000, await sessionIdOf(context))).toBe(1);
		await page.goto('/plan');
		await expect(page).toHaveURL(/\/login/);
		await expect.poll(async () => (await cachedPaths(page)).filter((p) => PERSONAL.test(p))).toEqual([]);
	});

	test('a kept page is never shown after its session’s own lifetime: it is deleted, and the offline page shown', async ({
		page,
		context
	}) => {
		test.setTimeout(90_000);
		await login(page, 'oliver');
		await workerReady(page);
		// The session reaches its absolute limit (60 days for a young person) in 25 seconds.
		const ends = Date.now() + 25_000;
		expect(change('update sessions set created_at = ? where id = ?', ends - 60 * 86_400_000, await sessionIdOf(context))).toBe(1);
		const fetched = await page.goto('/plan');
		const told = Date.parse((await fetched!.allHeaders())['x-session-expires'] ?? '');
		expect(Math.abs(told - ends)).toBeLessThan(1500);
		for (const path of ['/', '/messages']) await page.goto(path);
		await expect.poll(async () => (await cachedPaths(page)).filter((p) => PERSONAL.test(p)).sort()).toEqual(['/', '/messages', '/plan']);

		// Before the end, the kept copy is there to read offline …
		await goOffline(context, page);
		await page.goto('/plan');
		await expect(page.getByRole('heading', { level: 1, name: 'Plan' })).toBeVisible();
		await expect(page.getByTestId('seen-at')).toBeVisible();

		// … after it, never: the copy is deleted and the offline page lists nothing to read.
		await page.waitForTimeout(Math.max(0, ends - Date.now() + 1500));
		await page.goto('/plan');
		await expect(page.getByRole('heading', { level: 1, name: 'Du er offline' })).toBeVisible();
		await expect(page.getByText('Der er ikke gemt noget på denne enhed endnu.', { exact: false })).toBeVisible();
		await expect(page.getByRole('link', { name: /^Beskeder – set / })).toHaveCount(0);
		expect(await cachedPaths(page)).not.toContain('/plan');
		await page.goto('/messages');
		await expect(page.getByRole('heading', { level: 1, name: 'Du er offline' })).toBeVisible();
		expect(await cachedPaths(page)).not.toContain('/messages');
		await context.setOffline(false);
	});

	test('after “log out everywhere” on another device, this one clears its kept pages at its next contact', async ({ browser }, info) => {
		test.setTimeout(90_000);
		const phone = await as(browser, 'amina');
		for (const path of ['/', '/plan', '/messages']) await phone.goto(path);
		await expect.poll(async () => (await cachedPaths(phone)).filter((p) => PERSONAL.test(p)).sort()).toEqual(['/', '/messages', '/plan']);

		// On another device she logs out everywhere.
		const { locale, timezoneId } = info.project.use;
		const other = await (await browser.newContext({ locale, timezoneId })).newPage();
		await login(other, 'amina');
		await other.goto('/settings/sessions');
		await other.getByRole('button', { name: 'Log ud på alle enheder, også denne' }).click();
		await expect(other).toHaveURL('/login?loggedOut=1');

		// The phone's next request (online) lands on the login page, and nothing kept is left.
		await phone.goto('/plan');
		await expect(phone).toHaveURL(/\/login/);
		await expect.poll(async () => (await cachedPaths(phone)).filter((p) => PERSONAL.test(p))).toEqual([]);
		await goOffline(phone.context(), phone);
		await phone.goto('/plan');
		await expect(phone.getByRole('heading', { level: 1, name: 'Du er offline' })).toBeVisible();
		for (const page of [phone, other]) await page.context().close();
	});

	test('a message written offline waits on the phone and is delivered once when the network returns', async ({ browser }) => {
		test.setTimeout(90_000);
		const amina = await as(browser, 'amina');
		await openMessages(amina);
		await goOffline(amina.context(), amina);
		const text = `Skrevet i bussen uden net ${Date.now()}`;
		await write(amina, text);
		const mine = amina.locator('li.message', { hasText: text });
		await expect(mine.getByTestId('message-status')).toHaveText(WAITING);
		await expect.poll(async () => (await outboxEntries(amina)).length).toBe(1);

		// Still there after the app is reloaded without network (kept in IndexedDB).
		await amina.reload();
		await expect(mine.getByTestId('message-status')).toHaveText(WAITING);
		expect(storedCount(text)).toBe(0);

		await amina.context().setOffline(false);
		await expect(mine.getByTestId('message-status')).not.toHaveText(WAITING);
		await expect(mine).toHaveCount(1);
		await expect.poll(() => outboxEntries(amina)).toEqual([]);
		expect(storedCount(text)).toBe(1);

		const jonas = await as(browser, 'jonas');
		await openMessages(jonas, `/staff/messages/${userId('amina')}`);
		await expect(jonas.locator('li.message', { hasText: text })).toHaveCount(1);
		await amina.reload();
		await expect(mine).toHaveCount(1);
		expect(storedCount(text)).toBe(1);
		for (const page of [amina, jonas]) await page.context().close();
	});

	test('a message written offline goes out by Background Sync after the app was closed', async ({ browser, baseURL }) => {
		test.setTimeout(90_000);
		const amina = await as(browser, 'amina');
		const context = amina.context();
		await openMessages(amina);
		await goOffline(context, amina);
		const text = `Skrevet før appen blev lukket ${Date.now()}`;
		await write(amina, text);
		await expect(amina.locator('li.message', { hasText: text }).getByTestId('message-status')).toHaveText(WAITING);
		await expect.poll(async () => (await outboxEntries(amina)).length).toBe(1);
		// The app is closed (left first, so that none of its scripts is around when the network returns).
		await amina.goto('about:blank');
		await amina.close();

		// The network returns and the browser runs the sync round.
		const blank = await context.newPage();
		await context.setOffline(false);
		const cdp = await context.newCDPSession(blank);
		const registration = new Promise<string>((resolve) =>
			cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
				const found = registrations.find((r) => r.scopeURL === `${baseURL}/` && !r.isDeleted);
				if (found) resolve(found.registrationId);
			})
		);
		await cdp.send('ServiceWorker.enable');
		await cdp.send('ServiceWorker.dispatchSyncEvent', {
			origin: baseURL!,
			registrationId: await registration,
			tag: 'minvej-outbox',
			lastChance: false
		});
		await expect.poll(() => storedCount(text), { timeout: 15_000 }).toBe(1);

		const jonas = await as(browser, 'jonas');
		await openMessages(jonas, `/staff/messages/${userId('amina')}`);
		await expect(jonas.locator('li.message', { hasText: text })).toHaveCount(1);

		// Opened again: nothing waiting, the message once.
		await openMessages(blank);
		await expect(blank.locator('li.message', { hasText: text })).toHaveCount(1);
		await expect(blank.locator('li.message', { hasText: text }).getByTestId('message-status')).not.toHaveText(WAITING);
		expect(await outboxEntries(blank)).toEqual([]);
		expect(storedCount(text)).toBe(1);
		for (const page of [blank, jonas]) await page.context().close();
	});

	test('a message left waiting goes out when the app starts again (where no sync round came)', async ({ browser }) => {
		test.setTimeout(90_000);
		const amina = await as(browser, 'amina');
		const context = amina.context();
		await openMessages(amina);
		await goOffline(context, amina);
		const text = `Sendes ved næste start ${Date.now()}`;
		await write(amina, text);
		await expect.poll(async () => (await outboxEntries(amina)).length).toBe(1);
		await amina.close();

		await context.setOffline(false);
		const again = await context.newPage();
		await again.goto('/');
		await expect.poll(() => storedCount(text), { timeout: 15_000 }).toBe(1);
		await expect.poll(() => outboxEntries(again)).toEqual([]);
		await openMessages(again);
		await expect(again.locator('li.message', { hasText: text })).toHaveCount(1);
		expect(storedCount(text)).toBe(1);
		await context.close();
	});

	test('notification settings: this device, all devices, and a JSON endpoint only for this site', async ({
		playwright,
		baseURL
	}, testInfo) => {
		// The suite's headless shell says notifications are always blocked; a phone that has not been
		// asked yet is the full Chromium's (when installed), with the project's phone settings.
		const { executablePath, args } = testInfo.project.use.launchOptions ?? {};
		const fullBrowser = existsSync(FULL_CHROMIUM) ? FULL_CHROMIUM : executablePath;
		const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, locale, timezoneId } = testInfo.project.use;
		const browser = await playwright.chromium.launch({ executablePath: fullBrowser, args });
		try {
			const context = await browser.newContext({ baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, locale, timezoneId });
			await notificationSettings(await context.newPage(), baseURL!);
		} finally {
			await browser.close();
		}
	});
});

/** The notification settings story of the test above, on a phone that has not yet been asked to allow notifications. */
async function notificationSettings(page: Page, baseURL: string) {
	await login(page, 'jonas');
	await page.getByRole('link', { name: 'Notifikationer' }).click();
	await expect(page).toHaveURL('/settings/notifications');
	await expect(page.getByRole('heading', { level: 1, name: 'Notifikationer' })).toBeVisible();
	await expect(page.getByTestId('push-state')).toHaveText('Notifikationer er slået fra på denne enhed.');
	await expect(page.getByRole('button', { name: 'Slå notifikationer til' })).toBeVisible();
	await expect(page.getByTestId('device-count')).toHaveText('Antal enheder, der får notifikationer: 0');
	await expectAccessible(page);

	const subscription = {
		endpoint: 'https://fcm.googleapis.com/fcm/send/jonas-phone',
		keys: { p256dh: 'B' + 'A'.repeat(86), auth: 'A'.repeat(22) },
		locale: 'da'
	};
	const api = '/api/push/subscription';
	const origin = baseURL;
	expect((await page.request.post(api, { data: subscription, headers: { origin: 'https://evil.example' } })).status()).toBe(403);
	expect(
		(await page.request.post(api, { data: JSON.stringify(subscription), headers: { origin, 'content-type': 'text/plain' } })).status()
	).toBe(415);
	expect(
		(await page.request.post(api, { data: { ...subscription, endpoint: 'http://127.0.0.1:9/x' }, headers: { origin } })).status()
	).toBe(422);
	expect((await page.request.post(api, { data: subscription, headers: { origin } })).status()).toBe(201);
	expect((await page.request.post(api, { data: subscription, headers: { origin } })).status()).toBe(201);

	await page.reload();
	await expect(page.getByTestId('device-count')).toHaveText('Antal enheder, der får notifikationer: 1');
	await page.getByRole('button', { name: 'Slå fra på alle mine enheder' }).click();
	await expect(page.getByRole('status')).toHaveText('Notifikationer er slået fra på alle dine enheder.');
	await expect(page.getByTestId('device-count')).toHaveText('Antal enheder, der får notifikationer: 0');
	await expectAccessible(page);

	await logout(page);
	expect((await page.request.post(api, { data: subscription, headers: { origin } })).status()).toBe(401);
}
