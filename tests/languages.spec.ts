/**
 * Issue 16: the young person's and the parent's pages in seven languages.
 *
 * - Plain Danish: the LIX of the Danish text a young person sees on each of their pages (consent
 *   wordings included) is at most 35; each page's figure is reported. Text people wrote themselves
 *   (shown with dir="auto": messages, comments, step descriptions) is not the app's and is left out.
 * - axe (WCAG 2.1 A/AA) on every young person's and parent's page in every language, in the phone
 *   viewport (the project's Pixel 7).
 * - Right to left (Arabic, Farsi): <html dir="rtl">, and no element overflows the viewport or
 *   overlaps another, measured from the bounding boxes in the browser; a screenshot of each page
 *   is attached to the report.
 * - The chooser lists each language in its own name, works without JavaScript, and the choice is
 *   stored on the account: another device follows it. Staff are offered Danish and English.
 *
 * The file has its own server on a fresh demo database (tests/story.ts). The language of everyone
 * but oliver is chosen with the cookie alone, as on a device where they never used the chooser.
 */
import { expect, request as httpRequest, test, type Browser, type BrowserContext, type Page } from './story';
import { lix } from '../src/lib/shared/lix';
import { axeViolations, DEMO_PASSWORD, hydrated, LANGUAGE_NAMES, LANGUAGES, login, type Language } from './helpers';

const YOUTH_PAGES = [
	'/',
	'/plan',
	'/guide',
	'/consent',
	'/messages',
	'/checkin',
	'/privacy',
	'/settings/notifications',
	'/settings/sessions',
	'/settings/passkeys',
	'/profile'
];
const LIX_PAGES = ['/', '/plan', '/guide', '/consent', '/messages', '/checkin', '/privacy', '/profile', '/settings/passkeys'];
/** The pages for anyone (issue 20), read by young people and parents before they have a login. */
const PUBLIC_PAGES = ['/om', '/privatlivspolitik', '/tilgaengelighed'];
const LIX_MAX = 35;
const RTL: Language[] = ['ar', 'fa'];

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
const states = new Map<string, StorageState>();
const ids = new Map<string, string>();

