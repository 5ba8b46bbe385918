import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './paraglide.options.js';

/**
 * A phone pays a round trip and a gzip header for every file: in the browser's build, small shared
 * chunks are merged into others where that adds no code to any page (tests/size-budget.spec.ts),
 * and Svelte's runtime is one file, not ten pieces that each page fetches and gzips apart. Not in
 * the server's build: merged into a route's chunk, a shared module's exports would become the
 * route's own, which SvelteKit refuses.
 */
const browserChunks: Plugin = {
	name: 'minvej-browser-chunks',
	outputOptions(options) {
		if (this.environment?.config.consumer === 'server') return null;
		return {
			...options,
			experimentalMinChunkSize: 3_000,
			manualChunks: (id: string) => (/node_modules\/svelte\/src\/internal\/client\//.test(id) ? 'svelte' : undefined)
		};
	}
};

/**
 * Only the chosen language is downloaded (issue 16): in the browser's build, each compiled message
 * keeps its Danish and English text, and its Arabic, Ukrainian, Turkish, Somali and Farsi text is
 * replaced by a lookup in the table the server writes into a page in that language
 * (src/lib/shared/message-table.ts, src/lib/server/i18n). Without it every page would carry all
 * seven languages (the first view of /plan grew from 59 to 77 KB gzip). The server's build keeps
 * every language. Messages only staff see are Danish in those languages already (an alias), and
 * stay so.
 */
const SPLIT = ['ar', 'uk', 'tr', 'so', 'fa'];
const localeSplit: Plugin = {
	name: 'minvej-locale-split',
	enforce: 'post',
	transform(code, id) {
		if (this.environment?.config.consumer !== 'client') return null;
		const match = /\/src\/lib\/paraglide\/messages\/([a-z0-9_]+)\.js$/.exec(id);
		if (!match || match[1] === '_index') return null;
		const key = match[1]!;
		let replaced = 0;
		let out = code;
		for (const locale of SPLIT) {
			const fn = new RegExp(`const ${locale}_${key} = [^\\n]*=> \\{\\n[\\s\\S]*?\\n\\};`);
			out = out.replace(fn, () => {
				replaced++;
				return `const ${locale}_${key} = (i) => tableMessage(${JSON.stringify(locale)}, ${JSON.stringify(key)}, i) ?? da_${key}(i);`;
			});
		}
		if (replaced === 0) return null;
		return { code: `import { tableMessage } from '$lib/shared/message-table';\n${out}`, map: null };
	}
};

export default defineConfig({
	plugins: [
		browserChunks,
		localeSplit,
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
			manifest: {
				id: '/',
				name: 'Minvej',
				short_name: 'Minvej',
				description: 'Din plan, din guide, dit valg – Kommunal Ungeindsats',
				lang: 'da',
				dir: 'ltr',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				orientation: 'portrait',
				theme_color: '#0b5d4b',
				background_color: '#f6f7f5',
				categories: ['education', 'social'],
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
					{ src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
				]
			},
			injectManifest: {
				globPatterns: ['client/**/*.{js,css,svg,png,webmanifest}'],
				// Our patterns as they are (no prerendered pages with adapter-node).
				modifyURLPrefix: { 'client/': '' }
			},
			devOptions: { enabled: false }
		})
	],
	server: { port: 5173 },
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node',
		pool: 'forks',
		testTimeout: 20_000
	}
});
