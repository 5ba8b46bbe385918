import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Specs that start their own server on their own database, so they can run beside the stories. */
const ISOLATED = /(access|access-log|fuzz|crash)\.spec\.ts$/;

export default defineConfig({
	testDir: 'tests',
	testMatch: /.*\.spec\.ts/,
	fullyParallel: false,
	// Two lanes: the stories share one server and database and run one file at a time, in order;
	// the specs that start their own server (on their own database) run beside them.
	workers: 2,
	retries: 0,
	// Flows log several people in and out; on a loaded 2-core machine they need the room.
	timeout: 60_000,
	expect: { timeout: 7_000 },
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
	use: {
		...devices['Pixel 7'],
		baseURL: `http://localhost:${port}`,
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
	projects: [
		{ name: 'phone', testIgnore: ISOLATED, workers: 1, use: { browserName: 'chromium' } },
		{ name: 'own-server', testMatch: ISOLATED, workers: 1, use: { browserName: 'chromium' } }
	],
	webServer: {
		// The built server on a fresh database with the demo seed.
		command: 'node scripts/e2e-server.js',
		url: `http://localhost:${port}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: {
			PORT: String(port),
			ORIGIN: `http://localhost:${port}`,
			DATABASE_PATH: process.env.E2E_DATABASE_PATH ?? './data/e2e.db',
			BUILD_DIR: process.env.BUILD_DIR ?? 'build'
		}
	}
});
