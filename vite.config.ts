import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './paraglide.options.js';

export default defineConfig({
	plugins: [
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
		}),
		{
			// A phone pays a round trip and a gzip header for every file: small shared chunks are
			// merged into others where that adds no code to any page (tests/size-budget.spec.ts).
			// Only in the browser's build: on the server, merging puts route modules into each other's
			// files, and SvelteKit refuses a +page.server.ts entry that then exports more than its own.
			name: 'minvej-client-min-chunk-size',
			enforce: 'post',
			config: (config) => (config.build?.ssr ? undefined : { build: { rollupOptions: { output: { experimentalMinChunkSize: 3_000 } } } })
		}
	],
	server: { port: 5173 },
	build: {
		rollupOptions: {
			output: {
				// Svelte's runtime as one file, not ten pieces that each page fetches and gzips apart.
				manualChunks: (id: string) => (/node_modules\/svelte\/src\/internal\/client\//.test(id) ? 'svelte' : undefined)
			}
		}
	},
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node',
		pool: 'forks',
		testTimeout: 20_000
	}
});
