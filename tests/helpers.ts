import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContextOptions, type Page, type TestInfo } from '@playwright/test';
import Database from 'better-sqlite3';
import { storyBaseURL, storyDatabasePath } from './story';

export const DEMO_PASSWORD = 'minvej-demo';

/**
 * Logs in as the login form does (the same POST, from the page's own browser context, so the
 * session cookie lands there) and opens the role's home page (or `next`). The form itself, in the
 * browser, is what `loginWithForm` and the foundation and security specs prove; the stories only
 * need someone signed in, without a page load and a typed form each time.
 */
export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
	const origin = storyBaseURL();
	const res = await page.request.post(`${origin}/login`, {
		form: { username, password },
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status(), `${username} is let in`).toBe(303);
	await page.goto(res.headers()['location']!);
}

/**
 * Waits until the page has hydrated (the root layout marks <html data-hydrated>): its forms are
 * enhanced and its live parts started. Quicker than waiting for a quiet network, which costs at
 * least half a second of nothing on every page. A page without the app's scripts (`csr = false`:
 * the pages for anyone) has nothing to hydrate: it is ready once loaded (`page.goto` waits for that).
 */
export async function hydrated(page: Page) {
	const runsTheApp = await page.evaluate(() => [...document.scripts].some((script) => script.textContent?.includes('__sveltekit_')));
	if (runsTheApp) await expect(page.locator('html'), `${page.url()} hydrated`).toHaveAttribute('data-hydrated', '', { timeout: 20_000 });
}

/** Opens `path` and waits until it has hydrated (see `hydrated`); answers the page's response. */
export async function visit(page: Page, path: string) {
	const answer = await page.goto(path);
	await hydrated(page);
	return answer;
}

/**
 * Logs in through the real form and waits for the role's home page. Filled in again if the page's
 * hydration emptied the fields typed before it (the required fields then stop the submit).
 */
export async function loginWithForm(page: Page, username: string, password = DEMO_PASSWORD) {
	// Wait for hydration, then fill and send; retry if the page was still starting on a busy machine.
	await page.goto('/login');
	await hydrated(page);
	await expect(async () => {
		if (!new URL(page.url()).pathname.startsWith('/login')) return;
		await page.getByLabel('Brugernavn').fill(username);
		await page.getByLabel('Adgangskode').fill(password);
		await page.getByRole('button', { name: 'Log ind' }).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 5_000 });
	}).toPass({ timeout: 20_000 });
}

/**
 * Creates a new young person the way the youth unit does (a staff invite, then the young person's
 * own password) and leaves `page` logged in as them. Gives a spec a young person whose story no
 * other spec has touched.
 */
export async function inviteYouth(page: Page, staff: string, name: string, username: string, birthDate: string) {
	const password = 'en lang og god sætning';
	await login(page, staff);
	await page.goto('/staff/invites');
	await page.getByLabel('Ung').check();
	await page.getByLabel('Fulde navn').fill(name);
	await page.getByLabel('Fødselsdato').fill(birthDate);
	await page.getByRole('button', { name: /Lav invitation/ }).click();
	const notice = await page.getByTestId('invite-link').textContent();
	const link = notice?.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9]+/)?.[0];
	expect(link).toBeTruthy();
	await logout(page);
	await page.goto(link!);
	await page.getByLabel(/^Brugernavn/).fill(username);
	await page.getByLabel(/^Adgangskode/).fill(password);
	await page.getByLabel('Gentag adgangskoden').fill(password);
	await page.getByRole('button', { name: 'Opret adgang' }).click();
	await expect(page.getByRole('status')).toContainText('Din adgang er oprettet');
	await login(page, username, password);
}

export async function logout(page: Page) {
	await page.getByRole('button', { name: /Log ud|Log out/ }).click();
	await page.waitForURL(/\/login/);
}

/** The interface languages, each in its own name (as src/lib/shared/locales.ts lists them). */
export const LANGUAGE_NAMES = {
	da: 'Dansk',
	en: 'English',
	ar: 'العربية',
	uk: 'Українська',
	tr: 'Türkçe',
	so: 'Soomaali',
	fa: 'فارسی'
} as const;
export type Language = keyof typeof LANGUAGE_NAMES;
export const LANGUAGES = Object.keys(LANGUAGE_NAMES) as Language[];

/** Switches the interface language with the header's chooser (a disclosure of one button per language). */
export async function switchLanguage(page: Page, to: Language) {
	await page.locator('details.languages > summary').click();
	await page.locator('details.languages').getByRole('button', { name: LANGUAGE_NAMES[to], exact: true }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', to);
}

/** The axe-core source @axe-core/playwright itself would inject, evaluated only where axe is not there yet. */
const axeCore = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve('axe-core/axe.min.js');
const AXE_ONCE = `if (!window.axe) {\n${readFileSync(axeCore, 'utf8')}\n}`;

/**
 * The WCAG 2.1 A/AA violations axe finds on the current page, one line each. Legacy mode runs axe
 * inside the page, as one pass: the default mode finishes every run in a new blank page, which
 * doubles the time (about 1.3 s against 0.6 s a page here) and is only needed for cross-origin
 * frames, which Minvej has none of. Only violations are described in full (`resultTypes`): axe
 * otherwise builds a selector for every node that passed, which took 15–30 % of each run here
 * (/plan: 1.1–1.6 s against 1.4–1.6 s, side by side in one run at load 9).
 */
export async function axeViolations(page: Page): Promise<string[]> {
	// axe-core goes into the page once, here: in legacy mode AxeBuilder evaluates the 550 KB source
	// twice per run (in analyze() and again in its per-frame inject), some 140 ms each. Handed a
	// source that does nothing, it still configures and runs the axe already there, with the same
	// rules and results: 6.3 s against 11.0 s for 16 of freja's pages, side by side in one run.
	await page.evaluate(AXE_ONCE);
	const results = await new AxeBuilder({ page, axeSource: ';' })
		.setLegacyMode()
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.options({ resultTypes: ['violations'] })
		.analyze();
	return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Fails with the list of WCAG 2.1 A/AA violations axe finds on the current page. */
export async function expectAccessible(page: Page) {
	const summary = await axeViolations(page);
	expect(summary, summary.join('\n')).toEqual([]);
}

/**
 * A second person on their own phone: a separate browser context with the project's device,
 * language and time zone (the `page` fixture's settings), not logged in.
 */
export async function secondPhone(browser: Browser, info: TestInfo, options: BrowserContextOptions = {}): Promise<Page> {
	const { locale, timezoneId, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = info.project.use;
	const context = await browser.newContext({ locale, timezoneId, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, ...options });
	return context.newPage();
}

/** A browser context of its own (a phone of its own), logged in as the person. */
export async function as(browser: Browser, username: string, options: BrowserContextOptions = {}): Promise<Page> {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await login(page, username);
	return page;
}

/** Reads (or changes) the story's running server's database directly, for setting up a story. */
export function withDb<T>(fn: (db: Database.Database) => T): T {
	const db = new Database(storyDatabasePath());
	db.pragma('busy_timeout = 5000');
	try {
		return fn(db);
	} finally {
		db.close();
	}
}

/** A demo person's user id, from the story's database. */
export const userIdOf = (username: string) =>
	withDb((db) => (db.prepare('select id from users where username = ?').get(username) as { id: string }).id);
