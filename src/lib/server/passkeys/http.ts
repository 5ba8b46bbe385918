/**
 * The passkey endpoints take JSON from this site only: SvelteKit's CSRF check covers form posts,
 * not JSON, so the Origin (and Fetch Metadata, where sent) must be this site's.
 */
import { jsonDepthWithin, readBodyText } from '../http';

/** A WebAuthn answer is a few kilobytes at most. */
const LIMIT = 16 * 1024;

export type PasskeyRequest = { ok: true; value: Record<string, unknown> } | { ok: false; status: 400 | 403 | 413 | 415; error: string };

export async function readPasskeyRequest(request: Request, url: URL): Promise<PasskeyRequest> {
	const site = request.headers.get('sec-fetch-site');
	if (request.headers.get('origin') !== url.origin || (site !== null && site !== 'same-origin')) {
		return { ok: false, status: 403, error: 'cross_origin' };
	}
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (type !== 'application/json') return { ok: false, status: 415, error: 'unsupported_media_type' };
	const text = await readBodyText(request, LIMIT);
	if (text === null) return { ok: false, status: 413, error: 'too_large' };
	if (!jsonDepthWithin(text, 8)) return { ok: false, status: 400, error: 'invalid_json' };
	try {
		const value: unknown = JSON.parse(text);
		if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, status: 400, error: 'invalid_json' };
		return { ok: true, value: value as Record<string, unknown> };
	} catch {
		return { ok: false, status: 400, error: 'invalid_json' };
	}
}
