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
await import(pathToFileURL(entry).href);
