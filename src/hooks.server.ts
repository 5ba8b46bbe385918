import { building, dev } from '$app/environment';
import { error, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { defineCustomServerStrategy, type Locale } from '$lib/paraglide/runtime';
import { isLocaleName, localesFor, textDirection } from '$lib/shared/locales';
import { dateTextsTag, fillPageHead, keepDateTexts, MESSAGE_TABLE_PATH, messageTableTag, readersOf } from '$lib/server/i18n';
import { SESSION_COOKIE, validateSession } from '$lib/server/auth';
import { LOCALE_COOKIE, localeCookieOptions, sessionCookieOptions } from '$lib/server/auth';
import { startServer } from '$lib/server/app';
import { bodyLimitOf, compressResponse, readBodyBytes } from '$lib/server/http';
import { config } from '$lib/server/config';
import { runRequest } from '$lib/server/db';
import { logAccessesOf } from '$lib/server/access';
import { providerOrigins, samlProviderOrigins } from '$lib/server/sign-in';
import { SESSION_EXPIRES_HEADER } from '$lib/pwa/names';

export const init: ServerInit = async () => {
	if (!building) await startServer();
};

/**
 * The language stored on the account of the person making a request (issue 16), set by
 * handleSession: Paraglide's first strategy (`custom-account`, paraglide.options.js), before the
 * cookie and the browser's preference.
 */
const accountLocales = new WeakMap<Request, Locale>();
defineCustomServerStrategy('custom-account', { getLocale: (request) => (request ? accountLocales.get(request) : undefined) });

/**
 * The offline page in each language: the service worker fetches it without cookies as
 * `/offline?locale=<language>` (offlinePageKey) and keeps each copy. Only that page: everywhere
 * else a first visit is in Danish, whatever the browser prefers (issue 20).
 */
defineCustomServerStrategy('custom-offline', {
	getLocale: (request) => {
		if (!request) return undefined;
		const url = new URL(request.url);
		const asked = url.searchParams.get('locale');
		return /^\/offline\/?$/.test(url.pathname) && isLocaleName(asked) ? asked : undefined;
	}
});

/**
 * Language: the account's choice, else the cookie (the chooser's), else Danish: never the
 * browser's preference, so a first visit is in Danish on a phone set to English (issue 20).
 * Sets <html lang dir>: Arabic and Farsi are right to left.
 */
const handleLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request: localizedRequest, locale }) => {
		event.request = localizedRequest;
		event.locals.locale = locale;
		// A page in a language the browser's scripts leave out loads that language's messages (issue
		// 16): a script kept by the phone, or inline on the offline page, which must work alone. Staff
		// get their pages' texts too; a young person's table leaves them out.
		const readers = readersOf(event.locals.user?.role);
		const table = messageTableTag(locale, readers, /^\/offline\/?$/.test(event.url.pathname));
		// The dates the page formats go with it, so the browser need not format them again while
		// the page starts (i18n/date-texts.ts, issue 18).
		const dates = new Map<string, string>();
		return keepDateTexts(dates, () =>
			resolve(event, {
				transformPageChunk: ({ html }) => fillPageHead(html, { lang: locale, dir: textDirection(locale), tag: table + dateTextsTag(dates) })
			})
		);
	});

/**
 * The request body, for every request:
 * - A form body is read up to its route's limit (bodyLimitOf): 512 KB, a message with a photo or
 *   PDF 10.5 MB, the caseload import 5.5 MB; a larger one is 413 before it is parsed. adapter-node's
 *   BODY_SIZE_LIMIT (scripts/serve.js) is the largest of them.
 * - A form post whose body cannot be read as a form (multipart without its boundary or cut short,
 *   `text/plain`, JSON) is the sender's mistake: 400, never a server error. SvelteKit lets such
 *   content types through to the actions, where `request.formData()` would throw.
 * - A body nobody read (the request was refused first: not logged in, wrong content type) is
 *   read to its end before the answer goes out. Left unread, its bytes would be taken for the
 *   next request on the same keep-alive connection, and that request would be reset.
 */
const handleRequestBody: Handle = async ({ event, resolve }) => {
	const request = event.request;
	const limit = bodyLimitOf(event.route.id);
	request.formData = async () => {
		const bytes = await readBodyBytes(request, limit);
		if (bytes === null) error(413, 'too_large');
		const type = request.headers.get('content-type') ?? '';
		return new Response(bytes, { headers: { 'content-type': type } }).formData().catch(() => error(400, 'bad_request'));
	};
	const response = await resolve(event);
	if (request.body && !request.bodyUsed) await request.body.pipeTo(new WritableStream()).catch(() => undefined);
	return response;
};

