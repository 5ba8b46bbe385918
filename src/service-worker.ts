/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Minvej's service worker (Workbox, built by SvelteKit; @vite-pwa/sveltekit injects the list of
 * files to precache).
 *
 * - The app's JS, CSS, icons and manifest are precached; the offline page is kept per language,
 *   and a language's messages (/i18n.js) once a page has loaded them.
 * - The young person's home, plan and messages (pages and their __data.json) are fetched from
 *   the network first and kept for reading offline. Workbox caches them although the server says
 *   `no-store` (that still keeps them out of the HTTP cache), so they are removed when a login
 *   page is shown (logout, or a session that ended), when the server answers 401, and on a
 *   language switch. Each copy keeps the end of its session (the server's X-Session-Expires) and
 *   is never shown past it: it is deleted instead, and the offline page shown.
 * - A navigation without network shows the kept page ("seen at …", the page asks) or the
 *   offline page.
 * - Messages written offline wait in the IndexedDB outbox and go out on Background Sync, or when
 *   a page asks (on start and when back online).
 * - Web Push shows the notice; a tap opens the app where the news is.
 */
import { version } from '$service-worker';
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkFirst, NetworkOnly } from 'workbox-strategies';
import type { WorkboxPlugin } from 'workbox-core/types';
import {
	KEPT_UNTIL_HEADER,
	OFFLINE_PAGES,
	OUTBOX_SYNC_TAG,
	PAGES_CACHE,
	SAVED_AT_HEADER,
	SESSION_EXPIRES_HEADER,
	SHELL_CACHE_PREFIX,
	keptCopyValid,
	offlinePageKey,
	type FromWorker,
	type ToWorker
} from '$lib/pwa/names';
import { clearOutbox, flushOutbox } from '$lib/pwa/outbox';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

const SHELL_CACHE = SHELL_CACHE_PREFIX + version;
// The interface languages (src/lib/shared/locales.ts; not imported, to keep Paraglide's runtime out of the worker).
const LOCALES = ['da', 'en', 'ar', 'uk', 'tr', 'so', 'fa'] as const;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
clientsClaim();

// ---- Life cycle ----------------------------------------------------------------------------------

/** The offline page in each language (`/offline?locale=`), fetched without cookies: it holds nothing personal. */
async function cacheOfflinePages() {
	const cache = await caches.open(SHELL_CACHE);
	await Promise.all(
		LOCALES.map(async (locale) => {
			const response = await fetch(offlinePageKey(locale), { credentials: 'omit' });
			if (!response.ok) throw new Error(`offline page: ${response.status}`);
			await cache.put(offlinePageKey(locale), response);
		})
	);
}

self.addEventListener('install', (event) => event.waitUntil(cacheOfflinePages()));

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys()) if (name.startsWith(SHELL_CACHE_PREFIX) && name !== SHELL_CACHE) await caches.delete(name);
		})()
	);
});

// ---- Personal data -------------------------------------------------------------------------------

/** Per page (client id): for each path, when the copy it was given was saved (null: fresh). */
const servedFrom = new Map<string, Map<string, string | null>>();

function recordServed(clientId: string | undefined, path: string, savedAt: string | null) {
	if (!clientId) return;
	const paths = servedFrom.get(clientId) ?? new Map<string, string | null>();
	paths.set(path, savedAt);
	servedFrom.set(clientId, paths);
}

async function tellPages(message: FromWorker) {
	for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(message);
}

/** Logout, an ended session: the next person on this phone must see nothing. */
async function clearPersonalData() {
	servedFrom.clear();
	await caches.delete(PAGES_CACHE);
	await clearOutbox();
	const subscription = await self.registration.pushManager?.getSubscription();
	await subscription?.unsubscribe();
	await tellPages({ type: 'PERSONAL_CLEARED' });
}

/** True when a fetch was sent to the login page: the session is gone. */
const endedAtLogin = (response: Response) => response.redirected && new URL(response.url).pathname === '/login';

/**
 * Keeps only real pages and data of the logged-in person, stamped with when they were saved and
 * until when they may be shown: the session's end, counted on this device's clock from the
 * server's (Date), should the two clocks differ. A copy past it is deleted, not shown.
 */
