import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, compressResponse, isCompressibleType, MIN_COMPRESSED_BYTES } from './compression';

const PAGE = `<!doctype html><html><body>${'<p class="step">Find en læreplads inden for tømrerfaget</p>'.repeat(200)}</body></html>`;

function request(acceptEncoding: string | null, method = 'GET'): Request {
	return new Request('http://localhost/plan', { method, headers: acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding } });
}

function page(body = PAGE, extra: Record<string, string> = {}): Response {
	const headers = new Headers({
		'content-type': 'text/html',
		'content-length': String(Buffer.byteLength(body)),
		etag: '"h2ajfc"',
		...extra
	});
	headers.append('set-cookie', 'minvej_session=a; Path=/; HttpOnly');
	headers.append('set-cookie', 'minvej_locale=da; Path=/');
	return new Response(body, { status: 200, headers });
}

describe('chooseEncoding: what the request takes, by its Accept-Encoding and weights', () => {
	it.each([
		['gzip, deflate, br, zstd', 'br'],
		['gzip, deflate', 'gzip'],
		['br;q=0, gzip', 'gzip'],
		['gzip;q=0.5, br;q=0.1', 'gzip'],
		['*', 'br'],
		['gzip;q=0, br;q=0', null],
		['identity', null],
		['', null],
		[null, null]
	])('%j → %s', (header, expected) => {
		expect(chooseEncoding(header)).toBe(expected);
	});
});

describe('isCompressibleType: text is, streams, images and PDFs are not', () => {
	it.each([
		['text/html', true],
		['text/html; charset=utf-8', true],
		['application/json', true],
		['text/javascript; charset=utf-8', true],
		['text/csv; charset=utf-8', true],
		['text/calendar; charset=utf-8', true],
		['application/manifest+json', true],
		['application/samlmetadata+xml', true],
		['image/svg+xml', true],
		['text/event-stream', false],
		['image/jpeg', false],
		['application/pdf', false],
		['application/octet-stream', false],
		['text/htmlx', false],
		[null, false]
	])('%s → %s', (type, expected) => {
		expect(isCompressibleType(type)).toBe(expected);
	});
});

describe('compressResponse', () => {
	it('sends a page brotli-compressed to a browser that takes it, the same bytes once decoded', async () => {
		const response = await compressResponse(request('gzip, deflate, br, zstd'), page());
		expect(response.headers.get('content-encoding')).toBe('br');
		const bytes = Buffer.from(await response.arrayBuffer());
		expect(Number(response.headers.get('content-length'))).toBe(bytes.byteLength);
		expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(PAGE) / 10);
		expect(brotliDecompressSync(bytes).toString()).toBe(PAGE);
	});

	it('gzip to a client that takes only gzip', async () => {
		const response = await compressResponse(request('gzip'), page());
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(PAGE);
	});

	it('keeps status, cookies and headers; makes the ETag weak and adds Vary', async () => {
		const response = await compressResponse(
			request('br'),
			page(PAGE, { 'cache-control': 'no-store', vary: 'Cookie', 'content-security-policy': "default-src 'self'" })
		);
		expect(response.status).toBe(200);
		expect(response.headers.getSetCookie()).toEqual(['minvej_session=a; Path=/; HttpOnly', 'minvej_locale=da; Path=/']);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
		expect(response.headers.get('etag')).toBe('W/"h2ajfc"');
		expect(response.headers.get('vary')).toBe('Cookie, Accept-Encoding');
	});

	it('sends the page as it is, with Vary, to a client that asks for no compression', async () => {
		for (const header of [null, 'identity', 'br;q=0, gzip;q=0']) {
			const original = page();
			const response = await compressResponse(request(header), original);
			expect(response).toBe(original);
			expect(response.headers.get('content-encoding')).toBeNull();
			expect(response.headers.get('vary')).toBe('Accept-Encoding');
			expect(await response.text()).toBe(PAGE);
		}
	});

	it('leaves small bodies, HEAD, no-transform and already-encoded bodies as they are', async () => {
		const small = 'x'.repeat(MIN_COMPRESSED_BYTES - 1);
		const cases: [Request, Response][] = [
			[request('br'), page(small)],
			[request('br', 'HEAD'), page()],
			[request('br'), page(PAGE, { 'cache-control': 'private, no-transform' })],
			[request('br'), page(PAGE, { 'content-encoding': 'gzip' })]
		];
		for (const [req, original] of cases) {
			const response = await compressResponse(req, original);
			expect(response).toBe(original);
		}
		// The smallest body that is compressed is exactly the threshold.
		const threshold = await compressResponse(request('br'), page('x'.repeat(MIN_COMPRESSED_BYTES)));
		expect(threshold.headers.get('content-encoding')).toBe('br');
	});

	it('never buffers a stream: an event stream, or a page whose length is not known yet', async () => {
		const events = new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('data: 1\n\n')) }), {
			headers: { 'content-type': 'text/event-stream' }
		});
		const streamedPage = new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode(PAGE)) }), {
			headers: { 'content-type': 'text/html' }
		});
		expect(await compressResponse(request('br'), events)).toBe(events);
		expect(events.headers.get('vary')).toBeNull();
		expect(await compressResponse(request('br'), streamedPage)).toBe(streamedPage);
		expect(streamedPage.headers.get('content-encoding')).toBeNull();
	});

	it('leaves images and PDFs alone, without Vary', async () => {
		const pdf = new Response(new Uint8Array(4096), { headers: { 'content-type': 'application/pdf', 'content-length': '4096' } });
		expect(await compressResponse(request('br'), pdf)).toBe(pdf);
		expect(pdf.headers.get('vary')).toBeNull();
	});
});
