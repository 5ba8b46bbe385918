const BASE = 'http://minvej.invalid';
/** Control characters, white space, line and paragraph separators, and backslashes: never in a return address. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const UNSAFE = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff\\]/;

/**
 * A path on this site to go to after a form or a login, or the fallback: never another origin.
 * The value is parsed as a URL against a stand-in origin (as a browser would resolve it) and
 * kept only if it stays on that origin; what is returned is the parsed path, so a browser that
 * drops or rewrites characters cannot turn it into another host.
 */
export function safeNext(value: unknown, fallback: string): string {
	if (typeof value !== 'string' || value.length > 500 || !value.startsWith('/') || UNSAFE.test(value)) return fallback;
	let url: URL;
	try {
		url = new URL(value, BASE);
	} catch {
		return fallback;
	}
	const path = url.pathname + url.search + url.hash;
	if (url.origin !== BASE || !path.startsWith('/') || path.startsWith('//')) return fallback;
	return path;
}

/** A trimmed string form field ('' when missing or not text). */
export function field(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value.trim() : '';
}
