/**
 * Requests to a private server as one person: log in once per person (login is throttled), keep
 * the session cookie, send raw bodies (any bytes, any content type) and read the answer.
 *
 * node:http with a keep-alive agent and no limit on sockets, not fetch: under many concurrent
 * requests fetch's connection pool let one kind of request wait for seconds behind another,
 * which measured the client instead of the server.
 */
import http from 'node:http';

export const DEMO_PASSWORD = 'minvej-demo';
export const SESSION_COOKIE = 'minvej_session';

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** Drops the open connections (after the server was killed: they are dead). */
export function dropConnections() {
	agent.destroy();
}

export interface Session {
	/** The demo username, or 'anonymous'. */
	name: string;
	/** `minvej_session=…`, or '' for nobody. */
	cookie: string;
}

export const ANONYMOUS: Session = { name: 'anonymous', cookie: '' };

export interface Answer {
	status: number;
	contentType: string;
	location: string | null;
	setCookies: string[];
	text: string;
}

export interface RawRequest {
	method: string;
	/** Path and query. */
	path: string;
	headers?: Record<string, string>;
	body?: string | Uint8Array;
}

/** The last answer each kept-alive connection carried: whether it promised to stay open, and when. */
const lastAnswer = new WeakMap<object, { status: number; keepAlive: boolean; at: number }>();

/**
 * Sends one request as the session and reads the whole answer (an event stream: what it sends in
 * its first 100 ms). Rejects when the connection fails or nothing comes within `timeoutMs`.
 *
 * A kept-alive connection that the server closed while idle (its keep-alive timeout) or after an
 * answer that said `Connection: close` may fail when reused: then the request is sent again on a
 * new connection. A connection that fails after an answer that promised to keep it open is the
 * server's fault, and the error says so.
 */
export async function send(baseURL: string, session: Session, request: RawRequest, timeoutMs = 20_000): Promise<Answer> {
	try {
		return await sendOnce(baseURL, session, request, timeoutMs, agent);
	} catch (e) {
		const failure = e as Error & { reused?: boolean; last?: { status: number; keepAlive: boolean; at: number } };
		if (!failure.reused) throw e;
		const last = failure.last;
		if (last && last.keepAlive && Date.now() - last.at < 4000) {
			throw new Error(
				`The connection failed (${failure.message}) after an answer ${last.status} that kept it open ${Date.now() - last.at} ms before`
			);
		}
		return sendOnce(baseURL, session, request, timeoutMs, false);
	}
}

function sendOnce(baseURL: string, session: Session, request: RawRequest, timeoutMs: number, via: http.Agent | false): Promise<Answer> {
	const url = new URL(baseURL);
	const headers: Record<string, string> = { ...request.headers };
	const cookies = [session.cookie, headers.cookie].filter(Boolean).join('; ');
	if (cookies) headers.cookie = cookies;
	else delete headers.cookie;
	const body = typeof request.body === 'string' ? Buffer.from(request.body) : request.body;
	if (body) headers['content-length'] = String(body.length);
	return new Promise((resolve, reject) => {
		const req = http.request(
			{ host: url.hostname, port: url.port, method: request.method, path: request.path, headers, agent: via },
			(res) => {
				const chunks: Buffer[] = [];
				const contentType = String(res.headers['content-type'] ?? '');
				const socket = res.socket;
				const done = () => {
					if (socket)
						lastAnswer.set(socket, { status: res.statusCode ?? 0, keepAlive: res.headers.connection !== 'close', at: Date.now() });
					resolve({
						status: res.statusCode ?? 0,
						contentType,
						location: res.headers.location ?? null,
						setCookies: res.headers['set-cookie'] ?? [],
						text: Buffer.concat(chunks).toString('utf8')
					});
				};
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', done);
				res.on('error', reject);
				if (contentType.startsWith('text/event-stream')) {
					setTimeout(() => {
						res.removeAllListeners('end');
						res.destroy();
						done();
					}, 100);
				}
			}
		);
		req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
		req.on('error', (e) =>
			reject(Object.assign(e, { reused: req.reusedSocket, last: req.socket ? lastAnswer.get(req.socket) : undefined }))
		);
		req.end(body);
	});
}

/** Logs in through the login form action and returns the session cookie. */
export async function logIn(baseURL: string, username: string, password = DEMO_PASSWORD): Promise<Session> {
	const answer = await send(baseURL, ANONYMOUS, {
		method: 'POST',
		path: '/login',
		headers: { origin: baseURL, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username, password }).toString()
	});
	const cookie = answer.setCookies
		.map((c) => c.split(';')[0]!)
		.find((c) => c.startsWith(`${SESSION_COOKIE}=`) && c.length > SESSION_COOKIE.length + 1);
	if (answer.status !== 303 || !cookie) throw new Error(`Login as ${username} failed: ${answer.status}`);
	return { name: username, cookie };
}

/** GET a page as the session: its status and HTML. */
export async function getPage(baseURL: string, session: Session, path: string): Promise<Answer> {
	return send(baseURL, session, { method: 'GET', path, headers: { accept: 'text/html' } });
}
