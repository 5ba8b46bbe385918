import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import Negotiator from 'negotiator';

/**
 * The server's own answers compressed for the phone (issue 18): a page's HTML, its data, a
 * language's messages, exports and calendars. adapter-node compresses only the build's files
 * (`precompress`, served from disk); what the server makes went out as it was, `/plan`'s 27 KB of
 * HTML over a slow mobile connection where 6 KB would do.
 *
 * - Brotli when the browser takes it (every current browser over HTTPS and on localhost), else
 *   gzip; the choice follows the request's `Accept-Encoding` with its weights (`negotiator`, the
 *   parser Express uses), so `br;q=0` is honoured.
 * - Brotli at quality 5: on `/plan`'s HTML 5.7 KB in about 0.3 ms; quality 11 saves 0.4 KB more
 *   and takes 23 ms, too long for every request.
 * - Only text (HTML, JSON, JavaScript, CSS, CSV, calendars, XML, SVG) of at least 1 KB whose
 *   length is known. A streamed answer (the event stream, a page with data still coming) goes
 *   out as it comes: buffering it to compress would hold back its first bytes.
 * - `Vary: Accept-Encoding` on every such answer, so a cache between never gives a compressed one
 *   to a client that did not ask for it; the ETag becomes weak (`W/`), as nginx does, since the
 *   bytes differ from the uncompressed ones.
 *
 * BREACH (guessing a secret from compressed sizes) needs a secret and attacker-chosen text in the
 * same answer, fetched with the victim's cookie: the session is only in its cookie (SameSite=Lax,
 * never in a page) and forms carry no token, so compressing adds nothing to guess.
 */
const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Smaller bodies fit a packet or two anyway; the headers would eat what compression saves. */
export const MIN_COMPRESSED_BYTES = 1024;
export const BROTLI_QUALITY = 5;

const COMPRESSIBLE_TYPE =
	/^\s*(text\/(html|plain|css|csv|calendar|javascript|xml)|application\/(json|javascript|xml|manifest\+json|[\w.-]+\+(json|xml))|image\/svg\+xml)\s*(;|$)/i;

/** Whether a body of this Content-Type is worth compressing (never an event stream, image or PDF). */
export function isCompressibleType(contentType: string | null): boolean {
	return contentType !== null && COMPRESSIBLE_TYPE.test(contentType);
}

/** The coding a request takes, best first: 'br', 'gzip', or null for none. */
export function chooseEncoding(acceptEncoding: string | null): 'br' | 'gzip' | null {
	if (!acceptEncoding) return null;
	// negotiator 1.x takes the server's order for ties (`preferred`); @types/negotiator is 0.6's.
	const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }) as unknown as {
		encoding(available: string[], options: { preferred: string[] }): string | undefined;
	};
	const chosen = negotiator.encoding(['br', 'gzip'], { preferred: ['br', 'gzip'] });
	return chosen === 'br' || chosen === 'gzip' ? chosen : null;
}

function addVary(headers: Headers): void {
	const vary = headers.get('vary');
	if (!vary) headers.set('vary', 'Accept-Encoding');
	else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) headers.set('vary', `${vary}, Accept-Encoding`);
}

/** The body compressed with the coding. */
export function compressBody(body: Uint8Array, encoding: 'br' | 'gzip'): Promise<Buffer> {
	return encoding === 'br'
		? brotliAsync(body, {
				params: {
					[constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
					[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
					[constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
				}
			})
		: gzipAsync(body, { level: 6 });
}

/**
 * The response compressed for the request when it asks for it and the body is worth it; else the
 * response itself (with `Vary` added when its type could have been compressed).
 */
export async function compressResponse(request: Request, response: Response): Promise<Response> {
	const headers = response.headers;
	if (!isCompressibleType(headers.get('content-type'))) return response;
	addVary(headers);
	if (request.method === 'HEAD' || !response.body || headers.has('content-encoding')) return response;
	if (/(^|,)\s*no-transform\s*(,|$)/i.test(headers.get('cache-control') ?? '')) return response;
	const length = headers.get('content-length');
	if (length === null || !(Number(length) >= MIN_COMPRESSED_BYTES)) return response;
	const encoding = chooseEncoding(request.headers.get('accept-encoding'));
	if (!encoding) return response;

	const compressed = await compressBody(new Uint8Array(await response.arrayBuffer()), encoding);
	const out = new Headers(headers);
	out.set('content-encoding', encoding);
	out.set('content-length', String(compressed.byteLength));
	const etag = out.get('etag');
	if (etag && !etag.startsWith('W/')) out.set('etag', `W/${etag}`);
	return new Response(new Uint8Array(compressed), { status: response.status, statusText: response.statusText, headers: out });
}
