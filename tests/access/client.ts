/**
 * Requests as a browser (or the app's own scripts) make them, through Playwright's
 * APIRequestContext: one context per role holds that role's session cookie. Each answer is
 * reduced to what the matrix compares (the status a person would meet, where a redirect goes)
 * plus every header, which checks.ts inspects.
 */
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import type { Form } from './matrix';

export interface Reply {
	method: string;
	url: string;
	/** The HTTP status. */
	status: number;
	/**
	 * The answer that counts: for a form action sent as `use:enhance` sends it, the action's own
	 * status from its JSON result (`failure` 400, `error` 404 …); otherwise the HTTP status.
	 */
	effective: number;
	/** Where a redirect (HTTP, or an action's `redirect` result) sends the browser. */
	location: string | null;
	contentType: string;
	headers: { name: string; value: string }[];
	body: string;
}

export type BodyEncoding = 'urlencoded' | 'multipart' | 'text/plain' | 'json' | 'none';

export interface SendOptions {
	/** The Origin header; the site's own origin unless given. `null`: no Origin at all. */
	origin?: string | null;
	/** Send as `use:enhance` does (Accept: application/json), to see a form action's own answer. */
	enhanced?: boolean;
	encoding?: BodyEncoding;
	headers?: Record<string, string>;
}

export class Client {
	private constructor(
		readonly name: string,
		readonly context: APIRequestContext,
		readonly origin: string
	) {}

	static async create(name: string, baseURL: string, origin: string) {
		return new Client(name, await playwrightRequest.newContext({ baseURL, maxRedirects: 0 }), origin);
	}

	async get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
		return reply('GET', url, await this.context.get(url, { maxRedirects: 0, headers }), false);
	}

	/** A POST, PUT, PATCH or DELETE with a body in the given encoding. */
	async send(method: string, url: string, body: Form | object, options: SendOptions = {}): Promise<Reply> {
		const encoding = options.encoding ?? 'urlencoded';
		const headers: Record<string, string> = { ...options.headers };
		const origin = options.origin === undefined ? this.origin : options.origin;
		if (origin !== null) headers.origin = origin;
		if (options.enhanced) {
			headers.accept = 'application/json';
			headers['x-sveltejs-action'] = 'true';
		} else headers.accept ??= 'text/html';
		let data: string | Buffer | undefined;
		let multipart: Record<string, string> | undefined;
		if (encoding === 'json') {
			headers['content-type'] = 'application/json';
			data = JSON.stringify(body);
		} else if (encoding === 'urlencoded') {
			headers['content-type'] = 'application/x-www-form-urlencoded';
			data = formText(body as Form);
		} else if (encoding === 'text/plain') {
			headers['content-type'] = 'text/plain';
			data = isForm(body) ? formText(body) : JSON.stringify(body);
		} else if (encoding === 'multipart') {
			multipart = Object.fromEntries(Object.entries(flatForm(body)).map(([k, v]) => [k, v]));
		}
		const response = await this.context.fetch(url, { method, headers, data, multipart, maxRedirects: 0 });
		return reply(method, url, response, !!options.enhanced);
	}

	/** The Cookie header this role's context sends, for requests made outside Playwright. */
	async cookieHeader(): Promise<string> {
		const { cookies } = await this.context.storageState();
		return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
	}

	async dispose() {
		await this.context.dispose();
	}
}

function isForm(body: Form | object): body is Form {
	return Object.values(body).every((v) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')));
}

function flatForm(body: Form | object): Record<string, string> {
	return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

function formText(form: Form): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(form)) {
		for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
	}
	return params.toString();
}

async function reply(method: string, url: string, response: APIResponse, enhanced: boolean): Promise<Reply> {
	const headers = response.headersArray();
	const header = (name: string) => headers.find((h) => h.name.toLowerCase() === name)?.value ?? null;
	const contentType = header('content-type') ?? '';
	const body = method === 'HEAD' ? '' : await response.text();
	let effective = response.status();
	let location = header('location');
	if (enhanced && contentType.startsWith('application/json')) {
		const result = JSON.parse(body) as { type?: string; status?: number; location?: string };
		if (result.type === 'failure' || result.type === 'success' || result.type === 'redirect') effective = result.status ?? effective;
		if (result.type === 'redirect') location = result.location ?? null;
	}
	return { method, url, status: response.status(), effective, location, contentType, headers, body };
}

/**
 * Opens an endless response (the event stream) with Node's fetch, keeps its status and headers
 * and closes it: Playwright's request API waits for a body that never ends.
 */
export async function openStream(baseURL: string, url: string, cookie: string): Promise<Reply> {
	const abort = new AbortController();
	const response = await fetch(new URL(url, baseURL), {
		headers: { cookie, accept: 'text/event-stream' },
		redirect: 'manual',
		signal: abort.signal
	});
	const headers: { name: string; value: string }[] = [];
	response.headers.forEach((value, name) => {
		if (name !== 'set-cookie') headers.push({ name, value });
	});
	for (const value of response.headers.getSetCookie()) headers.push({ name: 'set-cookie', value });
	const contentType = response.headers.get('content-type') ?? '';
	const body = contentType.startsWith('text/event-stream') ? '' : await response.text();
	abort.abort();
	return {
		method: 'GET',
		url,
		status: response.status,
		effective: response.status,
		location: response.headers.get('location'),
		contentType,
		headers,
		body
	};
}