const keepPersonalPage: WorkboxPlugin = {
	cacheWillUpdate: async ({ response }) => {
		if (response.status !== 200 || response.redirected || response.type !== 'basic') return null;
		const sessionEnds = Date.parse(response.headers.get(SESSION_EXPIRES_HEADER) ?? '');
		if (!Number.isFinite(sessionEnds)) return null;
		const serverNow = Date.parse(response.headers.get('date') ?? '');
		const keptUntil = Number.isFinite(serverNow) ? Date.now() + (sessionEnds - serverNow) : sessionEnds;
		const headers = new Headers(response.headers);
		headers.set(SAVED_AT_HEADER, new Date().toISOString());
		headers.set(KEPT_UNTIL_HEADER, new Date(keptUntil).toISOString());
		return new Response(await response.blob(), { status: 200, statusText: response.statusText, headers });
	},
	cachedResponseWillBeUsed: async ({ cacheName, request, cachedResponse }) => {
		if (!cachedResponse || keptCopyValid(cachedResponse)) return cachedResponse ?? null;
		await (await caches.open(cacheName)).delete(request);
		return null;
	}
};

const personalPages = new NetworkFirst({ cacheName: PAGES_CACHE, plugins: [keepPersonalPage] });

const pagePath = (url: URL) => url.pathname.replace(/\/__data\.json$/, '') || '/';
const isOfflinePage = (path: string) => (OFFLINE_PAGES as readonly string[]).includes(path);
const sameOrigin = (url: URL) => url.origin === self.location.origin;

// Home, plan and messages: network first, kept for offline.
registerRoute(
	({ request, url }) =>
		sameOrigin(url) && isOfflinePage(pagePath(url)) && (request.mode === 'navigate' || url.pathname.endsWith('/__data.json')),
	async (options) => {
		const { request, url } = options;
		const event = options.event as FetchEvent;
		const response = await personalPages.handle(options);
		const savedAt = response.headers.get(SAVED_AT_HEADER);
		const clientId = request.mode === 'navigate' ? event.resultingClientId : event.clientId;
		recordServed(clientId, pagePath(url), savedAt);
		if (!savedAt && url.pathname.endsWith('/__data.json') && endedAtLogin(response)) {
			await clearPersonalData();
			return Response.json({ type: 'redirect', location: '/login' });
		}
		return response;
	}
);

// A language's messages (/i18n.js?locale=…&v=…, named by their content): kept once fetched, so the
// kept pages above are in their language offline too. A new version of the worker starts afresh.
registerRoute(
	({ url }) => sameOrigin(url) && url.pathname === '/i18n.js' && url.searchParams.has('v'),
	new CacheFirst({ cacheName: SHELL_CACHE })
);

// Other pages' data: from the network; a detour to the login page means the session ended.
registerRoute(
	({ url }) => sameOrigin(url) && url.pathname.endsWith('/__data.json'),
	async ({ request }) => {
		const response = await fetch(request);
		if (!endedAtLogin(response)) return response;
		await clearPersonalData();
		return Response.json({ type: 'redirect', location: '/login' });
	}
);

