// Starts the built server (build/ from `npm run build`) from the project root, so that the
// migrations in drizzle/ and the database in data/ are found. Defaults suit a laptop:
// http://localhost:3000. Behind a proxy set ORIGIN (or PROTOCOL_HEADER/HOST_HEADER) and
// ADDRESS_HEADER/XFF_DEPTH; see README.md.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

process.env.PORT ??= '3000';
process.env.HOST ??= '0.0.0.0';
if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER) process.env.ORIGIN = `http://localhost:${process.env.PORT}`;
process.env.NODE_ENV ??= 'production';
// Node closes an idle kept-alive connection after 5 s. A client (a proxy, or the tests' request
// context) that sends on it just as it closes gets ECONNRESET. Idle connections stay open longer
// than a proxy keeps them (nginx 60 s, most load balancers 60 s), so the proxy always closes first.
process.env.KEEP_ALIVE_TIMEOUT ??= '65';
process.env.HEADERS_TIMEOUT ??= '66';

// A message may carry a photo or PDF of 10 MB (issue 17): the body may be that and its form's
// fields. The hooks hold every other request to 512 KB (hooks.server.ts, handleRequestBody).
process.env.BODY_SIZE_LIMIT ??= String(10 * 1024 * 1024 + 512 * 1024);

const buildDir = resolve(process.env.BUILD_DIR ?? 'build');
const entry = resolve(buildDir, 'index.js');
if (!existsSync(entry)) {
	console.error(`Minvej: ${entry} is missing. Run "npm run build" first (or "npm start", which builds).`);
	process.exit(1);
}
const { server } = await import(pathToFileURL(entry).href);
endUnusedConnectionsOnStop(server.server);

/**
 * On SIGTERM and SIGINT adapter-node stops accepting connections, closes the idle ones and waits
 * for the rest (at most SHUTDOWN_TIMEOUT, 30 s) before it exits. Node's closeIdleConnections()
 * leaves out a connection that has not sent a request yet, such as one a browser or a proxy opened
 * ahead of need, and such a connection kept a stopped server up for the whole 30 s. This ends
 * every connection with no request in flight; one that is answering a request is left to finish.
 * @param {import('node:http').Server} http
 */
function endUnusedConnectionsOnStop(http) {
	const open = new Set();
	const answering = new Map();
	http.on('connection', (socket) => {
		open.add(socket);
		socket.once('close', () => open.delete(socket));
	});
	http.on('request', (request, response) => {
		const socket = request.socket;
		answering.set(socket, (answering.get(socket) ?? 0) + 1);
		response.once('close', () => {
			const left = answering.get(socket) - 1;
			if (left > 0) answering.set(socket, left);
			else answering.delete(socket);
		});
	});
	const endUnused = () => {
		for (const socket of open) if (!answering.has(socket)) socket.destroy();
	};
	process.on('SIGTERM', endUnused);
	process.on('SIGINT', endUnused);
}
