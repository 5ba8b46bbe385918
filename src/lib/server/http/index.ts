import { ATTACHMENT_MAX_BYTES } from '$lib/shared/attachments';
import { MAX_IMPORT_BYTES } from '$lib/shared/admin';

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

/** The largest form body a route takes unless it is named below (adapter-node's own default). */
export const FORM_BODY_LIMIT = 512 * 1024;

/**
 * Routes that take larger form bodies: a message with a photo or PDF (10 MB and its fields), and
 * the caseload import's CSV (5 MB).
 */
const LARGE_BODY_ROUTES: Record<string, number> = {
	'/api/messages': ATTACHMENT_MAX_BYTES + FORM_BODY_LIMIT,
	'/(youth)/messages': ATTACHMENT_MAX_BYTES + FORM_BODY_LIMIT,
	'/staff/messages/[youthId]': ATTACHMENT_MAX_BYTES + FORM_BODY_LIMIT,
	'/staff/admin/import': MAX_IMPORT_BYTES + FORM_BODY_LIMIT
};

/** The largest form body the route (SvelteKit's route id) takes. */
export function bodyLimitOf(routeId: string | null): number {
	return (routeId && LARGE_BODY_ROUTES[routeId]) || FORM_BODY_LIMIT;
}

/**
 * A request body as text, read as it arrives and never past `limit` bytes: null when it is larger
 * (by its Content-Length, or once that many bytes have come) or cannot be read. A body over the
 * limit is still read to its end, without keeping it, so that the answer reaches the sender and
 * the connection stays usable (the hook in hooks.server.ts does the same for bodies nobody read);
 * adapter-node's BODY_SIZE_LIMIT bounds that.
 */
export async function readBodyText(request: Request, limit: number): Promise<string | null> {
	const bytes = await readBodyBytes(request, limit);
	return bytes === null ? null : new TextDecoder().decode(bytes);
}

/** A request body's bytes, read as readBodyText reads it: null when over `limit` or unreadable. */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
	const declared = Number(request.headers.get('content-length') ?? '');
	if (Number.isFinite(declared) && declared > limit) return null;
	if (!request.body) return new Uint8Array(0);
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size <= limit) chunks.push(value);
		}
	} catch {
		return null;
	}
	if (size > limit) return null;
	const bytes = new Uint8Array(size);
	let at = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, at);
		at += chunk.byteLength;
	}
	return bytes;
}

/**
 * How deeply JSON text nests arrays and objects, counted without parsing (brackets inside strings
 * are text); stops counting past `max`. JSON.parse of deep nesting is slow and recursive.
 */
export function jsonDepthWithin(text: string, max: number): boolean {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c)
				i++; // backslash: skip the escaped character
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x5b || c === 0x7b) {
			if (++depth > max) return false;
		} else if (c === 0x5d || c === 0x7d) depth--;
	}
	return true;
}

/** A PDF the browser saves under `filename`, never cached (a plan's approved version, issue 21). */
export function pdfResponse(file: { filename: string; body: Buffer }): Response {
	return new Response(new Uint8Array(file.body), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${file.filename}"`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'no-store'
		}
	});
}

export { compressResponse } from './compression';