// Which route a link leads to (the server resolves routes, `router.resolution: 'server'`). Without
// network the answer is "no route known", and the app then loads the page the ordinary way, which
// the rules above answer with the kept page or the offline page.
const NO_ROUTE = 'export const route = null;\nexport const params = {};\n';
registerRoute(
	({ url }) => sameOrigin(url) && url.pathname.endsWith('/__route.js'),
	async ({ request }) => {
		try {
			return await fetch(request);
		} catch {
			return new Response(NO_ROUTE, { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' } });
		}
	}
);

// The login page itself (not a redirect home): whoever was here has logged out.
registerRoute(
	({ request, url }) => sameOrigin(url) && request.mode === 'navigate' && url.pathname === '/login',
	async ({ request }) => {
		const response = await fetch(request);
		if (response.status === 200) await clearPersonalData();
		return response;
	}
);

// Sending a message: passed through by the worker (never kept), so that an answer saying the
// session has ended clears personal data here too.
registerRoute(
	({ url }) => sameOrigin(url) && url.pathname === '/api/messages',
	async ({ request }) => {
		const response = await fetch(request);
		if (response.status === 401) await clearPersonalData();
		return response;
	},
	'POST'
);

// A language switch: kept pages are in the old language.
registerRoute(
	({ url }) => sameOrigin(url) && url.pathname === '/language',
	async ({ request }) => {
		await caches.delete(PAGES_CACHE);
		return fetch(request);
	},
	'POST'
);

// Any other page: from the network (the offline page when there is none). Requests that are not
// navigations (the API, the live event stream) never pass through the worker.
registerRoute(({ request, url }) => sameOrigin(url) && request.mode === 'navigate', new NetworkOnly());

/** The offline page in the language chosen on this device (the cookie), else Danish. */
async function offlinePage(): Promise<Response> {
	// The Cookie Store API (Chromium, Safari); elsewhere Danish, the default.
	const chosen = 'cookieStore' in self ? (await self.cookieStore.get('minvej_lang'))?.value : undefined;
	const locale = LOCALES.find((l) => l === chosen) ?? 'da';
	const cache = await caches.open(SHELL_CACHE);
	return (await cache.match(offlinePageKey(locale))) ?? (await cache.match(offlinePageKey('da'))) ?? Response.error();
}

setCatchHandler(async ({ request }) => (request.mode === 'navigate' ? offlinePage() : Response.error()));

// ---- The outbox ------------------------------------------------------------------------------------

async function sendOutbox() {
	const result = await flushOutbox();
	if (result.sent.length) await tellPages({ type: 'OUTBOX_CHANGED' });
	if (result.unauthenticated) await clearPersonalData();
	// Still waiting (the server is busy): fail the round so the browser tries again later.
	else if (result.waiting > 0) throw new Error('outbox: messages still waiting');
}

self.addEventListener('sync', (event) => {
	if (event.tag === OUTBOX_SYNC_TAG) event.waitUntil(sendOutbox());
});

// ---- Messages from the pages -----------------------------------------------------------------------

self.addEventListener('message', (event) => {
	const data = event.data as ToWorker;
	const source = event.source as Client | null;
	switch (data?.type) {
		case 'SKIP_WAITING':
			void self.skipWaiting();
			break;
		case 'CLEAR_PERSONAL':
			event.waitUntil(clearPersonalData());
			break;
		case 'FLUSH_OUTBOX':
			event.waitUntil(sendOutbox().catch(() => undefined));
			break;
		case 'SAVED_AT': {
			const savedAt = (source && servedFrom.get(source.id)?.get(data.path)) ?? null;
			event.ports[0]?.postMessage({ savedAt });
			break;
		}
	}
});

// ---- Web Push --------------------------------------------------------------------------------------

interface PushPayload {
	kind: string;
	title: string;
	body: string;
	/** The language stored for the person, and its direction (Arabic and Farsi: rtl). */
	lang?: string;
	dir?: NotificationDirection;
	url: string;
}

self.addEventListener('push', (event) => {
	let payload: PushPayload;
	try {
		payload = event.data?.json() as PushPayload;
	} catch {
		return;
	}
	if (!payload?.title) return;
	event.waitUntil(
		(async () => {
			// Already looking at it: no notice needed.
			const windows = (await self.clients.matchAll({ type: 'window' })) as WindowClient[];
			if (windows.some((w) => w.focused && new URL(w.url).pathname === payload.url)) return;
			await self.registration.showNotification(payload.title, {
				body: payload.body,
				icon: '/icons/icon-192.png',
				badge: '/icons/icon-192.png',
				tag: payload.kind,
				lang: payload.lang,
				dir: payload.dir,
				data: { url: payload.url }
			});
		})()
	);
});

self.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const target = new URL((event.notification.data as { url?: string })?.url ?? '/', self.location.origin);
	if (!sameOrigin(target)) return;
	event.waitUntil(
		(async () => {
			for (const client of await self.clients.matchAll({ type: 'window' })) {
				if ('focus' in client) {
					await (client as WindowClient).focus();
					await (client as WindowClient).navigate(target.href);
					return;
				}
			}
			await self.clients.openWindow(target.href);
		})()
	);
});
