import { defineConfig, devices } from '@playwright/test';
import { findTestChromium } from './scripts/chromium-path.js';

const chromium = findTestChromium();

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
		trace: 'retain-on-failure',
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
