import { describe, expect, it } from 'vitest';
import { JSON_BODY_LIMIT, readJsonRequest } from './http';
import { MESSAGE_MAX_LENGTH } from '../../shared/messages';

const url = new URL('http://localhost:3000/api/messages');
const headers = { origin: url.origin, 'content-type': 'application/json' };

/** A request as the browser sends it (with Content-Length), or streamed without one. */
function request(body: string, options: { streamed?: boolean } = {}): Request {
	const bytes = new TextEncoder().encode(body);
	if (!options.streamed)
		return new Request(url, { method: 'POST', headers: { ...headers, 'content-length': String(bytes.length) }, body: bytes });
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			for (let i = 0; i < bytes.length; i += 4096) controller.enqueue(bytes.slice(i, i + 4096));
			controller.close();
		}
	});
	return new Request(url, { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
}

async function answer(req: Request) {
	const result = await readJsonRequest(req, url);
	if (result.ok) return { ok: true as const, value: result.value };
	return { ok: false as const, status: result.response.status, json: await result.response.json() };
}

describe('reading a JSON request', () => {
	it('refuses a body over the limit with 413 before parsing it: 200,000 nested brackets', async () => {
		const nested = '['.repeat(200_000) + ']'.repeat(200_000);
		for (const streamed of [false, true]) {
			const req = request(nested, { streamed });
			const started = performance.now();
			const result = await readJsonRequest(req, url);
			const ms = performance.now() - started;
			expect(result.ok).toBe(false);
			if (result.ok) continue;
			expect(result.response.status).toBe(413);
			expect(await result.response.json()).toMatchObject({ error: 'too_large' });
			// Read (streamed: to its end, unkept) and refused, never parsed: a few milliseconds.
			console.log(`200,000 nested brackets, ${streamed ? 'streamed' : 'with Content-Length'}: refused in ${ms.toFixed(1)} ms`);
			expect(ms).toBeLessThan(250);
		}
	});

	it('refuses nesting deeper than any of our bodies has, even within the size limit', async () => {
		const nested = '['.repeat(10_000) + ']'.repeat(10_000);
		expect(nested.length).toBeLessThan(JSON_BODY_LIMIT);
		expect(await answer(request(nested))).toMatchObject({ ok: false, status: 400, json: { error: 'invalid_json' } });
		// Brackets inside strings are text, not nesting.
		const text = JSON.stringify({ clientId: 'abc', body: '[[[[{{{{'.repeat(400) });
		expect(await answer(request(text))).toMatchObject({ ok: true });
	});

	it('takes the longest message there is, however it is written', async () => {
		// 4000 emoji: 16 KB as UTF-8. 4000 lone surrogates, which JSON.stringify escapes: 24 KB.
		for (const body of ['🙂'.repeat(MESSAGE_MAX_LENGTH), '\ud800'.repeat(MESSAGE_MAX_LENGTH), 'æ'.repeat(MESSAGE_MAX_LENGTH)]) {
			const json = JSON.stringify({ clientId: crypto.randomUUID(), body, youthId: 'x'.repeat(64) });
			for (const streamed of [false, true]) {
				const result = await answer(request(json, { streamed }));
				expect(result.ok, `${body.slice(0, 2)}…, streamed ${streamed}`).toBe(true);
				expect(result.ok && (result.value as { body: string }).body).toBe(body);
			}
		}
	});

	it('still refuses what is not JSON, not JSON by its type, or from another site', async () => {
		expect(await answer(request('{not json'))).toMatchObject({ status: 400, json: { error: 'invalid_json' } });
		expect(await answer(request(''))).toMatchObject({ status: 400, json: { error: 'invalid_json' } });
		const plain = new Request(url, { method: 'POST', headers: { origin: url.origin, 'content-type': 'text/plain' }, body: '{}' });
		expect(await answer(plain)).toMatchObject({ status: 415 });
		const evil = new Request(url, { method: 'POST', headers: { ...headers, origin: 'https://evil.example' }, body: '{}' });
		expect(await answer(evil)).toMatchObject({ status: 403 });
	});
});
