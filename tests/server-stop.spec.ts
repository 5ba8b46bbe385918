/**
 * A server told to stop (SIGTERM, as a deployment's restart does) ends at once, whatever is
 * connected to it, and still answers the request it is in the middle of (scripts/serve.js,
 * messages/events.ts). Every spec's server is stopped this way (tests/access/server.ts fails a spec
 * whose server takes more than 10 s); this spec stops one with the connections that held it up.
 */
import { expect, test } from '@playwright/test';
import { connect, type Socket } from 'node:net';
import { startServer, type AppServer } from './access/server';

let server: AppServer | undefined;
test.afterEach(async () => {
	await server?.stop().catch(() => undefined);
	server = undefined;
});

/** A raw connection to the server; resolves once it is open. */
function openConnection(baseURL: string): Promise<Socket> {
	const { hostname, port } = new URL(baseURL);
	return new Promise((resolve, reject) => {
		const socket = connect(Number(port), hostname, () => resolve(socket));
		socket.once('error', reject);
	});
}

/** Resolves with everything the server sent once it has closed the connection. */
const closedBy = (socket: Socket) =>
	new Promise<string>((resolve) => {
		let received = '';
		socket.on('data', (chunk) => (received += chunk.toString()));
		socket.on('error', () => undefined);
		socket.once('close', () => resolve(received));
	});

/** Whether the process is still there. */
function alive(pid: number) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function logIn(baseURL: string, origin: string) {
	const response = await fetch(`${baseURL}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin },
		body: new URLSearchParams({ username: 'freja', password: 'minvej-demo' })
	});
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.find((c) => c.startsWith('minvej_session='));
	expect(cookie, 'a session cookie').toBeTruthy();
	return cookie!;
}

test('ends within seconds of SIGTERM (not the 30 s adapter-node allows) with a live stream open and a connection that has sent nothing yet', async () => {
	const started = await startServer({ name: 'stop' });
	server = started;
	const cookie = await logIn(started.baseURL, started.origin);
	// A young person's live stream (the messages page keeps one open) …
	const stream = await fetch(`${started.baseURL}/api/events`, { headers: { cookie, accept: 'text/event-stream' } });
	expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
	const reader = stream.body!.getReader();
	await reader.read();
	// … and a connection opened ahead of need, as browsers and proxies open them.
	const early = await openConnection(started.baseURL);
	const earlyClosed = closedBy(early);

	const asked = Date.now();
	process.kill(started.pid, 'SIGTERM');
	await expect.poll(() => alive(started.pid), { timeout: 10_000, intervals: [50] }).toBe(false);
	expect(Date.now() - asked).toBeLessThan(3_000);
	expect(await earlyClosed).toBe('');
	// The stream was ended by the server, not cut off by the test.
	while (!(await reader.read()).done);
});

test('answers the request it is in the middle of before it ends', async () => {
	const started = await startServer({ name: 'stop' });
	server = started;
	const { host } = new URL(started.baseURL);
	const body = new URLSearchParams({ username: 'freja', password: 'not-her-password' }).toString();
	const socket = await openConnection(started.baseURL);
	const answer = closedBy(socket);
	// The request's head, and half of its body …
	socket.write(
		`POST /login HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${started.origin}\r\nAccept: text/html\r\n` +
			`Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n` +
			body.slice(0, 10)
	);
	await new Promise((resolve) => setTimeout(resolve, 300));
	process.kill(started.pid, 'SIGTERM');
	await new Promise((resolve) => setTimeout(resolve, 300));
	expect(alive(started.pid), 'the server waits for the request it is answering').toBe(true);
	// … then the rest: the server answers it (the wrong password's page), then ends.
	socket.write(body.slice(10));
	expect(await answer).toMatch(/^HTTP\/1\.1 400 /);
	await expect.poll(() => alive(started.pid), { timeout: 10_000, intervals: [50] }).toBe(false);
});