/**
 * Session: validates the cookie, slides its expiry, or clears a dead cookie. Every answer to a
 * logged-in person says when the session ends (the earlier of its idle and absolute end): the
 * service worker keeps a personal page for offline reading only until then.
 */
const handleSession: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = null;
	event.locals.sessionId = null;
	const session = token ? validateSession(token) : null;
	if (token && session) {
		event.locals.user = session.user;
		event.locals.sessionId = session.id;
		event.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(session.expiresAt));
		// The account's language wins; the cookie follows it, so the browser's Paraglide agrees.
		// Staff pages are in Danish and English only: a language chosen before logging in that staff
		// pages lack gives way to Danish.
		const cookie = event.cookies.get(LOCALE_COOKIE);
		const allowed = localesFor(session.user.role);
		const chosen = isLocaleName(session.locale) ? session.locale : isLocaleName(cookie) && !allowed.includes(cookie) ? 'da' : null;
		if (chosen) {
			accountLocales.set(event.request, chosen);
			if (cookie !== chosen) event.cookies.set(LOCALE_COOKIE, chosen, localeCookieOptions);
		}
	} else if (token) {
		event.cookies.delete(SESSION_COOKIE, { path: '/' });
	}
	const response = await resolve(event);
	if (session) response.headers.set(SESSION_EXPIRES_HEADER, session.expiresAt.toISOString());
	return response;
};

/**
 * SAML's answers arrive as cross-site form posts from the identity provider (HTTP-POST binding):
 * the ACS and the answer to single logout. Only these paths take a form post from another origin
 * (or from `Origin: null`, which a provider's page with no-referrer sends); each checks what it is
 * sent itself (sign-in/saml.ts). Their origin is not known before the metadata is read.
 */
const CROSS_SITE_FORM_PATHS = /^\/login\/saml\/(citizen|staff)\/(acs|logout)\/?$/;
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain', 'application/x-sveltekit-formdata']);

/**
 * SvelteKit's own check against cross-site form posts (CSRF), everywhere but the paths above:
 * svelte.config.js turns SvelteKit's check off (it cannot exempt one path) and this handle, first
 * in line, does the same check in its place.
 */
