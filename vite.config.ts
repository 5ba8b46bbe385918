import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { paraglideOptions } from './paraglide.options.js';
import { splitMessageModule } from './src/lib/shared/locale-split';
import { staffOnlyFiles } from './src/lib/pwa/precache-scope';
import { WEB_APP_MANIFEST } from './src/lib/shared/manifest';

/**
 * A phone pays a round trip and a gzip header for every file: in the browser's build, small shared
 * chunks are merged into others, and Svelte's runtime is one file, not ten pieces that each page
 * fetches and gzips apart. Rollup merges a chunk without side effects (our messages) even into one
 * a page loads without needing it, so the threshold is a trade, measured on /plan's first view
 * (tests/size-budget.spec.ts, Danish): 3,000 bytes 60.6 KB gzip in 19 files (the login's and
 * admin's messages rode along), 2,000 60.2 KB in 21, 1,000 59.7 KB in 23, 500 60.3 KB in 32. With
 * the sign-in pages of issue 19 (2026-12-06): 1,250 60.9 KB, 1,000 60.2 KB, 800 59.7 KB. Not in
 * the server's build: merged into a route's chunk, a shared module's exports would become the
 * route's own, which SvelteKit refuses. The date formatters' few lines (shared/date-texts.ts), which
 * every page with a date needs while it starts, ride in the runtime chunk: as their own chunk they
 * took /plan to 60.1 KB.
 */
const browserChunks: Plugin = {
	name: 'minvej-browser-chunks',
	outputOptions(options) {
		if (this.environment?.config.consumer === 'server') return null;
		return {
			...options,
			experimentalMinChunkSize: 800,
			manualChunks: (id: string) =>
				/node_modules\/svelte\/src\/internal\/client\/|\/src\/lib\/shared\/date-texts\.ts$/.test(id) ? 'svelte' : undefined
		};
	}
};

/**
 * Only the chosen language is downloaded (issue 16). In the browser's build each compiled message
 * keeps only its Danish text (the base language, every message's fallback); its text in English,
 * Arabic, Ukrainian, Turkish, Somali and Farsi comes from the table the server writes into a page
 * in that language (src/lib/shared/message-table.ts, src/lib/server/i18n). Without it every page
 * would carry all seven languages: the first view of /plan grew from 59 to 77 KB gzip. The
 * server's build keeps every language.
 */
const localeSplit: Plugin = {
	name: 'minvej-locale-split',
	enforce: 'post',
	transform(code, id) {
		if (this.environment?.config.consumer !== 'client') return null;
		const match = /\/src\/lib\/paraglide\/messages\/([a-z0-9_]+)\.js$/.exec(id);
		if (!match || match[1] === '_index') return null;
		return {
			code: splitMessageModule(code, match[1]!),
			map: null
		};
	}
};

/**
 * The service worker precaches what a young person, a parent or anyone can open, not the staff's
 * pages (src/lib/pwa/precache-scope.ts). The browser build names the files only staff pages use;
 * the worker's build, which runs after it (in a build of its own, with this file loaded anew),
 * leaves them out of its list.
 */
const STAFF_ONLY_FILES = '.svelte-kit/minvej-staff-only-files.json';
const precacheScope: Plugin = {
	name: 'minvej-precache-scope',
	generateBundle(_options, bundle) {
		if (this.environment?.config.consumer !== 'client') return;
		const chunks = Object.values(bundle).flatMap((file) =>
			file.type === 'chunk'
				? [
						{
							fileName: file.fileName,
							isEntry: file.isEntry,
							routeFiles: file.moduleIds.filter((id) => id.includes('/src/routes/')),
							imports: file.imports,
							dynamicImports: file.dynamicImports,
							css: [...(file.viteMetadata?.importedCss ?? [])]
						}
					]
				: []
		);
		// The service worker's own build is a browser build too, without the app's pages.
		if (!chunks.some((chunk) => chunk.fileName.startsWith('_app/immutable/nodes/'))) return;
		writeFileSync(STAFF_ONLY_FILES, JSON.stringify(staffOnlyFiles(chunks)));
	}
};

