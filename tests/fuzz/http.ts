/**
 * Requests to a private server as one person: log in once per person (login is throttled), keep
 * the session cookie, send raw bodies (any bytes, any content type) and read the answer.
 */
export const DEMO_PASSWORD = 'minvej-demo';
export const SESSION_COOKIE = 'minvej_session';

export interface Session {
	/** The demo username, or 'anonymous'. */
	name: string;
	/** `minvej_session=…`, or '' for nobody. */
	cookie: string;
}

export const ANONYMOUS: Session = { name: 'anonymous', cookie: '' };

/** Logs in through the login form action and returns the session cookie. */
export async function logIn(baseURL: string, username: string, password = DEMO_PASSWORD): Promise<Session> {
	const response = await fetch(`${baseURL}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: baseURL, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username, password }).toString()
	});
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.find((c) => c.startsWith(`${SESSION_COOKIE}=`) && c.length > SESSION_COOKIE.length + 1);
	if (response.status !== 303 || !cookie) throw new Error(`Login as ${username} failed: ${response.status}`);
	return { name: username, cookie };
}

export interface Answer {
	status: number;
	contentType: string;
	location: string | null;
	text: string;
}

export interface RawRequest {
	method: string;
	/** Path and query. */
	path: string;
	headers?: Record<string, string>;
	body?: string | Uint8Array;
	/** Stop reading after the headers (for event streams). */
	headersOnly?: boolean;
}

/** Sends one request as the session; the answer's body is read in full (or not at all). */
export async function send(baseURL: string, session: Session, request: RawRequest, timeoutMs = 20_000): Promise<Answer> {
	const abort = new AbortController();
	const timer = setTimeout(() => abort.abort(), timeoutMs);
	try {
		const headers: Record<string, string> = { ...request.headers };
		const cookies = [session.cookie, headers.cookie].filter(Boolean).join('; ');
		if (cookies) headers.cookie = cookies;
		else delete headers.cookie;
		const response = await fetch(baseURL + request.path, {
			method: request.method,
			redirect: 'manual',
			headers,
			body: typeof request.body === 'string' || request.body === undefined ? request.body : new Uint8Array(request.body),
			signal: abort.signal
		});
		const contentType = response.headers.get('content-type') ?? '';
		const location = response.headers.get('location');
		if (request.headersOnly) {
			abort.abort();
			return { status: response.status, contentType, location, text: '' };
		}
		if (contentType.startsWith('text/event-stream'))
			return { status: response.status, contentType, location, text: await firstEvents(response, abort) };
		return { status: response.status, contentType, location, text: await response.text() };
	} finally {
		clearTimeout(timer);
	}
}

/** An event stream never ends: what it sends in its first 100 ms. */
async function firstEvents(response: Response, abort: AbortController): Promise<string> {
	const stop = setTimeout(() => abort.abort(), 100);
	const decoder = new TextDecoder();
	let text = '';
	try {
		for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) text += decoder.decode(chunk, { stream: true });
	} catch {
		// aborted: the stream was read long enough
	} finally {
		clearTimeout(stop);
	}
	return text;
}

/** GET a page as the session: its status and HTML. */
export async function getPage(baseURL: string, session: Session, path: string): Promise<Answer> {
	return send(baseURL, session, { method: 'GET', path, headers: { accept: 'text/html' } });
}
