import { expect, test } from './story';
import { hydrated, login } from './helpers';

/**
 * A young person's first view on a cheap phone (issue 18): what the server sends is compressed,
 * and the page starts without formatting again the dates the server already wrote, and without
 * reading the cookie for its language.
 *
 * The browser's first `Intl.DateTimeFormat` loads the calendar data (20–35 ms on the development
 * machine, several times that on a phone) inside the task that starts the page: on `/plan` it was
 * the largest single piece of that task's own work. The page now lists the texts of its dates
 * (src/lib/shared/date-texts.ts), and this counts every Intl date formatter the page builds from
 * its first script until it is live.
 */
const PAGES = ['/', '/plan', '/messages'] as const;

function countDateFormatters() {
	const Original = Intl.DateTimeFormat;
	const made = { count: 0, cookieReads: 0 };
	(window as unknown as { __dateFormatters: typeof made }).__dateFormatters = made;
	// Reading document.cookie asks the browser's network process (the first read took 4–7 ms).
	const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
	Object.defineProperty(Document.prototype, 'cookie', {
		configurable: true,
		get() {
			made.cookieReads++;
			return cookie.get!.call(this);
		},
		set(value: string) {
			cookie.set!.call(this, value);
		}
	});
	Intl.DateTimeFormat = new Proxy(Original, {
		construct(target, args) {
			made.count++;
			return Reflect.construct(target, args);
		},
		apply(target, self, args) {
			made.count++;
			return Reflect.apply(target, self, args);
		}
	});
}

test.describe('a young person’s first view', () => {
	for (const path of PAGES) {
		test(`${path} comes compressed and starts without building a date formatter or reading the cookie`, async ({ page }) => {
			await login(page, 'freja');
			await page.addInitScript(countDateFormatters);
			// A page that fails to hydrate is drawn again by the scripts and still ends up live: say so.
			const failures: string[] = [];
			page.on('console', (message) => {
				if (/hydrat/i.test(message.text())) failures.push(message.text());
			});
			const response = await page.goto(path);
			expect(response?.status()).toBe(200);
			expect(response!.headers()['content-encoding'], 'the HTML is compressed').toBe('br');
			const sizes = await response!.request().sizes();
			const html = await response!.body();
			expect(sizes.responseBodySize, `${html.length} B of HTML sent as ${sizes.responseBodySize} B`).toBeLessThan(html.length / 3);
			await hydrated(page);
			expect(failures, 'the page hydrated as the server drew it').toEqual([]);

			const listed: string[] = await page.evaluate(() =>
				Object.values(JSON.parse(document.getElementById('minvej-date-texts')?.textContent ?? '{}'))
			);
			expect(listed.length, 'the page lists the dates the server formatted').toBeGreaterThan(0);
			const started = await page.evaluate(
				() => (window as unknown as { __dateFormatters: { count: number; cookieReads: number } }).__dateFormatters
			);
			expect(started.count, 'date formatters built while the page started').toBe(0);
			// The scripts take the page's language from <html lang> (hooks.client.ts), not the cookie.
			expect(started.cookieReads, 'cookie reads while the page started').toBe(0);
			// The dates the reader sees are those texts, in Danish, as the server wrote them.
			const shown = await page.locator('main').innerText();
			expect(listed.filter((text) => shown.includes(text)).length, `${listed.join(' | ')} on the page`).toBeGreaterThan(0);

			// A date the page did not list is still formatted in the browser, once a formatter is built.
			const made = await page.evaluate(() => {
				new Intl.DateTimeFormat('da-DK', { dateStyle: 'long' }).format(0);
				return (window as unknown as { __dateFormatters: { count: number } }).__dateFormatters.count;
			});
			expect(made, 'the counter sees a formatter being built').toBe(1);
		});
	}
});