const handleCrossSiteForms: Handle = ({ event, resolve }) => {
	const { request, url } = event;
	if (dev || !['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method)) return resolve(event);
	const type = request.headers.get('content-type')?.split(';', 1)[0]!.trim().toLowerCase() ?? '';
	const origin = request.headers.get('origin');
	if (FORM_TYPES.has(type) && origin !== url.origin && !CROSS_SITE_FORM_PATHS.test(url.pathname)) {
		const message = `Cross-site ${request.method} form submissions are forbidden`;
		if (request.headers.get('accept') === 'application/json') return Response.json({ message }, { status: 403 });
		return new Response(message, { status: 403, headers: { 'content-type': 'text/plain;charset=UTF-8' } });
	}
	return resolve(event);
};

/** Paths anyone may open without logging in. */
const PUBLIC_PATHS = [
	/^\/app\.webmanifest$/,
	/^\/login\/?$/,
	// Signing in with a passkey (issue 19): a JSON endpoint the login page calls.
	/^\/login\/passkey\/?$/,
	// Signing in with an outside provider (issue 19): the start, the callback and the link page.
	/^\/login\/oidc\/[^/]+(\/callback)?\/?$/,
	// SAML (issue 19): the start, our SP metadata, the ACS, the answer to single logout, the refusal page.
	/^\/login\/saml\/[^/]+(\/(metadata|acs|logout|refused))?\/?$/,
	/^\/login\/link\/?$/,
	/^\/logout\/?$/,
	/^\/invite\/[^/]+\/?$/,
	/^\/healthz\/?$/,
	/^\/offline\/?$/,
	/^\/language\/?$/,
	// A language's messages for the pages (issue 16): nothing personal.
	/^\/i18n\.js$/,
	// The public pages (issue 20): about Minvej, the privacy notice, the accessibility statement.
	/^\/om\/?$/,
	/^\/privatlivspolitik\/?$/,
	/^\/tilgaengelighed\/?$/
];

/** Anyone not logged in who asks for a page is sent to /login, and back after login. */
const handleLoginRequired: Handle = ({ event, resolve }) => {
	const path = event.url.pathname;
	if (!event.locals.user && !PUBLIC_PATHS.some((p) => p.test(path))) {
		if (path.startsWith('/api/')) {
			return new Response(JSON.stringify({ error: 'unauthenticated' }), {
				status: 401,
				headers: { 'content-type': 'application/json' }
			});
		}
		// Back after login, unless the address is far too long to be one of ours: it is not copied
		// into a Location header that proxies and clients would refuse.
		const next = path + event.url.search;
		const location = next === '/' || next.length > 2000 ? '/login' : `/login?next=${encodeURIComponent(next)}`;
		return new Response(null, { status: 303, headers: { location } });
	}
	return resolve(event);
};

const FALLBACK_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Security headers on every response; personal pages are never stored by caches. */
const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	h.set('X-Content-Type-Options', 'nosniff');
	h.set('Referrer-Policy', 'same-origin');
	h.set('X-Frame-Options', 'DENY');
	h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	h.set('Cross-Origin-Opener-Policy', 'same-origin');
	// SvelteKit sets the pages' own policy (svelte.config.js). Everything else (JSON, CSV, streams,
	// redirects and SvelteKit's static error page, which has only an inline <style>) may load nothing.
	if (!h.has('Content-Security-Policy')) h.set('Content-Security-Policy', FALLBACK_CSP);
	// A sign-in button's post and the logout post may end at a configured sign-in provider (issue 19).
	const csp = h.get('Content-Security-Policy')!;
	const providers = [...new Set([...providerOrigins(), ...(await samlProviderOrigins())])];
	if (providers.length && csp.includes("form-action 'self'")) {
		h.set('Content-Security-Policy', csp.replace("form-action 'self'", `form-action 'self' ${providers.join(' ')}`));
	}
	if (event.url.protocol === 'https:') h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	// The build's files and a language's messages (the same for everyone) may be kept.
	const isStaticAsset =
		event.url.pathname.startsWith('/_app/immutable/') || (event.url.pathname === MESSAGE_TABLE_PATH && response.status === 200);
	if (!isStaticAsset && !h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
	if (event.locals.user && !isStaticAsset) h.set('Cache-Control', 'no-store');
	return response;
};

/**
 * Each request runs in its own scope (db/request-scope.ts): facts read once per request, and with
 * COUNT_STATEMENTS=true the number of SQL statements it ran in `Server-Timing` (the budgets in
 * tests/statement-budget.spec.ts).
 */
const handleRequestScope: Handle = async ({ event, resolve }) => {
	const { result, statements } = await runRequest(() => Promise.resolve(resolve(event)));
	if (config.countStatements) result.headers.append('Server-Timing', `db;desc="${statements} statements"`);
	return result;
};

/**
 * The access log: the reads a request records (recordAccess) are written in one transaction once
 * its response is ready, before it goes out (issue 23). If that write fails, the request fails
 * (a 500): no page is shown whose reading is not on record.
 */
const handleAccessLog: Handle = ({ event, resolve }) => logAccessesOf(() => Promise.resolve(resolve(event)));

/**
 * The server's own answers (pages, data, messages, exports) compressed for the phone when the
 * browser takes it (http/compression.ts). It wraps every other handle, so it compresses what they made.
 */
const handleCompression: Handle = async ({ event, resolve }) => compressResponse(event.request, await resolve(event));

// Cross-site form posts are refused before anything else runs, as SvelteKit's own check did
// (compression only touches the answer on its way out). The session comes before the language:
// the account's stored language decides it.
export const handle = sequence(
	handleCompression,
	handleCrossSiteForms,
	handleRequestScope,
	handleAccessLog,
	handleSecurityHeaders,
	handleSession,
	handleLocale,
	handleRequestBody,
	handleLoginRequired
);

/**
 * Unexpected errors: log the detail on the server, show the user only a reference. A client's
 * mistake that SvelteKit refuses itself (404, 405, 415 …) is not logged: anyone could flood the
 * log with stack traces by sending bad requests.
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
	const reference = crypto.randomUUID().slice(0, 8);
	if (status >= 500) console.error(`[${reference}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: status === 404 ? 'not_found' : 'unexpected', reference };
};