/** Workbox's step that drops the staff's files from the worker's precache list. */
function withoutStaffFiles<Entry extends { url: string }>(entries: Entry[]): { manifest: Entry[]; warnings: string[] } {
	const staffOnly = new Set<string>(JSON.parse(readFileSync(STAFF_ONLY_FILES, 'utf8')));
	const kept = entries.filter((entry) => !staffOnly.has(entry.url.replace(/^client\//, '')));
	return { manifest: kept, warnings: [] };
}

/**
 * Vitest runs a file it has no timings for yet (a clean clone has none) by its size, larger first.
 * The house rules' test is small but takes 20–30 s in its one ESLint run: started last, it left the
 * other core idle for that long. It starts first.
 */
class SlowFirst extends BaseSequencer {
	override async sort(files: TestSpecification[]) {
		const sorted = await super.sort(files);
		const slow = (file: TestSpecification) => file.moduleId.endsWith('/src/lib/server/house-rules.test.ts');
		return [...sorted.filter(slow), ...sorted.filter((file) => !slow(file))];
	}
}

/** The unit tests that list and read the files under src/ (see `projects` below). */
const TREE_READERS = ['src/lib/shared/design-tokens.test.ts'];

export default defineConfig({
	plugins: [
		browserChunks,
		localeSplit,
		precacheScope,
		sveltekit(),
		paraglideVitePlugin(paraglideOptions),
		// Our own service worker (src/service-worker.ts, built by SvelteKit); the plugin injects the
		// list of JS/CSS/icons to precache and writes the web app manifest. Registered by
		// src/routes/PwaClient.svelte (kit.serviceWorker.register is false).
		SvelteKitPWA({
			strategies: 'injectManifest',
			srcDir: 'src',
			filename: 'service-worker.ts',
			injectRegister: false,
			registerType: 'prompt',
			// The same fields as routes/app.webmanifest, which the pages link (in the reader's language).
			manifest: {
				...WEB_APP_MANIFEST,
				icons: [...WEB_APP_MANIFEST.icons],
				categories: [...WEB_APP_MANIFEST.categories],
				description: 'Din plan, din guide, dit valg – Kommunal Ungeindsats',
				lang: 'da',
				dir: 'ltr'
			},
			injectManifest: {
				globPatterns: ['client/**/*.{js,css,svg,png,webmanifest}'],
				// Our patterns as they are (no prerendered pages with adapter-node).
				modifyURLPrefix: { 'client/': '' },
				manifestTransforms: [withoutStaffFiles]
			},
			devOptions: { enabled: false }
		})
	],
	build: {
		// terser with two compress passes instead of esbuild's one: the same code in fewer bytes for a
		// phone (the first view of /plan: see the note in tests/size-budget.spec.ts).
		minify: 'terser',
		terserOptions: { compress: { passes: 2 }, format: { comments: false } }
	},
	server: { port: 5173 },
	test: {
		environment: 'node',
		pool: 'forks',
		// Vitest's own default in a run is one worker fewer than the cores: one worker on this 2-core
		// machine, with the other core idle while each file imports the app (263 s against 169 s for
		// the same 75 files on two workers, side by side on a quiet machine).
		maxWorkers: availableParallelism(),
		testTimeout: 20_000,
		// The compiled messages (4 MB of JavaScript in seven languages) are loaded by Node itself, not
		// sent through Vite's module runner with a source map to every test file that renders a text:
		// six server files on one worker took 14.9 and 17.7 s against 18.3 and 19.8 s before, run
		// alternately. The runtime goes with them, so the app and the messages share one locale.
		// The same for the build's structure that the locale split's test compiles (minvej-paraglide-*).
		server: { deps: { external: [/\/src\/lib\/paraglide\//, /\/minvej-paraglide-[^/]+\//] } },
		sequence: { sequencer: SlowFirst },
		projects: [
			// A worker imports the app once for all its files, not once per file (isolate: false): the 76
			// files took 96 s against 163-176 s, and passed in three orders (as listed, and shuffled with
			// two seeds). Each file still sets up what it depends on: its own database (freshDatabase in
			// testing.ts makes it the one the modules use), its own people, its own clock.
			{
				extends: true,
				test: { name: 'units', include: ['src/**/*.test.ts'], exclude: TREE_READERS, isolate: false, sequence: { groupOrder: 0 } }
			},
			// The house rules' test (in 'units') writes probe files into src/ for a while and lints them.
			// The tests that list and read the source tree run after it, so none lists a probe that is
			// removed before it is read. A new test that reads src/ belongs on this list.
			{ extends: true, test: { name: 'source-tree', include: TREE_READERS, sequence: { groupOrder: 1 } } }
		]
	}
});
