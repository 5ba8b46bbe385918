import { expect, test, type Page } from './story';
import { login } from './helpers';

/**
 * Nothing moves while a young person's first pages start (issue 18: Cumulative Layout Shift 0).
 * Chromium reports every layout shift the reader did not cause (`layout-shift` entries without
 * recent input); their sum over the load and the start of the page's scripts must be 0. On /plan
 * the print button, which needs JavaScript, appeared above the plan once the page was live and
 * moved everything below it (Lighthouse: CLS 0.056; this test, on the build before the change:
 * 0.055, the goal card and the first step group); it now comes last. Each page is a first visit
 * (empty cache, no service worker) on a throttled phone, as Lighthouse loads it: on a fast load the
 * scripts start before the first paint and nothing is seen to move.
 *
 * A slow phone also paints a page before it has all of it: when the HTML parser stops (the next bytes
 * are late, or it yields to paint), Chromium shows what it has. Under load the header was painted
 * with only its language chooser, and the bell, profile and log-out arrived a frame later and
 * pushed the chooser aside (/messages 0.004–0.006 in CI; /, /plan and /messages at 4× CPU
 * throttling beside two busy loops: 2 of 18 loads, at 12×: 9 of 12). Each page now holds its first
 * paint until its footer is parsed (`<link rel="expect" blocking="render">` in app.html). The test
 * makes the parser stop inside the header on every load, so it does not depend on the machine's
 * load: a parser-blocking script the browser waits for, after the language chooser.
 */
const PAGES = ['/', '/plan', '/messages'] as const;

type Shifts = { total: number; sources: string[] };

/** From before the first script of every page: each shift the reader did not cause, summed. */
function recordShifts() {
	const shifts: Shifts = { total: 0, sources: [] };
	(window as unknown as { __shifts: Shifts }).__shifts = shifts;
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries() as (PerformanceEntry & {
			value: number;
			hadRecentInput: boolean;
			sources?: { node?: Node }[];
		})[]) {
			if (entry.hadRecentInput) continue;
			shifts.total += entry.value;
			for (const source of entry.sources ?? []) {
				const node = source.node as Element | undefined;
				shifts.sources.push(node?.nodeName ? `${node.nodeName.toLowerCase()}.${[...(node.classList ?? [])].join('.')}` : '?');
			}
		}
	}).observe({ type: 'layout-shift', buffered: true });
}

/** The parser stops inside the header, as a slow phone's does, until this script comes (0.5 s later). */
const PARSER_STOP = '/__parser-stop.js';

async function stopParserInHeader(page: Page, path: string) {
	await page.route(PARSER_STOP, async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 500));
		await route.fulfill({ contentType: 'text/javascript', body: '' });
	});
	await page.route(path, async (route) => {
		const response = await route.fetch();
		const html = await response.text();
		const stopped = html.replace('</details>', `</details><script src="${PARSER_STOP}"></script>`);
		expect(stopped, 'the header has its language chooser').not.toBe(html);
		await route.fulfill({ response, body: stopped });
	});
}

async function shiftsOf(page: Page, path: string): Promise<Shifts> {
	await page.goto(path, { waitUntil: 'networkidle' });
	// Let the page's scripts finish starting and the browser report what moved.
	await page.waitForTimeout(750);
	return page.evaluate(() => (window as unknown as { __shifts: Shifts }).__shifts);
}

test('a young person’s first pages do not move while they start', async ({ browser, page }) => {
	await login(page, 'freja');
	const storageState = await page.context().storageState();
	for (const path of PAGES) {
		// A first visit: a new browser with an empty cache and no service worker yet.
		const context = await browser.newContext({ storageState, serviceWorkers: 'block' });
		try {
			const first = await context.newPage();
			await first.addInitScript(recordShifts);
			await stopParserInHeader(first, path);
			// A cheap phone, as Lighthouse's mobile run has it: the CPU four times slower and the
			// scripts slow to arrive, so the page is painted before its scripts start.
			const cdp = await context.newCDPSession(first);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
			await cdp.send('Network.enable');
			await cdp.send('Network.emulateNetworkConditions', {
				offline: false,
				latency: 150,
				downloadThroughput: 200_000,
				uploadThroughput: 90_000
			});
			const { total, sources } = await shiftsOf(first, path);
			expect(total, `layout shift on ${path}: ${sources.join(', ')}`).toBe(0);
		} finally {
			await context.close();
		}
	}
	// The print button is there once the plan is live, after the plan.
	await page.goto('/plan');
	const print = page.getByRole('button', { name: 'Udskriv planen' });
	await expect(print).toBeVisible();
	const [printTop, historyTop] = await Promise.all([
		print.evaluate((el) => el.getBoundingClientRect().top),
		page
			.locator('main .plan > *:not(p)')
			.last()
			.evaluate((el) => el.getBoundingClientRect().top)
	]);
	expect(printTop).toBeGreaterThan(historyTop);
});
