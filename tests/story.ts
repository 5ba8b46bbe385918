/**
 * The browser stories' `test`: every spec file that imports it gets a server of its own, the built
 * app on a fresh demo database, started when the file's first test (or hook) needs it and stopped
 * when the worker moves on to another file or ends. So no story depends on what another file did
 * (who is logged in where, how many reads are on record, which consents were left given), and the
 * files run side by side on as many workers as the config allows.
 *
 * `baseURL` points at the file's server, so `page`, `request` and every `browser.newContext()`
 * reach it; `story.databasePath` is its database, for the few stories that set up or check a row
 * directly.
 */
import { test as base } from '@playwright/test';
import { startServer, type AppServer } from './access/server';

// Everything else as Playwright has it (`expect`, `devices`, `request`, the types); `test` is ours.
export * from '@playwright/test';

export interface Story {
	/** The file's server as the browser reaches it (its ORIGIN): http://localhost:<port>. */
	baseURL: string;
	/** The file's own SQLite database. */
	databasePath: string;
}

let active: Story | undefined;

/** The current file's database (a worker runs one file at a time), for helpers outside a fixture. */
export function storyDatabasePath(): string {
	if (!active) throw new Error('No story server yet: call this inside a test or hook of a file that imports tests/story.ts');
	return active.databasePath;
}

/** The current file's server as the browser reaches it, for helpers outside a fixture. */
export function storyBaseURL(): string {
	if (!active) throw new Error('No story server yet: call this inside a test or hook of a file that imports tests/story.ts');
	return active.baseURL;
}

/** One server at a time per worker: the current file's. */
class StoryServers {
	private current: { file: string; server: AppServer } | undefined;

	async for(file: string): Promise<Story> {
		if (this.current?.file !== file) {
			await this.stop();
			const server = await startServer({ name: 'story', origin: (port) => `http://localhost:${port}` });
			this.current = { file, server };
		}
		const { server } = this.current!;
		active = { baseURL: server.origin, databasePath: server.databasePath };
		return active;
	}

	async stop() {
		const server = this.current?.server;
		this.current = undefined;
		active = undefined;
		await server?.stop();
	}
}

export const test = base.extend<{ story: Story }, { storyServers: StoryServers }>({
	storyServers: [
		// Playwright reads a fixture's dependencies from its first parameter: this one has none.
		// eslint-disable-next-line no-empty-pattern
		async ({}, use) => {
			const servers = new StoryServers();
			try {
				await use(servers);
			} finally {
				// Also when the worker ends after a failure or a timeout: the server never outlives it.
				await servers.stop();
			}
		},
		{ scope: 'worker', timeout: 60_000 }
	],
	story: async ({ storyServers }, use, testInfo) => {
		await use(await storyServers.for(testInfo.file));
	},
	baseURL: async ({ story }, use) => {
		await use(story.baseURL);
	}
});
