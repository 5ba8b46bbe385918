import { defineConfig, devices } from '@playwright/test';
import { findTestChromium } from './scripts/chromium-path.js';

const chromium = findTestChromium();

const TRACE_MODES = ['off', 'on', 'retain-on-failure', 'on-first-retry'] as const;
function traceMode(value: string | undefined): (typeof TRACE_MODES)[number] {
	if (value === undefined || value === '') return 'off';
	const mode = TRACE_MODES.find((m) => m === value);
	if (!mode) throw new Error(`E2E_TRACE must be one of ${TRACE_MODES.join(', ')}, not "${value}"`);
	return mode;
}

export default defineConfig({
	testDir: 'tests',
	testMatch: /.*\.spec\.ts/,
	// Every spec file has a server and database of its own (tests/story.ts; the access, fuzz and
	// crash specs start theirs themselves), so files run side by side; tests within a file run in
	// order, as a story is told.
	fullyParallel: false,
	workers: Number(process.env.E2E_WORKERS ?? 2),
	retries: 0,
	// Flows log several people in and out; on a loaded 2-core machine they need the room.
	timeout: 60_000,
	expect: { timeout: 7_000 },
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
	use: {
		...devices['Pixel 7'],
		locale: 'da-DK',
		timezoneId: 'Europe/Copenhagen',
		// Recording a trace costs every test, not only the one that fails: with it on, the plan and
		// consent specs took 129 s against 97 s without (one worker, one after the other), the
		// languages and messages specs 231 against 188 s (two workers). So a failure leaves its
		// screenshot and the error; E2E_TRACE=retain-on-failure records traces when one is wanted.
		trace: traceMode(process.env.E2E_TRACE),
		screenshot: 'only-on-failure',
		// No service worker unless a spec asks for one (test.use({ serviceWorkers: 'allow' }): the PWA,
		// offline and size specs). Installed in every new browser context, it precached the whole app
		// (150 files) each time: the plan, consent and guide specs took 134-142 s with it against
		// 104-106 s without (one worker, alternating), and half the CPU.
		serviceWorkers: 'block',
		launchOptions: {
			executablePath: chromium,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	projects: [{ name: 'phone', use: { browserName: 'chromium' } }]
});
