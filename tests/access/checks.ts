/**
 * What every answer must carry (applied to every response the matrix and the crawl receive):
 *
 * - Cookies: the session cookie is HttpOnly, SameSite=Lax, Path=/ and has an expiry; the language
 *   cookie is SameSite=Lax and Path=/ (not HttpOnly on purpose: Paraglide reads it in the
 *   browser). Both are Secure exactly when the public origin is not http://localhost: SvelteKit's
 *   `cookies.set` defaults to Secure except on http://localhost (src/lib/server/auth/cookie.ts
 *   relies on that), so in production behind TLS (ORIGIN=https://…) they are Secure, and a
 *   developer's http://localhost keeps working. No other cookie is set.
 * - Headers: a Content-Security-Policy with frame-ancestors 'none' (pages: also no inline or
 *   eval'd script), X-Content-Type-Options: nosniff, a Referrer-Policy that never sends the
 *   address to another site, X-Frame-Options: DENY, and Strict-Transport-Security on https.
 * - Caching: `Cache-Control: no-store` on every page, JSON, CSV, stream and redirect: they may
 *   carry a young person's data or depend on who asks. Only the build's fingerprinted files under
 *   /_app/immutable/ may be cached (for a year, immutable): they hold no personal data and their
 *   names change with their content.
 */
import type { Reply } from './client';

export interface Expectations {
	/** Cookies must be Secure (the public origin is https). */
	secure: boolean;
}

const SAFE_REFERRER_POLICIES = ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'];

function values(reply: Reply, name: string): string[] {
	return reply.headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
}

function directives(csp: string): Map<string, string[]> {
	const map = new Map<string, string[]>();
	for (const part of csp.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) map.set(name.toLowerCase(), sources);
	}
	return map;
}

interface Cookie {
	name: string;
	value: string;
	attributes: Map<string, string>;
}

function parseCookie(header: string): Cookie {
	const [pair, ...rest] = header.split(';');
	const eq = pair!.indexOf('=');
	const attributes = new Map<string, string>();
	for (const attribute of rest) {
		const [k, ...v] = attribute.trim().split('=');
		attributes.set(k!.toLowerCase(), v.join('='));
	}
	return { name: pair!.slice(0, eq).trim(), value: pair!.slice(eq + 1).trim(), attributes };
}

function cookieProblems(header: string, expect: Expectations): string[] {
	const cookie = parseCookie(header);
	const problems: string[] = [];
	const has = (a: string) => cookie.attributes.has(a);
	if (!['minvej_session', 'minvej_device', 'minvej_lang'].includes(cookie.name)) return [`an unexpected cookie ${cookie.name}`];
	if (cookie.attributes.get('path') !== '/') problems.push(`${cookie.name} without Path=/`);
	if (cookie.attributes.get('samesite')?.toLowerCase() !== 'lax') problems.push(`${cookie.name} without SameSite=Lax`);
	if (has('secure') !== expect.secure) problems.push(`${cookie.name} ${expect.secure ? 'without' : 'with'} Secure`);
	if (cookie.name === 'minvej_session' || cookie.name === 'minvej_device') {
		if (!has('httponly')) problems.push(`${cookie.name} without HttpOnly`);
		if (!has('expires') && !has('max-age')) problems.push(`${cookie.name} without an expiry`);
	} else if (has('httponly')) problems.push('minvej_lang with HttpOnly (the browser must read it)');
	return problems;
}

/** Everything wrong with one answer's headers and cookies ([] when all is well). */
export function responseProblems(reply: Reply, expect: Expectations): string[] {
	const path = new URL(reply.url, 'http://x').pathname;
	const problems: string[] = [];
	const one = (name: string) => values(reply, name).join(', ');
	const staticAsset = path.startsWith('/_app/immutable/');

	const csp = one('content-security-policy');
	if (!csp) problems.push('no Content-Security-Policy');
	else {
		const d = directives(csp);
		if (d.get('frame-ancestors')?.join(' ') !== "'none'") problems.push(`CSP without frame-ancestors 'none': ${csp}`);
		if (reply.contentType.startsWith('text/html')) {
			const effective = (name: string) => d.get(name) ?? d.get('default-src');
			const script = effective('script-src');
			if (!script) problems.push(`a page CSP that does not limit scripts: ${csp}`);
			else if (script.includes("'unsafe-inline'") || script.includes("'unsafe-eval'"))
				problems.push(`a page CSP allows inline/eval script: ${csp}`);
			if (effective('object-src')?.join(' ') !== "'none'") problems.push(`a page CSP without object-src 'none': ${csp}`);
		}
	}
	if (one('x-content-type-options').toLowerCase() !== 'nosniff') problems.push('no X-Content-Type-Options: nosniff');
	if (!SAFE_REFERRER_POLICIES.includes(one('referrer-policy').toLowerCase())) problems.push(`Referrer-Policy "${one('referrer-policy')}"`);
	if (one('x-frame-options').toUpperCase() !== 'DENY') problems.push('no X-Frame-Options: DENY');
	if (expect.secure && !/max-age=\d{7,}/.test(one('strict-transport-security'))) problems.push('no Strict-Transport-Security on https');

	const cache = one('cache-control').toLowerCase();
	if (staticAsset) {
		if (!cache.includes('immutable')) problems.push(`a fingerprinted file without immutable caching: ${cache}`);
	} else if (!cache.split(/\s*,\s*/).includes('no-store')) problems.push(`Cache-Control "${cache}" instead of no-store`);

	for (const header of values(reply, 'set-cookie')) problems.push(...cookieProblems(header, expect));
	return problems.map((p) => `${reply.method} ${reply.url} (${reply.status}): ${p}`);
}
