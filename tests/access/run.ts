/**
 * Sends one matrix cell (a route or action, as one role) and judges the answer against the table.
 */
import { openStream, type Client, type Reply } from './client';
import type { Target } from './discover';
import { STREAMS, WRITE_ENDPOINTS, type Bodies, type Expected } from './matrix';
import { fill } from './state';

export function urlOf(target: Target, params: Record<string, string>): string {
	const path = fill(target.pattern, params);
	return target.kind === 'action' && target.action !== 'default' ? `${path}?/${target.action}` : path;
}

/** Refused cells get the probe (valid, would change data), allowed ones the harmless body. */
export function bodyFor(expected: Expected, bodies: Bodies): object {
	return expected === 'ok' || typeof expected === 'object' ? bodies.harmless : bodies.probe;
}

export async function send(client: Client, baseURL: string, target: Target, url: string, body: object | undefined): Promise<Reply> {
	if (target.kind === 'page') return client.get(url);
	if (target.kind === 'action') return client.send('POST', url, body ?? {}, { enhanced: true });
	if (target.method === 'GET' || target.method === 'HEAD') {
		return STREAMS.includes(target.key) ? openStream(baseURL, url, await client.cookieHeader()) : client.get(url);
	}
	const encoding = WRITE_ENDPOINTS[target.key] === 'json' ? 'json' : 'urlencoded';
	return client.send(target.method, url, body ?? {}, { encoding, headers: encoding === 'json' ? { accept: 'application/json' } : {} });
}

const REFUSALS = [401, 403, 404, 405];

/** What is wrong with the answer (null: it is what the table says). */
export function judge(target: Target, expected: Expected, reply: Reply): string | null {
	const where = reply.location ? new URL(reply.location, 'http://x') : null;
	const got = `${reply.effective}${reply.effective !== reply.status ? ` (HTTP ${reply.status})` : ''}${reply.location ? ` → ${reply.location}` : ''}`;
	if (reply.status >= 500 || reply.effective >= 500) return `a server error: ${got} ${reply.body.slice(0, 200)}`;
	if (expected === 'ok') {
		if (target.kind === 'page')
			return reply.status === 200 && reply.contentType.startsWith('text/html') ? null : `expected the page (200), got ${got}`;
		if (target.method === 'GET') return reply.status === 200 ? null : `expected 200, got ${got}`;
		const refused = REFUSALS.includes(reply.effective) || (reply.effective >= 300 && reply.effective < 400 && where?.pathname === '/login');
		return refused ? `expected it to be allowed (any answer but a refusal), got ${got}` : null;
	}
	if (expected === 'login') {
		if (reply.status !== 303 || where?.pathname !== '/login') return `expected 303 to /login, got ${got}`;
		const next = where.searchParams.get('next');
		const asked = new URL(reply.url, 'http://x');
		if (next !== null && next !== asked.pathname + asked.search)
			return `login would send back to ${next}, not ${asked.pathname}${asked.search}`;
		return null;
	}
	if (typeof expected === 'object') {
		return reply.effective === 303 && reply.location === expected.redirect ? null : `expected 303 to ${expected.redirect}, got ${got}`;
	}
	return reply.effective === expected ? null : `expected ${expected}, got ${got}`;
}
