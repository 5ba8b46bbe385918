import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: process.env.BUILD_DIR ?? 'build' }),
		// src/service-worker.ts is registered by the app (workbox-window), which shows "update available".
		serviceWorker: { register: false },
		// A page's style sheets come inside its HTML (each under 8 KB; the largest, the root layout's,
		// is 7.6 KB): no request to wait for before the first paint. Lighthouse with applied
		// throttling (slow 4G, 4x CPU): /plan's first paint 1.68–1.77 s -> 1.36–1.38 s (README, issue 18).
		inlineStyleThreshold: 8192,
		// SvelteKit's check against cross-site form posts cannot exempt a single path, and the SAML
		// identity provider's answer is one (HTTP-POST binding). hooks.server.ts (handleCrossSiteForms)
		// does the same check for every other path.
		csrf: { trustedOrigins: ['*'] },
		// The server resolves routes on navigation, so a phone does not download the table of every
		// route with the first page (tests/size-budget.spec.ts); it also keeps that table private.
		router: { resolution: 'server' },
		// Absolute asset paths: the service worker answers any address with the offline page, whose
		// links to scripts and styles must work from every depth.
		paths: { relative: false },
		// SvelteKit adds hashes/nonces for its own inline scripts; nothing else may run inline.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'manifest-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