/** Logs in with a plain HTTP request (no browser), so each person's session is made once. */
async function sessionOf(baseURL: string, username: string): Promise<StorageState> {
	const known = states.get(username);
	if (known) return known;
	const api = await httpRequest.newContext({ baseURL });
	const res = await api.post('/login', {
		form: { username, password: DEMO_PASSWORD },
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status(), `login as ${username}`).toBe(303);
	const state = await api.storageState();
	await api.dispose();
	states.set(username, state);
	return state;
}

/** A browser context logged in as the person, with the language chosen by its cookie. */
async function contextFor(browser: Browser, baseURL: string, username: string | null, language: Language, options = {}) {
	// No service worker: it would precache the whole app in every new context, and the pages
	// checked here are the server's, in the chosen language (the worker's own pages: pwa.spec.ts).
	const context = await browser.newContext({
		...(username ? { storageState: await sessionOf(baseURL, username) } : {}),
		serviceWorkers: 'block',
		...options
	});
	await context.addCookies([{ name: 'minvej_lang', value: language, url: baseURL }]);
	return context;
}

/** The id of a parent's child, from the parent's own page. */
async function childId(browser: Browser, baseURL: string, parent: string, childName: RegExp): Promise<string> {
	const key = `${parent}:${childName}`;
	if (ids.has(key)) return ids.get(key)!;
	const context = await contextFor(browser, baseURL, parent, 'da');
	const page = await context.newPage();
	await page.goto('/parent');
	const href = await page.getByRole('link', { name: childName }).first().getAttribute('href');
	await context.close();
	const id = href?.match(/^\/parent\/([^/]+)/)?.[1];
	expect(id, `${parent}'s link to ${childName}`).toBeTruthy();
	ids.set(key, id!);
	return id!;
}

/** Every young person's and parent's page, with who sees it. */
async function pagesToCheck(browser: Browser, baseURL: string) {
	const freja = await childId(browser, baseURL, 'karen', /Freja/);
	const noah = await childId(browser, baseURL, 'peter', /Noah/);
	return [
		...YOUTH_PAGES.map((path) => ({ who: 'freja', path })),
		{ who: 'noah', path: '/consent' },
		{ who: 'karen', path: '/parent' },
		{ who: 'karen', path: `/parent/${freja}` },
		{ who: 'karen', path: `/parent/${freja}/consent` },
		{ who: 'peter', path: `/parent/${noah}/consent` },
		{ who: 'peter', path: `/parent/${noah}/guide` },
		{ who: 'karen', path: '/settings/notifications' },
		{ who: null, path: '/login' },
		{ who: null, path: '/offline' },
		...PUBLIC_PAGES.map((path) => ({ who: null, path }))
	] as Array<{ who: string | null; path: string }>;
}

/** Runs `run` on every item, at most `limit` at a time: in `limit` lanes, each told its number. */
async function eachAtATime<T>(limit: number, items: Iterable<T>, run: (item: T, lane: number) => Promise<void>) {
	const queue = [...items];
	await Promise.all(
		Array.from({ length: limit }, async (_, lane) => {
			for (let item = queue.shift(); item !== undefined; item = queue.shift()) await run(item, lane);
		})
	);
}

async function open(page: Page, path: string, language: Language) {
	const answer = await page.goto(path);
	await hydrated(page);
	expect(answer?.status(), `${path} answered`).toBe(200);
	expect(new URL(page.url()).pathname, `${path} was not redirected`).toBe(path);
	await expect(page.locator('html')).toHaveAttribute('lang', language);
	await expect(page.locator('html')).toHaveAttribute('dir', RTL.includes(language) ? 'rtl' : 'ltr');
}

test.describe('plain Danish', () => {
	test(`every page a young person reads has a LIX of at most ${LIX_MAX}`, async ({ browser, baseURL }) => {
		test.slow();
		const figures: string[] = [];
		const over: string[] = [];
		const visits = [
			...LIX_PAGES.map((path) => ({ who: 'freja', path })),
			{ who: 'noah', path: '/consent' },
			{ who: 'amina', path: '/consent' },
			...PUBLIC_PAGES.map((path) => ({ who: null, path }))
		];
		// One tab per person, each page loaded anew in it.
		const tabs = new Map<string | null, Page>();
		const tabOf = async (who: string | null) => {
			if (!tabs.has(who)) tabs.set(who, await (await contextFor(browser, baseURL!, who, 'da')).newPage());
			return tabs.get(who)!;
		};
		try {
			for (const { who, path } of visits) {
				const page = await tabOf(who);
				await open(page, path, 'da');
				// What the page says: the visible text of <main> and the navigation, without what people wrote.
				const text = await page.evaluate(() => {
					const parts: string[] = [];
					for (const root of document.querySelectorAll('main, nav')) {
						const copy = root.cloneNode(true) as HTMLElement;
						for (const own of copy.querySelectorAll('[dir="auto"], textarea, script, style')) own.remove();
						const holder = document.createElement('div');
						holder.style.cssText = 'position:absolute;inset-inline-start:-9999px;inline-size:360px';
						holder.append(copy);
						document.body.append(holder);
						parts.push(holder.innerText);
						holder.remove();
					}
					return parts.join('\n');
				});
				const result = lix(text);
				const line = `${path} (${who}): LIX ${result.lix} – ${result.words} words, ${result.sentences} sentences, ${result.longWords} long words`;
				figures.push(line);
				if (result.words < 20) over.push(`${line}: too little text measured`);
				if (result.lix > LIX_MAX) over.push(line);
			}
		} finally {
			for (const page of tabs.values()) await page.context().close();
		}
		const report = figures.join('\n');
		console.log(`Plain Danish (LIX, at most ${LIX_MAX}):\n${report}`);
		test.info().annotations.push({ type: 'LIX', description: report });
		expect(over, report).toEqual([]);
	});
});

test.describe('every language', () => {
	// Seven long tests that only read: spread over the workers (each worker has this file's server
	// of its own, tests/story.ts), not queued on one.
	test.describe.configure({ mode: 'parallel' });
	for (const language of LANGUAGES) {
		const rtl = RTL.includes(language);
		const title = `the young person's and the parent's pages pass axe in ${LANGUAGE_NAMES[language]} (${language})`;
		test(rtl ? `${title}, and no element overflows the viewport or overlaps another` : title, async ({ browser, baseURL }) => {
			test.setTimeout(240_000);
			// One context per person (and one without a login); three pages checked at a time, in three
			// lanes. Each page is loaded anew (page.goto), in a tab the lane keeps for that person: a new
			// tab for every page cost 0.7 s a page against 0.3 s for loading it in a kept one.
			const pages = await pagesToCheck(browser, baseURL!);
			const contexts = new Map<string | null, BrowserContext>();
			for (const { who } of pages) if (!contexts.has(who)) contexts.set(who, await contextFor(browser, baseURL!, who, language));
			const tabs = new Map<string, Page>();
			const tabOf = async (lane: number, who: string | null) => {
				const key = `${lane}:${who}`;
				if (!tabs.has(key)) tabs.set(key, await contexts.get(who)!.newPage());
				return tabs.get(key)!;
			};
			const found = new Map<number, string[]>();
			try {
				await eachAtATime(3, pages.keys(), async (i, lane) => {
					const { who, path } = pages[i]!;
					const page = await tabOf(lane, who);
					await open(page, path, language);
					const where = `${path} (${who ?? 'anonymous'})`;
					const problems = (await axeViolations(page)).map((violation) => `${where}: ${violation}`);
					if (rtl) {
						// The language chooser opened too: its list must fit the phone's screen.
						if (path === '/') await page.locator('details.languages > summary').click();
						for (const p of await page.evaluate(layoutProblems)) problems.push(`${where}: ${p}`);
						await test.info().attach(`${language}${path.replace(/\//g, '_') || '_'}-${who ?? 'anonymous'}.png`, {
							// In CSS pixels: the phone's 2.625 device pixels per CSS pixel made each PNG 7 times larger.
							body: await page.screenshot({ fullPage: true, scale: 'css' }),
							contentType: 'image/png'
						});
					}
					found.set(i, problems);
				});
			} finally {
				for (const context of contexts.values()) await context.close();
			}
			const problems = pages.flatMap((_, i) => found.get(i) ?? [`${pages[i]!.path}: not checked`]);
			expect(problems, problems.join('\n')).toEqual([]);
		});
	}
});

/**
 * In the browser: everything visible that shows text or is a control or an image, and the problems
 * of their boxes – wider than the viewport, or overlapping another such element (not one inside
 * the other, not two parts of the same link or button, and not the fixed bottom navigation over
 * the page scrolling beneath it). Inline elements are measured line by line (getClientRects).
 */
function layoutProblems(): string[] {
	const vw = document.documentElement.clientWidth;
	const problems: string[] = [];
	if (document.documentElement.scrollWidth > vw + 1)
		problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px in a ${vw}px viewport`);
	const describe = (el: Element) => {
		const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
		return `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}>${text}`;
	};
	const clipped = (el: Element) => {
		for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
			const cs = getComputedStyle(a);
			if (cs.overflowX !== 'visible' || a.matches('.visually-hidden')) return true;
		}
		return false;
	};
	// A layer of its own: the fixed bottom navigation, and a dropdown drawn over the page on purpose
	// (positioned, with a z-index: the open language chooser). Its parts are checked against each other.
	const layer = (el: Element) => {
		for (let a: Element | null = el; a; a = a.parentElement) {
			const cs = getComputedStyle(a);
			if (cs.position === 'fixed' || cs.position === 'sticky' || (cs.position === 'absolute' && cs.zIndex !== 'auto')) return a;
		}
		return null;
	};
	// The content of a closed <details> is not shown (only its summary), though Chromium still lays it out.
	const folded = (el: Element) => {
		for (let a: Element | null = el.parentElement; a; a = a.parentElement)
			if (a instanceof HTMLDetailsElement && !a.open) {
				const summary = a.querySelector(':scope > summary');
				if (!summary?.contains(el)) return true;
			}
		return false;
	};
	const control = (el: Element) => el.closest('a, button, label, summary');
	const items = [...document.body.querySelectorAll('*')]
		.filter((el) => {
			const cs = getComputedStyle(el);
			if (cs.visibility === 'hidden' || cs.display === 'none' || Number(cs.opacity) === 0) return false;
			if (el.closest('.visually-hidden, .skip-link, [aria-hidden="true"] *') || folded(el)) return false;
			const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
			return hasText || el.matches('img, svg, input:not([type="hidden"]), button, select, textarea');
		})
		.map((el) => ({
			el,
			rects: [...el.getClientRects()].filter((r) => r.width >= 2 && r.height >= 2),
			layer: layer(el),
			control: control(el)
		}))
		.filter((i) => i.rects.length > 0);
	for (const { el, rects } of items) {
		if (clipped(el)) continue;
		for (const r of rects)
			if (r.left < -1 || r.right > vw + 1)
				problems.push(`${describe(el)} overflows the viewport (${Math.round(r.left)}–${Math.round(r.right)} of ${vw})`);
	}
	const TOLERANCE = 3;
	for (let i = 0; i < items.length; i++)
		for (let j = i + 1; j < items.length; j++) {
			const a = items[i]!;
			const b = items[j]!;
			if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
			if (a.control && a.control === b.control) continue;
			if (a.layer !== b.layer) continue;
			const hit = a.rects.some((ra) =>
				b.rects.some(
					(rb) =>
						Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left) > TOLERANCE &&
						Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top) > TOLERANCE
				)
			);
			if (hit) problems.push(`${describe(a.el)} overlaps ${describe(b.el)}`);
		}
	return problems;
}

test.describe('a language’s messages', () => {
	test('come once, as a script the phone keeps: not inside every page, and the app renders with them', async ({ browser, baseURL }) => {
		const context = await contextFor(browser, baseURL!, 'freja', 'uk');
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		const fromCache = new Set<string>();
		cdp.on('Network.requestServedFromCache', ({ requestId }) => fromCache.add(requestId));
		const tables: Array<{ id: string; url: string; cacheControl: string }> = [];
		cdp.on('Network.responseReceived', ({ requestId, response }) => {
			if (new URL(response.url).pathname === '/i18n.js')
				tables.push({
					id: requestId,
					url: response.url,
					cacheControl: response.headers['cache-control'] ?? response.headers['Cache-Control'] ?? ''
				});
		});

		const answer = await page.goto('/plan', { waitUntil: 'networkidle' });
		const html = await answer!.text();
		expect(html, 'the table is not inside the page').not.toContain('minvej-messages');
		expect(html).toMatch(/<script src="\/i18n\.js\?locale=uk&amp;v=[A-Za-z0-9_-]{16}"><\/script>/);
		expect(tables).toHaveLength(1);
		expect(tables[0]!.cacheControl).toContain('immutable');
		expect(fromCache.has(tables[0]!.id), 'the first page fetched it').toBe(false);

		// Rendered in the browser (a client-side navigation): in Ukrainian, from the table. Without it
		// the browser's build would show the Danish text.
		await page.locator('.bottom-nav a[href="/messages"]').click();
		await expect(page).toHaveURL(/\/messages$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/[\u0400-\u04FF]/);
		expect(tables, 'a client-side navigation needs no table').toHaveLength(1);

		// The next page the phone loads takes the table from its cache.
		await page.goto('/', { waitUntil: 'networkidle' });
		expect(tables).toHaveLength(2);
		expect(tables[1]!.url).toBe(tables[0]!.url);
		expect(fromCache.has(tables[1]!.id), 'the second page took it from the cache').toBe(true);
		await context.close();
	});
});

test.describe('a language’s messages for staff', () => {
	test('staff get their pages’ texts at an address of their own; a young person’s table leaves them out', async ({ browser, baseURL }) => {
		// A young person in English: the table without the staff pages' texts.
		const youth = await contextFor(browser, baseURL!, 'freja', 'en');
		const youthPage = await youth.newPage();
		const youthHtml = await (await youthPage.goto('/plan'))!.text();
		expect(youthHtml).toMatch(/<script src="\/i18n\.js\?locale=en&amp;v=[A-Za-z0-9_-]{16}"><\/script>/);
		expect(youthHtml).not.toContain('for=staff');
		await youth.close();

		// A guide in English: the whole table, so a staff page rendered in the browser (a client-side
		// navigation) is in English, its staff-only texts included.
		const staff = await contextFor(browser, baseURL!, 'mette', 'en');
		const page = await staff.newPage();
		const html = await (await page.goto('/staff', { waitUntil: 'networkidle' }))!.text();
		expect(html).toMatch(/<script src="\/i18n\.js\?locale=en&amp;for=staff&amp;v=[A-Za-z0-9_-]{16}"><\/script>/);
		await page.locator('.staff-nav a[href="/staff/profile"]').click();
		await expect(page).toHaveURL(/\/staff\/profile$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('My guide profile');
		await staff.close();
	});
});

test.describe('right to left', () => {
	test('a direction icon is mirrored, a user-written message keeps its own direction', async ({ browser, baseURL }) => {
		const context = await contextFor(browser, baseURL!, 'freja', 'ar');
		const page = await context.newPage();
		await open(page, '/messages', 'ar');
		const planIcon = page.locator('.bottom-nav svg.mirror-rtl').first();
		await expect(planIcon).toHaveCSS('transform', 'matrix(-1, 0, 0, 1, 0, 0)');
		const bodies = page.locator('.message .body');
		await expect(bodies.first()).toHaveAttribute('dir', 'auto'); // freja and mette have written to each other (demo)
		await expect(page.locator('textarea[name="body"]')).toHaveAttribute('dir', 'auto');
		await context.close();
	});
});

test.describe('the language chooser', () => {
	test.afterAll(async ({ baseURL }) => {
		// oliver back to Danish, for the specs that run after this one on the same database.
		const api = await httpRequest.newContext({ baseURL, storageState: await sessionOf(baseURL!, 'oliver') });
		await api.post('/language', { form: { locale: 'da', next: '/' }, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
		await api.dispose();
	});

	test('lists each language in its own name; the choice is stored on the account, so another device follows it', async ({
		browser,
		page
	}) => {
		await login(page, 'oliver');
		await page.locator('details.languages > summary').click();
		const buttons = page.locator('details.languages button[name="locale"]');
		await expect(buttons).toHaveText(LANGUAGES.map((l) => LANGUAGE_NAMES[l]));
		for (const l of LANGUAGES) await expect(buttons.filter({ hasText: LANGUAGE_NAMES[l] })).toHaveAttribute('lang', l);
		await buttons.filter({ hasText: LANGUAGE_NAMES.ar }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expect(page.getByRole('navigation', { name: 'القائمة الرئيسية' })).toBeVisible();

		// Another phone: logs in in Danish (its own browser's language), and is shown Arabic at once.
		const other = await browser.newContext();
		const phone = await other.newPage();
		await login(phone, 'oliver');
		await expect(phone.locator('html')).toHaveAttribute('lang', 'ar');
		await expect(phone.locator('html')).toHaveAttribute('dir', 'rtl');
		await other.close();
	});

	test('works without JavaScript', async ({ browser, baseURL }) => {
		const context = await contextFor(browser, baseURL!, null, 'da', { javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/login');
		await page.locator('details.languages > summary').click();
		await page.locator('details.languages').getByRole('button', { name: LANGUAGE_NAMES.so, exact: true }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'so');
		await expect(page).toHaveURL(/\/login$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gal');
		await context.close();
	});

	test('offers staff Danish and English only, and refuses to store another language for them', async ({ browser, baseURL }) => {
		const context = await contextFor(browser, baseURL!, 'mette', 'da');
		const page = await context.newPage();
		await page.goto('/staff');
		await page.locator('details.languages > summary').click();
		await expect(page.locator('details.languages button[name="locale"]')).toHaveText(['Dansk', 'English']);
		const res = await page.request.post('/language', {
			form: { locale: 'ar', next: '/staff' },
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(res.status()).toBe(303);
		await page.goto('/staff');
		await expect(page.locator('html')).toHaveAttribute('lang', 'da');
		await context.close();
	});
});
